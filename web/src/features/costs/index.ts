// Costs: the cost model (a section of Settings: hourly costs, fixed costs with their
// allocation, channel costs, dated versions) and the costs report of a period.
import type { Feature } from '../../app/registry';
import type { Me } from '../../api/types';
import { atLeast, isPartner } from '../../auth/permissions';

// Members and above read costs (admins change the model); partner users do not.
const readsCosts = (me: Me) => atLeast(me.role, 'member') && !isPartner(me);

export const costsFeature: Feature = {
  id: 'costs',
  routes: [{ path: 'costs', lazy: async () => ({ Component: (await import('./CostsReportPage')).CostsReportPage }) }],
  nav: [{ to: '/costs', labelKey: 'costs.nav', icon: 'list', order: 410, visible: readsCosts }],
  settings: [
    {
      path: 'costs',
      labelKey: 'costs.settings',
      icon: 'settings',
      order: 800,
      visible: readsCosts,
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./CostModelPage')).CostModelPage }) }],
    },
  ],
};
