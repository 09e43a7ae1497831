// Segments: dynamic (a saved filter evaluated live) or static (members added by id), their
// counts, members, daily snapshots and exports (see the server's routes_segments.cpp).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import { useCursorList, useCursorPages } from '../../api/paging';
import type { UnixMillis } from '../../api/types';
import type { CustomerRecord, Entity } from '../customers/types';

export const SEGMENT_KINDS = ['b2b', 'b2c', 'mixed'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
export const SEGMENT_TYPES = ['dynamic', 'static'] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

export interface Segment {
  id: string;
  name: string;
  description: string;
  kind: SegmentKind;
  entity_type: Entity;
  type: SegmentType;
  /** Dynamic segments: the filter (JSON filter language); null for static ones. */
  filter: unknown;
  owner_user_id: string | null;
  created_at: UnixMillis;
  updated_at: UnixMillis;
  /** GET /segments/{id} only. */
  member_count?: number;
}

export interface SegmentWrite {
  name?: string;
  description?: string;
  kind?: SegmentKind;
  entity_type?: Entity;
  type?: SegmentType;
  filter?: unknown;
}

export interface Snapshot {
  day: string;
  member_count: number;
  taken_at: UnixMillis;
}

export const segmentsKey = ['segments'] as const;
const one = (id: string) => `/segments/${encodeURIComponent(id)}`;

export function useSegmentsList() {
  return useCursorList<Segment>([...segmentsKey, 'list'], '/segments', {}, 100);
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: [...segmentsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Segment>(one(id), { signal }),
    staleTime: 0,
  });
}

export function useSegmentCount(id: string) {
  return useQuery({
    queryKey: [...segmentsKey, 'count', id],
    queryFn: ({ signal }) => api.get<{ count: number }>(`${one(id)}/count`, { signal }),
    select: (d) => d.count,
  });
}

export function useSegmentMembers(id: string, limit = 100) {
  return useCursorPages<CustomerRecord>([...segmentsKey, 'members', id, limit], `${one(id)}/members`, { limit, staleTime: 0 });
}

export function useSegmentHistory(id: string) {
  return useQuery({
    queryKey: [...segmentsKey, 'history', id],
    queryFn: ({ signal }) => api.get<{ items: Snapshot[] }>(`${one(id)}/history`, { signal }),
    select: (d) => d.items,
  });
}

function useInvalidate(id?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [...segmentsKey, 'list'] });
    if (id) {
      void qc.invalidateQueries({ queryKey: [...segmentsKey, 'one', id] });
      void qc.invalidateQueries({ queryKey: [...segmentsKey, 'count', id] });
      void qc.invalidateQueries({ queryKey: [...segmentsKey, 'members', id] });
      void qc.invalidateQueries({ queryKey: [...segmentsKey, 'history', id] });
    }
  };
}

export function useSaveSegment(id?: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: SegmentWrite) => (id ? api.patch<Segment>(one(id), body) : api.post<Segment>('/segments', body)),
    onSuccess: invalidate,
  });
}

export function useDeleteSegment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(one(id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: [...segmentsKey, 'one', id] });
      void qc.invalidateQueries({ queryKey: [...segmentsKey, 'list'] });
    },
  });
}

export function useAddMembers(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ added: number }>(`${one(id)}/members`, { ids }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (recordId: string) => api.del(`${one(id)}/members/${encodeURIComponent(recordId)}`),
    onSuccess: invalidate,
  });
}

export function useTakeSnapshot(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: () => api.post<Snapshot>(`${one(id)}/snapshot`),
    onSuccess: invalidate,
  });
}

/** The export's address (a plain link: the browser downloads the streamed file). */
export function exportUrl(id: string, format: 'csv' | 'json', delimiter?: 'comma' | 'semicolon'): string {
  return buildUrl(`${one(id)}/export`, { format, delimiter });
}
