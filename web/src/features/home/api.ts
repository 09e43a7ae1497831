// The desk (the server's desk area, /desk): its cards, and the visit mark that decides where
// "new since your last visit" begins.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/types';

export type Desk = Schemas['Desk'];

export const deskKey = ['desk'] as const;

export function useDesk(quietDays: number, enabled: boolean) {
  return useQuery({
    queryKey: [...deskKey, quietDays],
    queryFn: ({ signal }) => api.get<Desk>('/desk', { query: { quiet_days: quietDays, limit: 5 }, signal }),
    enabled,
  });
}

/** Marks a visit; `markAllSeen` starts the news afresh. The desk is read again afterwards. */
export function useDeskVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (markAllSeen: boolean) => api.post('/desk/visit', markAllSeen ? { mark_all_seen: true } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: deskKey }),
  });
}
