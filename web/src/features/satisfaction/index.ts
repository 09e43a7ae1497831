// Satisfaction and service reports: CSAT and NPS results, the feedback list by topic, and the
// service levels (response and resolution times, breaches, volume, backlog) with charts.
import type { Feature } from '../../app/registry';

export const satisfactionFeature: Feature = {
  id: 'satisfaction',
  routes: [{ path: 'reports', lazy: async () => ({ Component: (await import('./ReportsPage')).ReportsPage }) }],
  nav: [{ to: '/reports', labelKey: 'satisfaction.nav', icon: 'history', order: 400 }],
};
