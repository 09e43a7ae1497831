import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { isApiError, onUnauthorized } from '../api/client';
import { meKey, sessionExpired } from '../auth/session';
import { RequireAuth } from '../auth/RequireAuth';
import { SignInPage } from '../auth/SignInPage';
import { features } from './features';
import { Shell } from './Shell';
import { NotFoundPage, RouteErrorPage } from './StatusPages';

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  onUnauthorized(() => {
    // Signed in a moment ago: ask for the password in place. Never signed in: the sign-in page.
    if (client.getQueryData(meKey)) sessionExpired.set(true);
    else client.setQueryData(meKey, null);
  });
  return client;
}

export function appRoutes(): RouteObject[] {
  return [
    { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <Shell />
        </RequireAuth>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          // Errors of a page render inside the shell, with the navigation still there.
          errorElement: <RouteErrorPage />,
          children: [...features.flatMap((f) => f.routes), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(appRoutes()));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
