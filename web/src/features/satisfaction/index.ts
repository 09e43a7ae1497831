// Satisfaction and service reports: CSAT and NPS results, the feedback list by topic, and the
// service levels (response and resolution times, breaches, volume, backlog) with charts.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

export const satisfactionFeature: Feature = {
  id: 'satisfaction',
  routes: [{ path: 'reports', lazy: async () => ({ Component: (await import('./ReportsPage')).ReportsPage }) }],
  // Partner users see only their buyer's consumers: the workspace's reports are not theirs.
  nav: [{ to: '/reports', labelKey: 'satisfaction.nav', icon: 'history', order: 400, visible: (me) => !isPartner(me) }],
};
