// Teams and their members (the server's teams area: /teams), a section of Settings.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

export const teamsFeature: Feature = {
  id: 'teams',
  routes: [],
  settings: [
    {
      path: 'teams',
      labelKey: 'settings.teams',
      icon: 'teams',
      order: 200,
      // Not for a partner user, who works on one buyer's consumers outside the company's teams.
      visible: (me) => !isPartner(me),
      routes: [
        { index: true, lazy: async () => ({ Component: (await import('./TeamsPage')).TeamsPage }) },
        { path: 'new', lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamCreatePage }) },
        { path: ':teamId', lazy: async () => ({ Component: (await import('./TeamFormPage')).TeamEditPage }) },
      ],
    },
  ],
};
