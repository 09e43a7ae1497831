import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { demoMe, renderPage } from '../../test/render';
import { useDirectory } from './lookups';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function Owner() {
  const directory = useDirectory();
  return (
    <p>
      {directory.userName('7')} / {directory.teamName('8')}
    </p>
  );
}

function serve(names: boolean) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://x').pathname;
      calls.push(path);
      if (path === '/api/v1/users') return json({ items: [{ ...demoMe.user, id: '1' }], next_cursor: null });
      if (path === '/api/v1/teams') return json({ items: [], next_cursor: null });
      if (path === '/api/v1/names' && names)
        return json({ users: [{ id: '7', display_name: 'Chiara Conti' }], teams: [{ id: '8', name: 'Customer Service' }] });
      return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }),
  );
  return calls;
}

describe('the names of owners and teams', () => {
  it('come from GET /names for a partner user, who may not list the staff', async () => {
    serve(true);
    await renderPage(<Owner />, { me: { ...demoMe, role: 'member', partner_company_id: '99' } });
    expect(await screen.findByText('Chiara Conti / Customer Service')).toBeTruthy();
  });

  it('are not asked of GET /names for a workspace user', async () => {
    const calls = serve(false);
    await renderPage(<Owner />);
    expect(await screen.findByText('User 7 / Team 8')).toBeTruthy();
    expect(calls).not.toContain('/api/v1/names');
  });
});
