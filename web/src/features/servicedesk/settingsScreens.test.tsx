// The contact form settings and a team's inbox assignment against a stubbed server: what is
// sent, the server's field errors beside their fields (an origin's beside its row, blank rows
// aside), the public addresses and snippet, and the assignment section on a team's page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Team } from '../../api/types';
import { renderPage } from '../../test/render';
import { ContactFormPage } from './ContactFormPage';
import { TeamAssignmentSection } from './TeamAssignmentSection';
import type { TeamAssignment } from './assignment';
import type { ContactFormSettings } from './contactForm';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const problem = (errors: { pointer: string; detail: string }[]) =>
  json(
    422,
    {
      type: 'https://rapport.dev/problems/validation',
      title: 'Validation failed',
      status: 422,
      detail: `${errors.length} fields are not valid.`,
      errors,
    },
    'application/problem+json',
  );

const teams = {
  items: [
    { id: '5', name: 'Assistenza', kind: 'service', description: '', members: [], created_at: 0, updated_at: 0 },
    { id: '6', name: 'Vendite', kind: 'sales', description: '', members: [], created_at: 0, updated_at: 0 },
  ],
  next_cursor: null,
};

const stored: ContactFormSettings = {
  enabled: false,
  team_id: null,
  allowed_origins: [],
  success_message: '',
  updated_at: 0,
};

type Call = { method: string; path: string; body?: unknown };

function stubServer(handle: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://x');
      const call: Call = { method: init?.method ?? 'GET', path: u.pathname };
      if (init?.body) call.body = JSON.parse(String(init.body));
      calls.push(call);
      const answer = handle(call);
      if (answer) return answer;
      if (u.pathname === '/api/v1/teams') return json(200, teams);
      if (u.pathname === '/api/v1/users')
        return json(200, {
          items: [{ id: '21', display_name: 'Ana Lima', email: 'ana@x', role: 'member', active: true, language: null }],
          next_cursor: null,
        });
      return json(404, { title: 'Not found', status: 404 });
    }),
  );
  return calls;
}

