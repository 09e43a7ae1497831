import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useCursorList } from '../../../api/paging';
import type { Team, TeamKind, TeamMember } from '../../../api/types';

export const teamsKey = ['teams'] as const;

export interface TeamInput {
  name: string;
  kind: TeamKind;
  description?: string;
  members: TeamMember[];
}

export function useTeamsList() {
  return useCursorList<Team>([...teamsKey, 'list'], '/teams');
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
    },
  });
}
