import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fetchAll, useCursorList } from '../../api/paging';
import type { Schemas, User } from '../../api/types';
import { updateMeUser } from '../../auth/session';

export const usersKey = ['users'] as const;

export type NewUser = Schemas['UserCreate'];

export type UserChanges = Schemas['UserPatch'];

export function useUsersList() {
  return useCursorList<User>([...usersKey, 'list'], '/users');
}

export function useAllUsers() {
  return useQuery({ queryKey: [...usersKey, 'all'], queryFn: ({ signal }) => fetchAll<User>('/users', 2000, signal) });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: ({ signal }) => api.get<User>(`/users/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: NewUser) => api.post<User>('/users', u),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: UserChanges) => api.patch<User>(`/users/${encodeURIComponent(id)}`, changes),
    onSuccess: (user) => {
      qc.setQueryData([...usersKey, 'one', id], user);
      updateMeUser(qc, user);
      void qc.invalidateQueries({ queryKey: usersKey });
    },
  });
}
