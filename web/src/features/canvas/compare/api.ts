// The CRM Model Canvas of one side of the comparison: GET /canvas/crm for a period, asked only
// once the period is valid (the same cache entry as the canvas screen's for the same period).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { canvasKey, type Period } from '../api';
import type { CrmCanvas } from '../types';

export function useComparedCanvas(period: Period | null) {
  return useQuery({
    queryKey: [...canvasKey, 'crm', period],
    enabled: period !== null,
    queryFn: ({ signal }) => api.get<CrmCanvas>('/canvas/crm', { query: { ...(period as Period) }, signal }),
  });
}
