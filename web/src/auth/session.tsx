// The signed-in session: GET /me as a query, sign-in and sign-out, and a context that pages
// inside the app shell read (`useSession()` is never null there).
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../api/client';
import type { Hints, LoginResponse, Me, User } from '../api/types';

export const meKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me', { quietUnauthorized: true });
    setCsrfToken(me.csrf_token ?? null);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  // Fetched once per page load; later 401s from other calls open the "sign in again" dialog
  // instead of throwing the person out of a half-filled form.
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 });
}

export function useHints() {
  return useQuery({
    queryKey: ['auth', 'hints'],
    queryFn: () => api.get<Hints>('/auth/hints'),
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

export interface Credentials {
  email: string;
  password: string;
  workspace?: string;
}

export async function signIn(queryClient: QueryClient, creds: Credentials): Promise<Me | null> {
  const body: Credentials = { email: creds.email, password: creds.password };
  if (creds.workspace?.trim()) body.workspace = creds.workspace.trim();
  const res = await api.post<LoginResponse>('/auth/login', body, { quietUnauthorized: true });
  setCsrfToken(res.csrf_token);
  sessionExpired.set(false);
  // Everything cached belonged to the previous session (or none): start fresh.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'auth' });
  const me = await fetchMe();
  queryClient.setQueryData(meKey, me);
  return me;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (creds: Credentials) => signIn(queryClient, creds) });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } catch (e) {
        // Already signed out on the server: that is what was wanted.
        if (!(isApiError(e) && e.status === 401)) throw e;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      sessionExpired.set(false);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** After a profile change of the signed-in user, keep /me in step. */
export function updateMeUser(queryClient: QueryClient, user: User): void {
  queryClient.setQueryData<Me | null>(meKey, (me) => (me && me.user?.id === user.id ? { ...me, user } : me));
}

// --- "your session ended" flag: set by any 401, cleared by signing in -------------------

function createFlag(initial: boolean) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: boolean) {
      if (next === value) return;
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export const sessionExpired = createFlag(false);

export function useSessionExpired(): boolean {
  return useSyncExternalStore(sessionExpired.subscribe, sessionExpired.get, sessionExpired.get);
}

// --- context for pages inside the shell --------------------------------------------------

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside of a signed-in page');
  return me;
}

/** The signed-in user when inside the shell, else null (for hooks used in both). */
export function useOptionalSession(): Me | null {
  return useContext(SessionContext);
}
