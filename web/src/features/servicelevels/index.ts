// Service levels (the server's servicelevels area: /service-levels): business-hours calendars
// and SLA policies, a section of Settings. Everyone reads them; admins and owners change them.
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

export const serviceLevelsFeature: Feature = {
  id: 'servicelevels',
  routes: [],
  settings: [
    {
      path: 'service-levels',
      labelKey: 'settings.serviceLevels',
      icon: 'calendar',
      order: 350,
      visible: (me) => !isPartner(me),
      routes: [
        { index: true, lazy: async () => ({ Component: (await import('./ServiceLevelsPage')).ServiceLevelsPage }) },
        {
          path: 'calendars/new',
          lazy: async () => ({ Component: (await import('./CalendarFormPage')).CalendarCreatePage }),
        },
        {
          path: 'calendars/:calendarId',
          lazy: async () => ({ Component: (await import('./CalendarFormPage')).CalendarEditPage }),
        },
        { path: 'policies/new', lazy: async () => ({ Component: (await import('./PolicyFormPage')).PolicyCreatePage }) },
        {
          path: 'policies/:policyId',
          lazy: async () => ({ Component: (await import('./PolicyFormPage')).PolicyEditPage }),
        },
      ],
    },
  ],
};
