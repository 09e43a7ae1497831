// The canvases: the CRM Model Canvas computed from the workspace, and each segment's established
// relationship measures. The route is loaded lazily, with the chart library.
import type { Feature } from '../../app/registry';
import { atLeast, isPartner } from '../../auth/permissions';

export const canvasFeature: Feature = {
  id: 'canvas',
  routes: [
    { path: 'canvas', lazy: async () => ({ Component: (await import('./CanvasPage')).CanvasPage }) },
    { path: 'canvas/compare', lazy: async () => ({ Component: (await import('./compare/ComparePage')).ComparePage }) },
    {
      path: 'canvas/relationships',
      lazy: async () => ({ Component: (await import('./relationships/RelationshipsPage')).RelationshipsPage }),
    },
  ],
  // Members and above read the canvases; a partner's canvas would show only their buyer's part.
  nav: [
    {
      to: '/canvas',
      labelKey: 'canvas.nav',
      icon: 'columns',
      order: 410,
      visible: (me) => atLeast(me?.role, 'member') && !isPartner(me),
    },
  ],
};
