import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMe, renderPage } from '../../test/render';
import type { Me } from '../../api/types';
import { PartitionPanel } from './PartitionPanel';
import { useDirectory } from '../customers/lookups';
import { parseGrantee } from './api';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

function fakeServer(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const key = `${init.method ?? 'GET'} ${new URL(url, 'http://x').pathname}`;
      calls.push(key);
      return routes[key]?.() ?? json(404, { status: 404, title: 'Not found', detail: `no route ${key}` });
    }),
  );
  return calls;
}

function Panel() {
  const directory = useDirectory();
  return <PartitionPanel companyId="7" directory={directory} />;
}

const member: Me = { ...demoMe, role: 'member', permissions: { role: 'member', read: 'team', write: 'own' } };

describe('the B2B2C partition panel', () => {
  it('says in plain words that the consumers are hidden, with their count, and lists none', async () => {
    const calls = fakeServer({
      'GET /api/v1/companies/7/partition': () =>
        json(200, { buyer_company_id: '7', consumer_count: 64, consumers_visible: false }),
      'GET /api/v1/users': () => json(200, { items: [], next_cursor: null }),
      'GET /api/v1/teams': () => json(200, { items: [], next_cursor: null }),
    });
    await renderPage(<Panel />, { me: member });
    const note = await screen.findByTestId('no-access');
    expect(note.textContent).toContain("This buyer has 64 consumers; you have no access to this buyer's consumers");
    expect(note.textContent).toContain('Ask an admin for a grant.');
    expect(screen.getByText('Consumers: 64')).toBeTruthy();
    expect(calls.some((c) => c.includes('/consumers'))).toBe(false);
    expect(screen.queryByRole('heading', { name: 'Partition access' })).toBeNull();
  });

  it("lets an owner see grants and partners, and shows the server's 422 beside the partner picker", async () => {
    fakeServer({
      'GET /api/v1/companies/7/partition': () =>
        json(200, {
          buyer_company_id: '7',
          consumer_count: 1,
          consumers_visible: true,
          grants: [{ grantee_kind: 'team', grantee_id: '3', grantee_name: 'Marketing', granted_by_user_id: null, created_at: 1 }],
          partners: [],
        }),
      'GET /api/v1/companies/7/consumers': () =>
        json(200, {
          items: [
            { id: '50', type: 'person', fields: { first_name: 'Nora', last_name: 'Z', city: 'Leeds' }, custom: {}, tags: [] },
          ],
          next_cursor: null,
        }),
      'GET /api/v1/users': () =>
        json(200, {
          items: [
            { id: '1', email: 'demo@rapport.test', display_name: 'Demo Owner', role: 'owner', active: true },
            { id: '2', email: 'ada@rapport.test', display_name: 'Ada Admin', role: 'admin', active: true },
          ],
          next_cursor: null,
        }),
      'GET /api/v1/teams': () =>
        json(200, { items: [{ id: '3', name: 'Marketing', kind: 'marketing', members: [] }], next_cursor: null }),
      'PUT /api/v1/companies/7/partition/partners/2': () =>
        json(422, {
          status: 422,
          title: 'The request is not valid',
          detail: "user ada@rapport.test is admin; a partner user's role must be manager, member or viewer",
        }),
    });
    await renderPage(<Panel />);
    await screen.findByRole('link', { name: 'Nora Z' });
    const grants = screen.getByRole('list', { name: 'Granted to' });
    expect(within(grants).getByText('Marketing')).toBeTruthy();
    expect(within(grants).getByRole('button', { name: 'Remove the grant to Marketing' })).toBeTruthy();
    // Marketing is granted already: only users are left to pick, by name.
    const grantee = screen.getByLabelText('Grant the consumers to') as HTMLSelectElement;
    await waitFor(() => expect(grantee.querySelectorAll('option').length).toBe(3));
    expect([...grantee.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'user:2', 'user:1']);

    const picker = screen.getByLabelText('Add a partner user') as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add partner' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "User ada@rapport.test is admin; a partner user's role must be manager, member or viewer.",
    );
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    expect(picker.getAttribute('aria-describedby')).toContain(alert.id);
    expect(picker.value).toBe('2');
  });
});

describe('parseGrantee', () => {
  it('reads the picker values', () => {
    expect(parseGrantee('team:12')).toEqual({ kind: 'team', id: '12' });
    expect(parseGrantee('user:7')).toEqual({ kind: 'user', id: '7' });
    expect(parseGrantee('robot:1')).toBeNull();
    expect(parseGrantee('')).toBeNull();
  });
});
