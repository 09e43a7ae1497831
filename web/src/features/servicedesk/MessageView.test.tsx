// The thread's messages: a failed send says why and can be retried; an attachment refused for
// its size is named with the reason; notes and automatic mail are set apart.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { MessageView } from './MessageView';
import type { Message } from './types';

afterEach(() => vi.unstubAllGlobals());

const base: Message = {
  id: '7',
  kind: 'reply',
  channel: 'email',
  from_name: 'Ana Rossi',
  from_address: 'support@example.it',
  to: ['giulia@example.it'],
  cc: [],
  subject: 'Re: Ordine',
  text: 'Ciao Giulia, controllo subito.',
  html: '',
  author_user_id: '5',
  occurred_at: Date.UTC(2026, 11, 7, 9, 30),
  delivery_status: 'failed',
  delivery_error: 'SMTP 550 mailbox unavailable',
  send_attempts: 3,
  answered_at: null,
  no_reply_reason: null,
  auto_kind: null,
  minutes_spent: 4,
  attachments: [],
};

describe('a message of the thread', () => {
  it('shows a failed send in red with its error, and Retry queues it again', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${new URL(url, 'http://x').pathname}`);
        return new Response(JSON.stringify({ ...base, delivery_status: 'queued' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const { container } = await renderPage(<MessageView conversationId="41" message={base} />, { path: '/inbox/41' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not sent after 3 attempts: SMTP 550 mailbox unavailable');
    expect(container.querySelector('.sd-message')?.classList.contains('is-failed')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/conversations/41/messages/7/retry'));
  });

  it('names an attachment that was not kept, and links the others', async () => {
    const m: Message = {
      ...base,
      kind: 'inbound',
      delivery_status: null,
      delivery_error: null,
      send_attempts: 0,
      attachments: [
        {
          id: '1',
          filename: 'fattura.pdf',
          content_type: 'application/pdf',
          size: 20480,
          inline: false,
          content_id: null,
          rejected_reason: null,
        },
        {
          id: '2',
          filename: 'video.mov',
          content_type: 'video/quicktime',
          size: 48_000_000,
          inline: false,
          content_id: null,
          rejected_reason: 'over the limit of 25 MB',
        },
      ],
    };
    await renderPage(<MessageView conversationId="41" message={m} />, { path: '/inbox/41' });
    expect(screen.getByRole('link', { name: 'fattura.pdf' }).getAttribute('href')).toBe('/api/v1/conversations/41/attachments/1');
    expect(screen.getByText('video.mov (48,000,000 bytes) was not kept: over the limit of 25 MB')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'video.mov' })).toBeNull();
  });

  it('sets internal notes and automatic mail apart', async () => {
    const { container } = await renderPage(
      <>
        <MessageView conversationId="41" message={{ ...base, id: '8', kind: 'note', delivery_status: null }} />
        <MessageView
          conversationId="41"
          message={{ ...base, id: '9', kind: 'auto', auto_kind: 'auto_reply', delivery_status: null }}
        />
      </>,
      { path: '/inbox/41' },
    );
    expect(container.querySelector('.sd-message-note')?.getAttribute('aria-label')).toBe('Internal note');
    expect(container.querySelector('.sd-message-auto')?.textContent).toContain('Auto-reply');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
