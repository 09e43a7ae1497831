// Segments: lists of customers, dynamic (a saved filter) or static (members added by hand),
// with their members, live counts, daily snapshots and exports.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

const list = async () => import('./SegmentsPage');
const form = async () => import('./SegmentFormPage');
const page = async () => import('./SegmentPage');

export const segmentsFeature: Feature = {
  id: 'segments',
  routes: [
    { path: 'segments', lazy: async () => ({ Component: (await list()).SegmentsPage }) },
    { path: 'segments/new', lazy: async () => ({ Component: (await form()).SegmentCreatePage }) },
    { path: 'segments/:id', lazy: async () => ({ Component: (await page()).SegmentPage }) },
    { path: 'segments/:id/edit', lazy: async () => ({ Component: (await form()).SegmentEditPage }) },
  ],
  // A partner user sees one buyer's consumers only: the workspace's segments are not theirs.
  nav: [{ to: '/segments', labelKey: 'nav.segments', icon: 'segments', order: 200, visible: (me) => !isPartner(me) }],
};
