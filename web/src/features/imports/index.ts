// Imports: the CSV import wizard for companies and people, an import's progress and finish page
// (its rejected rows, a link to exactly its records), and the history of imports.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';
import { canCreateRecords } from '../customers/access';

const wizard = async () => import('./ImportPage');

export const importsFeature: Feature = {
  id: 'imports',
  routes: [
    { path: 'import', lazy: async () => ({ Component: (await wizard()).ImportWizardPage }) },
    { path: 'import/:id', lazy: async () => ({ Component: (await wizard()).ImportProgressPage }) },
    { path: 'imports', lazy: async () => ({ Component: (await import('./ImportHistoryPage')).ImportHistoryPage }) },
  ],
  nav: [
    {
      to: '/import',
      labelKey: 'nav.import',
      icon: 'upload',
      order: 300,
      // Not for a buyer's partner user, who may not create companies and works on people by hand.
      visible: (me) => canCreateRecords(me) && !isPartner(me),
    },
  ],
};
