import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { CompanyPage, PersonPage } from './RecordPage';
import type { CustomerRecord } from './types';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(record: CustomerRecord) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://x').pathname;
      if (path === `/api/v1/people/${record.id}` || path === `/api/v1/companies/${record.id}`) return json(200, record);
      if (path.startsWith('/api/v1/custom-fields/')) return json(200, { items: [] });
      if (path.endsWith('/contacts')) return json(200, { items: [], next_cursor: null });
      if (path === '/api/v1/users' || path === '/api/v1/teams' || path.endsWith('/interactions'))
        return json(200, { items: [], next_cursor: null });
      return json(404, { status: 404, title: 'Not found' });
    }),
  );
}

/** The value cell of the record page's fact row labelled `label`. */
async function factRow(label: string) {
  const dt = (await screen.findAllByText(label, { selector: 'dt' }))[0];
  return dt.closest('.fact-row') as HTMLElement;
}

describe('the record page of a person with a flagged value', () => {
  it('shows the raw value as written, not as a link, with a warning badge and the reason beside it', async () => {
    serve({
      id: '7',
      type: 'person',
      fields: { first_name: 'Marta', last_name: 'Bianchi', email: 'Marta.Bianchi(at)Example', phone: '+390212345678' },
      custom: {},
      tags: [],
      owner_user_id: null,
      team_id: null,
      created_at: 1,
      updated_at: 2,
      provenance: {},
      flags: [
        {
          field: 'email',
          rule: 'not a valid email address',
          value: 'Marta.Bianchi(at)Example',
          source: { kind: 'import', ref: '3', import_id: '3' },
          flagged_at: 1,
        },
      ],
    });
    const { router } = await renderPage(<PersonPage />, { path: '/people/:id' });
    await router.navigate('/people/7');
    const email = await factRow('Email');
    expect(within(email).getByTestId('flag-email').textContent).toBe('⚠ Not valid: not a valid email address');
    expect(within(email).getByText('Marta.Bianchi(at)Example').closest('a')).toBeNull();
    // A valid value is a link as always, without a badge; a phone shown as people write it (in
    // English, whose region is GB, an Italian number is international), the link keeps E.164.
    const phone = await factRow('Phone');
    expect(within(phone).getByRole('link', { name: '+39 02 1234 5678' }).getAttribute('href')).toBe('tel:+390212345678');
    expect(within(phone).queryByTestId('flag-phone')).toBeNull();
  });
});

describe('the record page reads as people would read it', () => {
  const base = {
    custom: {},
    tags: [],
    owner_user_id: null,
    team_id: null,
    created_at: 1,
    updated_at: 2,
  };

  it('shows other emails and phones with their labels, as links, the phone as people write it', async () => {
    serve({
      ...base,
      id: '8',
      type: 'person',
      fields: {
        first_name: 'Rui',
        last_name: 'Costa',
        other_emails: [
          { label: 'home', value: 'rui@home.pt' },
          { label: 'Clube de xadrez', value: 'rui@xadrez.pt' },
        ],
        other_phones: [{ label: 'mobile', value: '+390212345678' }],
      },
    } as unknown as CustomerRecord);
    const { router } = await renderPage(<PersonPage />, { path: '/people/:id' });
    await router.navigate('/people/8');
    const emails = await factRow('Other emails');
    const home = within(emails).getByRole('link', { name: 'rui@home.pt' });
    expect(home.getAttribute('href')).toBe('mailto:rui@home.pt');
    expect(home.closest('li')?.textContent).toContain('Home');
    expect(within(emails).getByText('Clube de xadrez')).toBeTruthy(); // a label of one's own, as written
    const phones = await factRow('Other phones');
    const tel = within(phones).getByRole('link', { name: '+39 02 1234 5678' });
    expect(tel.getAttribute('href')).toBe('tel:+390212345678');
    expect(tel.closest('li')?.textContent).toContain('Mobile');
  });

  it('shows the industry by its name and the sources only when asked', async () => {
    serve({
      ...base,
      id: '9',
      type: 'company',
      fields: { legal_name: 'Acme S.r.l.', country: 'IT', industry: 'food_beverage', city: 'Parma' },
      provenance: {
        legal_name: { source: 'import', ref: 'import:3:acme.csv', data_kind: 'third_party', recorded_at: 5 },
        city: { source: 'manual', ref: '', data_kind: 'first_party', recorded_at: 5 },
      },
    } as unknown as CustomerRecord);
    const { router } = await renderPage(<CompanyPage />, { path: '/companies/:id' });
    await router.navigate('/companies/9');
    const industry = await factRow('Industry');
    expect(within(industry).getByText('Food and beverage')).toBeTruthy();
    expect(document.querySelectorAll('.prov-badge').length).toBe(0);
    const toggle = screen.getByRole('button', { name: 'Sources' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide sources' }).getAttribute('aria-pressed')).toBe('true');
    const city = await factRow('City');
    expect(within(city).getByRole('button', { name: /City: from Manual, First-party data/ })).toBeTruthy();
    expect(document.querySelectorAll('.prov-badge').length).toBe(2);
  });
});
