// Relationship plans (the server's relationships area): for each segment, the relationship
// types it should get, why, by whom, through which channels, measured how; versioned, with
// each entry's motivation history. Everyone reads them; managers and above change them.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

const list = async () => import('./RelationshipPlansPage');
const editor = async () => import('./PlanEditorPage');
const version = async () => import('./PlanVersionPage');

export const relationshipsFeature: Feature = {
  id: 'relationships',
  routes: [
    { path: 'relationship-plans', lazy: async () => ({ Component: (await list()).RelationshipPlansPage }) },
    { path: 'relationship-plans/:segmentId', lazy: async () => ({ Component: (await editor()).PlanEditorPage }) },
    {
      path: 'relationship-plans/:segmentId/versions/:version',
      lazy: async () => ({ Component: (await version()).PlanVersionPage }),
    },
  ],
  // Plans are the workspace's, like its segments: not a partner user's.
  nav: [
    {
      to: '/relationship-plans',
      labelKey: 'relationships.nav',
      icon: 'list',
      order: 210,
      visible: (me) => !isPartner(me),
    },
  ],
};
