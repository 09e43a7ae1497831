// Queries and mutations of the duplicate queue and of merges.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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
  return useMutation({
    mutationFn: ({ survivorId, request }: { survivorId: string; request: MergeRequest }) =>
      api.post<CustomerRecord>(`/${ENTITIES[entity].path}/${encodeURIComponent(survivorId)}/merge`, request),
  });
}

/**
 * After a merge: the pair and the record merged away are gone on the server, so their cached
 * queries are cancelled and dropped (never refetched: that would be a 404); the survivor gets the
 * merge's answer; lists (the queue, the record lists, counts…) refetch when next shown.
 */
export function forgetMergedPair(
  qc: QueryClient,
  entity: Entity,
  pair: { candidateId: string; recordIds: string[] },
  survivor: CustomerRecord,
) {
  const candidateKey = [...duplicatesKey, 'one', pair.candidateId];
  const gone = pair.recordIds.filter((id) => id !== survivor.id);
  const recordKey = (id: string) => ['records', entity, 'one', id];
  void qc.cancelQueries({ queryKey: candidateKey, exact: true });
  qc.removeQueries({ queryKey: candidateKey, exact: true });
  for (const id of gone) {
    void qc.cancelQueries({ queryKey: recordKey(id), exact: true });
    qc.removeQueries({ queryKey: recordKey(id), exact: true });
  }
  qc.setQueryData(recordKey(survivor.id), survivor);
  const isPairQuery = (key: readonly unknown[]) =>
    (key[0] === duplicatesKey[0] && key[1] === 'one' && key[2] === pair.candidateId) ||
    (key[0] === 'records' && key[1] === entity && key[2] === 'one' && pair.recordIds.includes(String(key[3])));
  void qc.invalidateQueries({ queryKey: duplicatesKey, predicate: (q) => !isPairQuery(q.queryKey) });
  void qc.invalidateQueries({ queryKey: ['records', entity], predicate: (q) => !isPairQuery(q.queryKey) });
}
