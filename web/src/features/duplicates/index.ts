// Duplicates: the review queue (pairs with their score and reasons, dismiss, scan) and the
// side-by-side merge of a pair, field by field.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

const queue = async () => import('./DuplicatesPage');
const merge = async () => import('./MergePage');

export const duplicatesFeature: Feature = {
  id: 'duplicates',
  routes: [
    { path: 'duplicates', lazy: async () => ({ Component: (await queue()).DuplicatesPage }) },
    { path: 'duplicates/:id/merge', lazy: async () => ({ Component: (await merge()).MergePage }) },
  ],
  nav: [
    {
      to: '/duplicates',
      labelKey: 'nav.duplicates',
      icon: 'copy',
      order: 120,
      // A partner user sees one buyer's consumers only: the workspace's duplicate queue is not theirs.
      visible: (me) => !isPartner(me),
    },
  ],
};
