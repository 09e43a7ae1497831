// Segments: dynamic (a saved filter evaluated live) or static (members added by id), their
// counts, members, daily snapshots and exports (see the server's routes_segments.cpp).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import { useCursorList, useCursorPages } from '../../api/paging';
import type { ResponseOf, Schemas } from '../../api/types';
import type { CustomerRecord } from '../customers/types';

export type SegmentKind = Schemas['Segment']['kind'];
export const SEGMENT_KINDS = ['b2b', 'b2c', 'mixed'] as const satisfies readonly SegmentKind[];
export type SegmentType = Schemas['Segment']['type'];
export const SEGMENT_TYPES = ['dynamic', 'static'] as const satisfies readonly SegmentType[];

/** `filter`: dynamic segments' filter (JSON filter language), null for static ones; `member_count`: GET /segments/{id} only. */
export type Segment = Schemas['Segment'];
export type SegmentWrite = Schemas['SegmentWrite'];
export type Snapshot = Schemas['SegmentSnapshot'];

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
    queryFn: ({ signal }) => api.get<ResponseOf<'/api/v1/segments/{id}/count', 'get'>>(`${one(id)}/count`, { signal }),
    select: (d) => d.count,
  });
}

export function useSegmentMembers(id: string, limit = 100) {
  return useCursorPages<CustomerRecord>([...segmentsKey, 'members', id, limit], `${one(id)}/members`, { limit, staleTime: 0 });
}

export function useSegmentHistory(id: string) {
  return useQuery({
    queryKey: [...segmentsKey, 'history', id],
    queryFn: ({ signal }) => api.get<ResponseOf<'/api/v1/segments/{id}/history', 'get'>>(`${one(id)}/history`, { signal }),
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
    mutationFn: (ids: string[]) => api.post<ResponseOf<'/api/v1/segments/{id}/members', 'post'>>(`${one(id)}/members`, { ids }),
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
