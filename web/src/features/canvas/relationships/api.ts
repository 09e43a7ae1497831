// The Customer Relationships block (GET /canvas/relationships): each segment's plan against what
// the data shows, with costs and the ranked gaps, for a period (and a plan version).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { canvasKey } from '../api';
import { plansKey, type PlanVersion } from '../../relationships/api';
import type { BlockQuery, RelationshipsBlock } from './types';

export function useRelationshipsBlock(query: BlockQuery | null) {
  return useQuery({
    queryKey: [...canvasKey, 'relationships', query],
    enabled: query !== null,
    // Absent parameters (undefined) are left out of the URL.
    queryFn: ({ signal }) => api.get<RelationshipsBlock>('/canvas/relationships', { query: { ...query }, signal }),
  });
}

/** A segment's plan versions (the relationships area's list), only once a segment is chosen. */
export function usePlanVersions(segmentId: string | null) {
  return useQuery({
    queryKey: [...plansKey, 'versions', segmentId ?? ''],
    enabled: segmentId !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: PlanVersion[] }>(`/relationship-plans/${encodeURIComponent(segmentId ?? '')}/versions`, { signal }),
    select: (d) => d.items,
  });
}
