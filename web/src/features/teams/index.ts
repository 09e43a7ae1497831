// Teams and their members (the server's teams area: /teams), a section of Settings.
import type { Feature } from '../../app/registry';

export const teamsFeature: Feature = {
  id: 'teams',
  routes: [],
  settings: [
    {
      path: 'teams',
      labelKey: 'settings.teams',
      icon: 'teams',
      order: 200,
      routes: [
        { index: true, lazy: async () => ({ Component: (await import('./TeamsPage')).TeamsPage }) },
        { path: 'new', lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamCreatePage }) },
        { path: ':teamId', lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamEditPage }) },
      ],
    },
  ],
};
