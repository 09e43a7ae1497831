// Queries and mutations of the duplicate queue and of merges.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorList } from '../../api/paging';
import { ENTITIES } from '../customers/schema';
import type { CustomerRecord, Entity } from '../customers/types';
import type { DuplicateCandidate, DuplicateStatus, MergeRequest, ScanReport } from './types';

export const duplicatesKey = ['duplicates'] as const;

export function useDuplicateQueue(entity: Entity, status: DuplicateStatus) {
  return useCursorList<DuplicateCandidate>([...duplicatesKey, 'list'], '/duplicates', { type: entity, status }, 50);
}

export function useCandidate(id: string | undefined) {
  return useQuery({
    queryKey: [...duplicatesKey, 'one', id],
    queryFn: ({ signal }) => api.get<DuplicateCandidate>(`/duplicates/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useDismiss() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<DuplicateCandidate>(`/duplicates/${encodeURIComponent(id)}/dismiss`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

export function useScan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entity: Entity) => api.post<ScanReport>('/duplicates/scan', { type: entity }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: duplicatesKey }),
  });
}

export function useMerge(entity: Entity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, request }: { survivorId: string; request: MergeRequest }) =>
      api.post<CustomerRecord>(`/${ENTITIES[entity].path}/${encodeURIComponent(survivorId)}/merge`, request),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: duplicatesKey });
      void qc.invalidateQueries({ queryKey: ['records', entity] });
    },
  });
}
