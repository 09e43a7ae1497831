// Imports: the CSV import wizard for companies and people, and an import's progress page.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';
import { canCreateRecords } from '../customers/access';

const wizard = async () => import('./ImportPage');

export const importsFeature: Feature = {
  id: 'imports',
  routes: [
    { path: 'import', lazy: async () => ({ Component: (await wizard()).ImportWizardPage }) },
    { path: 'import/:id', lazy: async () => ({ Component: (await wizard()).ImportProgressPage }) },
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
