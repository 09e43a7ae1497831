// Queries of the costs area: the cost model (/cost-model, its versions) and the costs of a
// period (/costs), per type, segment and customer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CostModel, CostModelInput, CostModelState, Costs } from './types';

export const costsKey = ['costs'] as const;

export function useCostModel() {
  return useQuery({
    queryKey: [...costsKey, 'model'],
    queryFn: ({ signal }) => api.get<CostModelState>('/cost-model', { signal }),
  });
}

export function useSaveCostModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CostModelInput) => api.put<CostModel>('/cost-model', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: costsKey }),
  });
}

export function useDeleteCostVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/cost-model/versions/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: costsKey }),
  });
}

export function useCosts(period: { from: string; to: string }, segment: string) {
  return useQuery({
    queryKey: [...costsKey, 'report', period, segment],
    queryFn: ({ signal }) => api.get<Costs>('/costs', { query: { ...period, segment: segment || undefined, limit: 20 }, signal }),
  });
}
