import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { PersonPage } from './RecordPage';
import type { CustomerRecord } from './types';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function serve(record: CustomerRecord) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://x').pathname;
      if (path === `/api/v1/people/${record.id}`) return json(200, record);
      if (path === '/api/v1/custom-fields/person') return json(200, { items: [] });
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
