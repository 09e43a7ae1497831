import type { Feature } from '../../app/registry';

export const homeFeature: Feature = {
  id: 'home',
  routes: [{ index: true, lazy: async () => ({ Component: (await import('./HomePage')).HomePage }) }],
  nav: [{ to: '/', labelKey: 'nav.home', icon: 'home', order: 0, end: true }],
};
