import type { Feature } from '../../app/registry';
import { settingsSections } from './sections';

export const settingsFeature: Feature = {
  id: 'settings',
  routes: [
    {
      path: 'settings',
      lazy: async () => ({ Component: (await import('./SettingsLayout')).SettingsLayout }),
      children: [
        { index: true, lazy: async () => ({ Component: (await import('./SettingsLayout')).SettingsIndex }) },
        ...settingsSections.map((s) => ({ path: s.path, children: s.routes })),
      ],
    },
  ],
  nav: [{ to: '/settings', labelKey: 'nav.settings', icon: 'settings', order: 1000 }],
};
