// The audit log (the server's audit area: /audit), a section of Settings.
import type { Feature } from '../../app/registry';
import { can } from '../../auth/permissions';

export const auditFeature: Feature = {
  id: 'audit',
  routes: [],
  settings: [
    {
      path: 'audit',
      labelKey: 'settings.audit',
      icon: 'list',
      order: 600,
      visible: (me) => can(me, 'audit.read'),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./AuditPage')).AuditPage }) }],
    },
  ],
};
