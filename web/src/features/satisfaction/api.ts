// Queries of the satisfaction area (/satisfaction/...): CSAT and NPS results, the feedback list
// and the service report, each for a period.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CsatGroup, CsatResults, FeedbackItem, NpsSeries, ServiceReport, Topic } from './types';

export const satisfactionKey = ['satisfaction'] as const;

export interface Period {
  from: number;
  to: number;
}

export function useServiceReport(period: Period, team?: string) {
  return useQuery({
    queryKey: [...satisfactionKey, 'service', period, team],
    queryFn: ({ signal }) => api.get<ServiceReport>('/satisfaction/service-report', { query: { ...period, team }, signal }),
  });
}

export function useCsatResults(period: Period, groupBy: CsatGroup) {
  return useQuery({
    queryKey: [...satisfactionKey, 'csat', period, groupBy],
    queryFn: ({ signal }) => api.get<CsatResults>('/satisfaction/csat', { query: { ...period, group_by: groupBy }, signal }),
  });
}

export function useNpsResults() {
  return useQuery({
    queryKey: [...satisfactionKey, 'nps'],
    queryFn: ({ signal }) => api.get<{ series: NpsSeries[] }>('/satisfaction/nps', { signal }),
  });
}

export function useFeedback(period: Period, topic: Topic | '') {
  return useQuery({
    queryKey: [...satisfactionKey, 'feedback', period, topic],
    queryFn: ({ signal }) =>
      api.get<{ items: FeedbackItem[] }>('/satisfaction/feedback', {
        query: { ...period, topic: topic || undefined },
        signal,
      }),
  });
}

export function useSendNps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { segment_id: string; question?: string }) =>
      api.post<{ recipients: number }>('/satisfaction/nps-surveys', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...satisfactionKey, 'nps'] }),
  });
}