describe('the contact form settings', () => {
  it('saves every field, shows each error beside its field and origin row, then the stored settings', async () => {
    let attempt = 0;
    const calls = stubServer(({ method, path, body }) => {
      if (path !== '/api/v1/contact-form') return undefined;
      if (method === 'GET') return json(200, stored);
      attempt += 1;
      if (attempt === 1)
        return problem([
          { pointer: '/allowed_origins/1', detail: 'not a site address: shop.example.com/contatti' },
          { pointer: '/success_message', detail: 'at most 1000 characters' },
        ]);
      const input = body as ContactFormSettings;
      return json(200, {
        ...input,
        allowed_origins: input.allowed_origins.map((o) => o.toLowerCase()),
        updated_at: 1_765_000_000_000,
      });
    });
    await renderPage(<ContactFormPage />, { path: '/settings/contact-form' });
    expect(await screen.findByText('Not set up yet: the form is off.')).toBeTruthy();
    expect(screen.getByText(/The form is off: turn it on/)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Accept messages through the form'));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Assistenza' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Site 1'), { target: { value: 'https://WWW.Example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a site' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a site' }));
    // Row 2 stays blank: the second origin sent is row 3's.
    fireEvent.change(screen.getByLabelText('Site 3'), { target: { value: 'shop.example.com/contatti' } });
    fireEvent.change(screen.getByLabelText('Thank-you message'), { target: { value: 'x'.repeat(1001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const originError = await screen.findByText('Not a site address: shop.example.com/contatti.');
    const site3 = screen.getByLabelText('Site 3');
    expect(site3.getAttribute('aria-invalid')).toBe('true');
    expect(site3.getAttribute('aria-describedby')).toContain(originError.closest('p')?.id);
    expect(screen.getByLabelText('Site 1').getAttribute('aria-invalid')).toBeNull();
    const message = screen.getByLabelText('Thank-you message');
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('At most 1000 characters.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      enabled: true,
      team_id: '5',
      allowed_origins: ['https://WWW.Example.com', 'shop.example.com/contatti'],
      success_message: 'x'.repeat(1001),
    });

    fireEvent.change(site3, { target: { value: 'https://Shop.example.com' } });
    fireEvent.change(message, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Contact form settings saved.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')[1].body).toMatchObject({
      allowed_origins: ['https://WWW.Example.com', 'https://Shop.example.com'],
    });
    // The stored (normalised) origins replace the rows; the blank one is gone.
    expect((screen.getByLabelText('Site 1') as HTMLInputElement).value).toBe('https://www.example.com');
    expect((screen.getByLabelText('Site 2') as HTMLInputElement).value).toBe('https://shop.example.com');
    expect(screen.queryByLabelText('Site 3')).toBeNull();
    expect(screen.queryByText(/The form is off/)).toBeNull();
    expect(screen.getByText(/^Last saved /)).toBeTruthy();
  });

  it('shows the public addresses under the workspace slug and an iframe snippet in the chosen language', async () => {
    stubServer(({ path }) =>
      path === '/api/v1/contact-form'
        ? json(200, { ...stored, enabled: true, allowed_origins: ['https://www.example.com'], updated_at: 1 })
        : undefined,
    );
    await renderPage(<ContactFormPage />, { path: '/settings/contact-form' });
    const origin = window.location.origin;
    const region = await screen.findByRole('region', { name: 'On your site' });
    const page = within(region).getByRole('link');
    expect(page.getAttribute('href')).toBe(`${origin}/api/v1/public/contact/demo/embed.html`);
    expect(within(region).getByText(`${origin}/api/v1/public/contact/demo`)).toBeTruthy();
    const snippet = within(region).getByLabelText('Code to paste into your page') as HTMLTextAreaElement;
    expect(snippet.value).toBe(
      `<iframe src="${origin}/api/v1/public/contact/demo/embed.html" title="Contact Rapport Demo"` +
        ' style="width:100%;min-height:40em;border:0" loading="lazy"></iframe>',
    );
    fireEvent.change(within(region).getByLabelText('Language of the embedded form'), { target: { value: 'it' } });
    expect(snippet.value).toContain(`src="${origin}/api/v1/public/contact/demo/embed.html?lang=it"`);
    expect(page.getAttribute('href')).toBe(`${origin}/api/v1/public/contact/demo/embed.html?lang=it`);
    expect(within(region).getByRole('button', { name: 'Copy the code' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Copy the address' })).toBeTruthy();
    expect(screen.queryByText(/No site may embed the form yet/)).toBeNull();
  });

  it('shows a refusal for a non-admin', async () => {
    stubServer(({ path }) =>
      path === '/api/v1/contact-form'
        ? json(
            403,
            { title: 'Forbidden', status: 403, detail: 'only admins set up the contact form' },
            'application/problem+json',
          )
        : undefined,
    );
    await renderPage(<ContactFormPage />, { path: '/settings/contact-form' });
    expect(await screen.findByText(/only admins set up the contact form/i)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});

const team = (extra: Partial<Team> = {}): Team => ({
  id: '5',
  name: 'Assistenza',
  kind: 'service',
  description: '',
  members: [{ user_id: '21', sales_role: null }],
  created_at: 0,
  updated_at: 0,
  ...extra,
});

const assignment = (extra: Partial<TeamAssignment> = {}): TeamAssignment => ({
  team_id: '5',
  mode: 'round_robin',
  last_assigned_user_id: '21',
  last_conversation_id: '77',
  last_assigned_at: 1_765_000_000_000,
  updated_at: 1,
  ...extra,
});

describe('the inbox assignment of a team', () => {
  it('shows the mode and the last assignment, and saves another mode', async () => {
    const calls = stubServer(({ method, path, body }) => {
      if (path !== '/api/v1/service-desk/assignment/5') return undefined;
      if (method === 'GET') return json(200, assignment());
      return json(200, assignment({ mode: (body as { mode: TeamAssignment['mode'] }).mode, updated_at: 2 }));
    });
    await renderPage(<TeamAssignmentSection team={team()} />, { path: '/settings/teams/5' });
    const section = await screen.findByRole('region', { name: 'Inbox assignment' });
    await waitFor(() => expect((within(section).getByLabelText('Round robin') as HTMLInputElement).checked).toBe(true));
    await within(section).findByText(/Last assigned automatically to Ana Lima/);
    expect(within(section).getByRole('link', { name: 'Open that conversation' }).getAttribute('href')).toBe('/inbox/77');

    fireEvent.click(within(section).getByLabelText('By load'));
    fireEvent.click(within(section).getByRole('button', { name: 'Save assignment' }));
    expect(await within(section).findByText('Assignment saved.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: '/api/v1/service-desk/assignment/5',
      body: { mode: 'load_based' },
    });
    expect((within(section).getByLabelText('By load') as HTMLInputElement).checked).toBe(true);
  });

  it('shows the server’s error beside the modes and warns when nobody can be assigned', async () => {
    stubServer(({ method, path }) => {
      if (path !== '/api/v1/service-desk/assignment/5') return undefined;
      if (method === 'GET') return json(200, assignment({ mode: 'manual', last_assigned_user_id: null, last_assigned_at: null }));
      return problem([{ pointer: '/mode', detail: 'must be one of: manual, round_robin, load_based' }]);
    });
    await renderPage(<TeamAssignmentSection team={team({ members: [] })} />, { path: '/settings/teams/5' });
    const section = await screen.findByRole('region', { name: 'Inbox assignment' });
    await within(section).findByText('No conversation has been assigned automatically yet.');
    expect(within(section).queryByText(/no active members/)).toBeNull();
    fireEvent.click(within(section).getByLabelText('Round robin'));
    expect(within(section).getByText(/This team has no active members/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Save assignment' }));
    const error = await within(section).findByText('Must be one of: manual, round_robin, load_based.');
    expect(within(section).getByLabelText('Round robin').getAttribute('aria-describedby')).toContain(error.closest('p')?.id);
  });

  it('stays out of a sales team’s page while it assigns by hand, and shows once it does not', async () => {
    let mode: TeamAssignment['mode'] = 'manual';
    stubServer(({ path }) =>
      path === '/api/v1/service-desk/assignment/6' ? json(200, assignment({ team_id: '6', mode })) : undefined,
    );
    const sales = team({ id: '6', kind: 'sales' });
    const first = await renderPage(<TeamAssignmentSection team={sales} />, { path: '/settings/teams/6' });
    await waitFor(() => expect(first.queryClient.getQueryData(['servicedesk', 'assignment', '6'])).toBeTruthy());
    expect(screen.queryByRole('region', { name: 'Inbox assignment' })).toBeNull();
    first.unmount();

    mode = 'load_based';
    await renderPage(<TeamAssignmentSection team={sales} />, { path: '/settings/teams/6' });
    const section = await screen.findByRole('region', { name: 'Inbox assignment' });
    await waitFor(() => expect((within(section).getByLabelText('By load') as HTMLInputElement).checked).toBe(true));
  });
});
