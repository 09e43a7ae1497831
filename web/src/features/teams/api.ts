import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fetchAll, useCursorList } from '../../api/paging';
import type { Schemas, Team } from '../../api/types';

export const teamsKey = ['teams'] as const;

export type TeamInput = Schemas['TeamInput'];

export function useTeamsList() {
  return useCursorList<Team>([...teamsKey, 'list'], '/teams');
}

/** Every team (for pickers and for showing names). */
export function useAllTeams() {
  return useQuery({
    queryKey: [...teamsKey, 'all'],
    queryFn: ({ signal }) => fetchAll<Team>('/teams', 2000, signal),
    staleTime: 60_000,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: [...teamsKey, 'one', id],
    queryFn: ({ signal }) => api.get<Team>(`/teams/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useSaveTeam(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamInput) =>
      id ? api.patch<Team>(`/teams/${encodeURIComponent(id)}`, input) : api.post<Team>('/teams', input),
    onSuccess: (team) => {
      qc.setQueryData([...teamsKey, 'one', team.id], team);
      void qc.invalidateQueries({ queryKey: [...teamsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: [...teamsKey, 'all'] });
    },
  });
}

export function useDeleteTeam(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(`/teams/${encodeURIComponent(id)}`),
    onSuccess: () => {
      qc.removeQueries({ queryKey: [...teamsKey, 'one', id] });
      void qc.invalidateQueries({ queryKey: [...teamsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: [...teamsKey, 'all'] });
    },
  });
}
