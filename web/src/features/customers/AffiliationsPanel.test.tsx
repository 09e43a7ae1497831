import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { demoMe, renderPage } from '../../test/render';
import { CompanyPage, PersonPage } from './RecordPage';
import type { CustomerRecord } from './types';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const record = (id: string, type: 'person' | 'company', fields: Record<string, string>): CustomerRecord => ({
  id,
  type,
  fields,
  custom: {},
  tags: [],
  owner_user_id: null,
  team_id: null,
  created_at: 1,
  updated_at: 2,
});

const person = record('7', 'person', { first_name: 'Marta', last_name: 'Bianchi' });
const acme = record('3', 'company', { legal_name: 'Acme S.r.l.' });
const beta = record('4', 'company', { legal_name: 'Beta S.p.A.' });

/** A server with Marta as CEO of Acme (primary) and buyer at Beta; records every PUT body. */
function serve() {
  const puts: unknown[] = [];
  let items = [
    { company_id: '3', job_title: 'CEO', is_primary: true },
    { company_id: '4', job_title: 'Buyer', is_primary: false },
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = new URL(url, 'http://x').pathname;
      if (path === '/api/v1/people/7/affiliations') {
        if (init?.method === 'PUT') {
          const body = JSON.parse(String(init.body)) as { items: typeof items };
          puts.push(body);
          items = body.items;
        }
        return json(200, { items });
      }
      if (path === '/api/v1/people/7') return json(200, person);
      if (path === '/api/v1/companies/3') return json(200, acme);
      if (path === '/api/v1/companies/4') return json(200, beta);
      if (path === '/api/v1/companies/3/contacts')
        return json(200, { items: [{ ...person, job_title: 'CEO', is_primary: true }], next_cursor: null });
      if (path.startsWith('/api/v1/custom-fields/')) return json(200, { items: [] });
      if (path === '/api/v1/users' || path === '/api/v1/teams' || path.endsWith('/interactions'))
        return json(200, { items: [], next_cursor: null });
      return json(404, { status: 404, title: 'Not found' });
    }),
  );
  return puts;
}

describe("a person's companies", () => {
  it('lists each company with its job title and the primary one; removing the primary sends the rest with a new primary', async () => {
    const puts = serve();
    const { router } = await renderPage(<PersonPage />, { path: '/people/:id' });
    await router.navigate('/people/7');
    const panel = await screen.findByTestId('person-companies');
    const acmeLink = await within(panel).findByRole('link', { name: 'Acme S.r.l.' });
    expect(acmeLink.getAttribute('href')).toBe('/companies/3');
    const acmeRow = acmeLink.closest('li') as HTMLElement;
    expect(acmeRow.textContent).toContain('CEO');
    expect(within(acmeRow).getByText('Primary')).toBeTruthy();
    expect(within(panel).getByText('2 companies')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Remove Acme S.r.l.' }));
    await within(panel).findByText('Acme S.r.l. removed.');
    expect(puts).toEqual([{ items: [{ company_id: '4', job_title: 'Buyer', is_primary: true }] }]);
    expect(within(panel).getByText('1 company')).toBeTruthy();
  });

  it('offers no changes to whom may not write the person', async () => {
    serve();
    const viewer = { ...demoMe, permissions: { role: 'viewer' as const, read: 'all' as const, write: 'none' as const } };
    const { router } = await renderPage(<PersonPage />, { path: '/people/:id', me: viewer });
    await router.navigate('/people/7');
    const panel = await screen.findByTestId('person-companies');
    await within(panel).findByRole('link', { name: 'Acme S.r.l.' });
    expect(within(panel).queryByRole('button')).toBeNull();
    expect(within(panel).queryByRole('combobox')).toBeNull();
  });
});

describe("a company's contacts", () => {
  it('lists its people with their job title there, linked to their pages', async () => {
    serve();
    const { router } = await renderPage(<CompanyPage />, { path: '/companies/:id' });
    await router.navigate('/companies/3');
    const panel = await screen.findByTestId('company-contacts');
    const link = await within(panel).findByRole('link', { name: 'Marta Bianchi' });
    expect(link.getAttribute('href')).toBe('/people/7');
    await within(link.closest('li') as HTMLElement).findByText(/CEO/);
    // The job title comes with the contacts list: no request per contact.
    const asked = vi.mocked(fetch).mock.calls.map(([url]) => new URL(String(url), 'http://x').pathname);
    expect(asked).not.toContain('/api/v1/people/7/affiliations');
    expect(within(panel).getByText('1 contact shown')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Add contact' }));
    expect(within(panel).getByRole('link', { name: 'Create a new person' }).getAttribute('href')).toBe(
      '/people/new?company=3&return=%2Fcompanies%2F3',
    );
  });
});
