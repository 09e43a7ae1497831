// Companies and people: lists, record pages (with the timeline and the B2B2C partition, from
// features/timeline and features/partitions), the shared create/edit form, and the custom
// fields (a section of Settings).
import type { Feature } from '../../app/registry';
import { isPartner } from '../../auth/permissions';

const list = async () => import('./RecordListPage');
const page = async () => import('./RecordPage');
const form = async () => import('./RecordFormPage');

export const customersFeature: Feature = {
  id: 'customers',
  routes: [
    { path: 'companies', lazy: async () => ({ Component: (await list()).CompaniesPage }) },
    { path: 'companies/new', lazy: async () => ({ Component: (await form()).CompanyCreatePage }) },
    { path: 'companies/:id', lazy: async () => ({ Component: (await page()).CompanyPage }) },
    { path: 'companies/:id/edit', lazy: async () => ({ Component: (await form()).CompanyEditPage }) },
    { path: 'people', lazy: async () => ({ Component: (await list()).PeoplePage }) },
    { path: 'people/new', lazy: async () => ({ Component: (await form()).PersonCreatePage }) },
    { path: 'people/:id', lazy: async () => ({ Component: (await page()).PersonPage }) },
    { path: 'people/:id/edit', lazy: async () => ({ Component: (await form()).PersonEditPage }) },
  ],
  nav: [
    { to: '/companies', labelKey: 'nav.companies', icon: 'building', order: 100 },
    { to: '/people', labelKey: 'nav.people', icon: 'person', order: 110 },
  ],
  settings: [
    {
      path: 'custom-fields',
      labelKey: 'settings.customFields',
      icon: 'fields',
      order: 300,
      // The workspace's fields are set up by its staff, not by a buyer's partner user.
      visible: (me) => !isPartner(me),
      routes: [{ index: true, lazy: async () => ({ Component: (await import('./CustomFieldsPage')).CustomFieldsPage }) }],
    },
  ],
};
