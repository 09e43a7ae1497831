// Companies and people: lists, record pages with the timeline, and the shared create/edit form.
import type { Feature } from '../../app/registry';

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
};
