// Service levels (the server's servicelevels area: /service-levels/...): business calendars,
// SLA policies and the due-time preview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fetchAll } from '../../api/paging';
import type { Schemas } from '../../api/types';

export type SlaCalendar = Schemas['SlaCalendar'];
export type SlaCalendarInput = Schemas['SlaCalendarInput'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaPolicyInput = Schemas['SlaPolicyInput'];
type Segment = Schemas['Segment'];

export const serviceLevelsKey = ['service-levels'] as const;
const calendarsKey = [...serviceLevelsKey, 'calendars'] as const;
const policiesKey = [...serviceLevelsKey, 'policies'] as const;

export function useCalendars() {
  return useQuery({
    queryKey: [...calendarsKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: SlaCalendar[] }>('/service-levels/calendars', { signal }),
    select: (d) => d.items,
  });
}

export function useCalendar(id: string) {
  return useQuery({
    queryKey: [...calendarsKey, 'one', id],
    queryFn: ({ signal }) => api.get<SlaCalendar>(`/service-levels/calendars/${encodeURIComponent(id)}`, { signal }),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: [...policiesKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>('/service-levels/policies', { signal }),
    select: (d) => d.items,
  });
}

export function usePolicy(id: string) {
  return useQuery({
    queryKey: [...policiesKey, 'one', id],
    queryFn: ({ signal }) => api.get<SlaPolicy>(`/service-levels/policies/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Every segment, for the policy's segment picker. */
export function useSegmentChoices() {
  return useQuery({
    queryKey: [...serviceLevelsKey, 'segments'],
    queryFn: ({ signal }) => fetchAll<Segment>('/segments', 2000, signal),
    staleTime: 60_000,
  });
}

function useSave<In, Out extends { id: string }>(base: string, key: readonly string[], id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: In) => (id ? api.patch<Out>(`${base}/${encodeURIComponent(id)}`, input) : api.post<Out>(base, input)),
    onSuccess: (saved) => {
      qc.setQueryData([...key, 'one', saved.id], saved);
      void qc.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
}

function useDelete(base: string, key: readonly string[], id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(`${base}/${encodeURIComponent(id)}`),
    onSuccess: () => {
      qc.removeQueries({ queryKey: [...key, 'one', id] });
      void qc.invalidateQueries({ queryKey: [...key, 'list'] });
    },
  });
}

export const useSaveCalendar = (id?: string) =>
  useSave<SlaCalendarInput, SlaCalendar>('/service-levels/calendars', calendarsKey, id);
export const useDeleteCalendar = (id: string) => useDelete('/service-levels/calendars', calendarsKey, id);
export const useSavePolicy = (id?: string) => useSave<SlaPolicyInput, SlaPolicy>('/service-levels/policies', policiesKey, id);
export const useDeletePolicy = (id: string) => useDelete('/service-levels/policies', policiesKey, id);

export interface DuePreview {
  calendar_id: string;
  start: number;
  minutes: number;
  due_at: number;
}

/** The due time `minutes` business minutes after `start` in a calendar (on demand). */
export function usePreview() {
  return useMutation({
    mutationFn: ({ calendar, start, minutes }: { calendar: string; start: number; minutes: number }) =>
      api.get<DuePreview>('/service-levels/preview', { query: { calendar, start, minutes } }),
  });
}
