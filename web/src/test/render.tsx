// Renders one page as the app would: i18n, a fresh query client, a router and a session.
import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { render } from '@testing-library/react';
import type { Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import { initI18n } from '../i18n';

export const demoMe: Me = {
  user: {
    id: '1',
    email: 'demo@rapport.test',
    display_name: 'Demo Owner',
    role: 'owner',
    language: null,
    active: true,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
  },
  workspace: { id: '9', slug: 'demo', name: 'Rapport Demo', default_language: 'en', created_at: 1_700_000_000_000 },
  role: 'owner',
  auth: 'session',
  permissions: { role: 'owner', read: 'all', write: 'all' },
  csrf_token: 'csrf',
};

export async function renderPage(element: ReactElement, { path = '/', me = demoMe }: { path?: string; me?: Me } = {}) {
  await initI18n('en');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element: <SessionProvider value={me}>{element}</SessionProvider> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  return {
    ...render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
    router,
    queryClient,
  };
}
