// The inbox and the reply editor against a stubbed server: counts and rows, the empty
// Unanswered view, and a reply refused because a colleague answered meanwhile, then sent anyway.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { InboxPage } from './InboxPage';
import { ReplyEditor } from './ReplyEditor';
import type { Conversation, ConversationSummary, Message } from './types';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const HOUR = 3_600_000;

const summary = (extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: '41',
  number: 1041,
  subject: 'Ordine non arrivato',
  status: 'new',
  priority: 'high',
  topic: null,
  channel: 'whatsapp',
  mailbox_id: null,
  team_id: null,
  assignee_user_id: null,
  assignee_name: null,
  person: { id: '7', name: 'Giulia Bianchi', email: 'giulia@example.it' },
  company: { id: '3', name: 'Torrefazione Srl' },
  tags: [],
  awaiting_since: Date.now() - 3 * HOUR - 60_000,
  last_message_at: Date.now() - 3 * HOUR,
  preview: 'Buongiorno, il mio ordine non è ancora arrivato',
  sla_due_at: Date.now() - HOUR,
  sla_state: 'breached',
  message_count: 1,
  created_at: 0,
  updated_at: 0,
  version: 1,
  ...extra,
});

const counts = { unanswered: 1, unassigned: 4, mine: 0, waiting: 2, breaching: 1, open: 9 };

describe('the inbox', () => {
  it('shows the views with their counts and the unanswered conversations, oldest waiting first', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://x');
        calls.push(u.pathname + u.search);
        if (u.pathname === '/api/v1/teams') return json(200, { items: [], next_cursor: null });
        if (u.pathname === '/api/v1/conversations/counts') return json(200, counts);
        if (u.pathname === '/api/v1/conversations') return json(200, { items: [summary()], next_cursor: null });
        return json(404, { title: 'Not found', status: 404 });
      }),
    );
    await renderPage(<InboxPage />, { path: '/inbox' });
    const views = await screen.findByRole('navigation', { name: 'Views' });
    await waitFor(() => expect(within(views).getByRole('button', { name: /Unanswered\s*1/ })).toBeTruthy());
    expect(within(views).getByRole('button', { name: /Open\s*9/ })).toBeTruthy();
    const row = (await screen.findByText('Giulia Bianchi')).closest('li') as HTMLElement;
    expect(row.textContent).toContain('Ordine non arrivato');
    expect(row.textContent).toContain('SLA breached');
    expect(row.textContent).toContain('Waiting for 3 hours');
    expect(row.textContent).toContain('WhatsApp');
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/inbox/41');
    expect(calls).toContain('/api/v1/conversations?view=unanswered&limit=50');
  });

  it('says so when nothing is unanswered', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://x');
        if (u.pathname === '/api/v1/teams') return json(200, { items: [], next_cursor: null });
        if (u.pathname === '/api/v1/conversations/counts') return json(200, { ...counts, unanswered: 0 });
        return json(200, { items: [], next_cursor: null });
      }),
    );
    await renderPage(<InboxPage />, { path: '/inbox' });
    expect(await screen.findByText("Nothing unanswered — good day's work.")).toBeTruthy();
  });
});

const message = (id: string, kind: Message['kind'], extra: Partial<Message> = {}): Message => ({
  id,
  kind,
  channel: 'whatsapp',
  from_name: 'Giulia Bianchi',
  from_address: null,
  to: [],
  cc: [],
  subject: '',
  text: `message ${id}`,
  html: null,
  author_user_id: null,
  author_name: null,
  occurred_at: 0,
  delivery_status: null,
  delivery_error: null,
  send_attempts: 0,
  answered_at: null,
  no_reply_reason: null,
  auto_kind: null,
  minutes_spent: 0,
  attachments: [],
  ...extra,
});

describe('the reply editor', () => {
  it('shows a colleague’s reply that came meanwhile, and sends anyway on request', async () => {
    const first: Conversation = { ...summary(), messages: [message('100', 'inbound')], replying: [] };
    const anaReply = message('101', 'reply', { author_name: 'Ana', from_name: 'Support', text: 'Ci pensiamo noi!' });
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const u = new URL(url, 'http://x');
        if (u.pathname === '/api/v1/canned-replies') return json(200, { items: [] });
        if (u.pathname === '/api/v1/conversations/41/replying') return new Response(null, { status: 204 });
        if (u.pathname === '/api/v1/conversations/41' && (init?.method ?? 'GET') === 'GET')
          return json(200, { ...first, messages: [...first.messages, anaReply] });
        if (u.pathname === '/api/v1/conversations/41/replies') {
          const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
          bodies.push(body);
          if (!body.force)
            return json(
              409,
              {
                type: 'https://rapport.dev/problems/reply-collision',
                title: 'Conflict',
                status: 409,
                detail: 'Someone replied.',
              },
              'application/problem+json',
            );
          return json(201, message('102', 'reply', { delivery_status: 'queued', text: String(body.text) }));
        }
        return json(200, { items: [], next_cursor: null });
      }),
    );
    await renderPage(<ReplyEditor conversation={first} />, { path: '/inbox/41' });
    fireEvent.change(screen.getByLabelText('Your reply'), { target: { value: 'Arriva domani.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Ana replied meanwhile:')).toBeTruthy();
    expect(screen.getByText(/Ci pensiamo noi!/)).toBeTruthy();
    expect(bodies[0]).toMatchObject({ text: 'Arriva domani.', after_message_id: '100', status_after: 'pending' });
    expect(bodies[0].minutes_spent).toBeGreaterThanOrEqual(1);
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    expect(await screen.findByText('Your reply is on its way.')).toBeTruthy();
    expect(bodies[1]).toMatchObject({ text: 'Arriva domani.', after_message_id: '100', force: true });
    expect((screen.getByLabelText('Your reply') as HTMLTextAreaElement).value).toBe('');
  });
});
