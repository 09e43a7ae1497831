// The sections of Settings. A later feature that needs a settings page adds a section here.
import type { RouteObject } from 'react-router';
import type { Me } from '../../api/types';
import { can } from '../../auth/permissions';
import type { IconName } from '../../ui/icons';

export interface SettingsSection {
  /** Path under /settings/. */
  path: string;
  labelKey: string;
  icon: IconName;
  visible?: (me: Me) => boolean;
  /** Routes relative to /settings/<path>/. */
  routes: RouteObject[];
}

export const settingsSections: SettingsSection[] = [
  {
    path: 'users',
    labelKey: 'settings.users',
    icon: 'users',
    routes: [
      { index: true, lazy: async () => ({ Component: (await import('./users/UsersPage')).UsersPage }) },
      { path: 'new', lazy: async () => ({ Component: (await import('./users/UserCreatePage')).UserCreatePage }) },
      { path: ':userId', lazy: async () => ({ Component: (await import('./users/UserEditPage')).UserEditPage }) },
    ],
  },
  {
    path: 'teams',
    labelKey: 'settings.teams',
    icon: 'teams',
    routes: [
      { index: true, lazy: async () => ({ Component: (await import('./teams/TeamsPage')).TeamsPage }) },
      { path: 'new', lazy: async () => ({ Component: (await import('./teams/TeamFormPage')).TeamCreatePage }) },
      { path: ':teamId', lazy: async () => ({ Component: (await import('./teams/TeamFormPage')).TeamEditPage }) },
    ],
  },
  {
    path: 'custom-fields',
    labelKey: 'settings.customFields',
    icon: 'fields',
    routes: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./custom-fields/CustomFieldsPage')).CustomFieldsPage }),
      },
    ],
  },
  {
    path: 'api-keys',
    labelKey: 'settings.apiKeys',
    icon: 'key',
    visible: (me) => can(me, 'apiKeys.manage'),
    routes: [{ index: true, lazy: async () => ({ Component: (await import('./api-keys/ApiKeysPage')).ApiKeysPage }) }],
  },
  {
    path: 'roles',
    labelKey: 'settings.roles',
    icon: 'shield',
    routes: [{ index: true, lazy: async () => ({ Component: (await import('./roles/RolesPage')).RolesPage }) }],
  },
  {
    path: 'audit',
    labelKey: 'settings.audit',
    icon: 'list',
    visible: (me) => can(me, 'audit.read'),
    routes: [{ index: true, lazy: async () => ({ Component: (await import('./audit/AuditPage')).AuditPage }) }],
  },
];

export function visibleSections(me: Me): SettingsSection[] {
  return settingsSections.filter((s) => !s.visible || s.visible(me));
}
