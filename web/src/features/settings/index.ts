// The Settings screen: only the shell (a subnavigation and the page beside it). Its sections
// come from the areas (Feature.settings, e.g. users in features/identity, teams in
// features/teams), collected and ordered in app/features.ts, which passes them here.
import { sectionVisible, type Feature, type SettingsSection } from '../../app/registry';

export function settingsFeature(sections: SettingsSection[]): Feature {
  return {
    id: 'settings',
    routes: [
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('./SettingsLayout')).SettingsLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./SettingsLayout')).SettingsIndex }) },
          ...sections.map((s) => ({ path: s.path, children: s.routes })),
        ],
      },
    ],
    nav: [
      {
        to: '/settings',
        labelKey: 'nav.settings',
        icon: 'settings',
        order: 1000,
        // Hidden when none of its sections is for this user.
        visible: (me) => sections.some((s) => sectionVisible(s, me)),
      },
    ],
  };
}
