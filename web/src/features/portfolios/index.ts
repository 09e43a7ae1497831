// Portfolios (dedicated personal assistance): "My portfolio" for everyone on the staff, the
// manager's view with the reassignment of a portfolio and its history for managers and above.
import type { Feature } from '../../app/registry';
import { atLeast, isPartner } from '../../auth/permissions';

export const portfoliosFeature: Feature = {
  id: 'portfolios',
  routes: [
    { path: 'portfolio', lazy: async () => ({ Component: (await import('./MyPortfolioPage')).MyPortfolioPage }) },
    { path: 'portfolios', lazy: async () => ({ Component: (await import('./OverviewPage')).OverviewPage }) },
    {
      path: 'portfolios/users/:userId',
      lazy: async () => ({ Component: (await import('./UserPortfolioPage')).UserPortfolioPage }),
    },
  ],
  nav: [
    // A signed-in staff user may own customers; viewers, API keys and partner users do not work a portfolio.
    {
      to: '/portfolio',
      labelKey: 'portfolios.navMine',
      icon: 'person',
      order: 45,
      visible: (me) => !!me.user && !isPartner(me) && atLeast(me.role, 'member'),
    },
    {
      to: '/portfolios',
      labelKey: 'portfolios.navOverview',
      icon: 'users',
      order: 120,
      visible: (me) => !isPartner(me) && atLeast(me.role, 'manager'),
    },
  ],
};
