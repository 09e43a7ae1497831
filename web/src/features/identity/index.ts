// Identity: users, API keys, and roles and their permissions (the server's identity area:
// /users, /api-keys, /roles). Signing in and the session (/auth, /me) are in src/auth/, which the
// whole app needs. All three screens are sections of Settings.
import type { Feature } from '../../app/registry';
import { can, isPartner } from '../../auth/permissions';

export const identityFeature: Feature = {
  id: 'identity',
  routes: [],
  settings: [
    {
      path: 'users',
      labelKey: 'settings.users',
      icon: 'users',
      order: 100,
      // A partner user works outside the company: the staff directory is not theirs.
      visible: (me) => !isPartner(me),
      routes: [
        { index: true, lazy: async () => ({ Component: (await import('./UsersPage')).UsersPage }) },
        { path: 'new', lazy: async () => ({ Component: (await import('./UserCreatePage')).UserCreatePage }) },
        { path: ':userId', lazy: async () => ({ Component: (await import('./UserEditPage')).UserEditPage }) },
      ],
    },
    {
      path: 'api-keys',
      labelKey: 'settings.apiKeys',
      icon: 'key',
      order: 400,
      visible: (me) => can(me, 'apiKeys.manage'),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./ApiKeysPage')).ApiKeysPage }) }],
    },
    {
      path: 'roles',
      labelKey: 'settings.roles',
      icon: 'shield',
      order: 500,
      visible: (me) => !isPartner(me),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./RolesPage')).RolesPage }) }],
    },
  ],
};
