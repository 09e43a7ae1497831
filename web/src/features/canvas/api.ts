// Queries of the canvas area (/canvas/...): the CRM Model Canvas and a segment's established
// measures, each for a period.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CrmCanvas, Established } from './types';

export const canvasKey = ['canvas'] as const;

export interface Period {
  from: number;
  to: number;
}

export function useCrmCanvas(period: Period) {
  return useQuery({
    queryKey: [...canvasKey, 'crm', period],
    queryFn: ({ signal }) => api.get<CrmCanvas>('/canvas/crm', { query: { ...period }, signal }),
  });
}

export function useEstablished(segmentId: string | null, period: Period, noContactDays: number) {
  return useQuery({
    queryKey: [...canvasKey, 'established', segmentId, period, noContactDays],
    enabled: segmentId !== null,
    queryFn: ({ signal }) =>
      api.get<Established>(`/canvas/segments/${segmentId ?? ''}/established`, {
        query: { ...period, no_contact_days: noContactDays },
        signal,
      }),
  });
}
