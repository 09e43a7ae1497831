// The service desk's pure logic: ages in words, the editor's measured minutes, reply collisions,
// the live events' data and the mailbox form's body.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { activeMinutes, emptyActiveTime, IDLE_MS, recordActivity } from './activeTime';
import { ageParts, formatAge } from './age';
import { collisionAuthors, isReplyCollision, lastAnswerable, messagesAfter } from './collision';
import { parseTags } from './ConversationControls';
import { parseConversationEvent } from './events';
import { emptyMailboxForm, formToInput, mailboxToForm } from './mailboxForm';
import type { Mailbox, Message } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 11, 7, 18, 0);

describe('the age of a waiting message', () => {
  it('is the largest whole unit', () => {
    expect(ageParts(now - 30_000, now)).toBeNull();
    expect(ageParts(now - 5 * MIN - 59_000, now)).toEqual({ value: 5, unit: 'minute' });
    expect(ageParts(now - 59 * MIN, now)).toEqual({ value: 59, unit: 'minute' });
    expect(ageParts(now - HOUR, now)).toEqual({ value: 1, unit: 'hour' });
    expect(ageParts(now - 23 * HOUR - 59 * MIN, now)).toEqual({ value: 23, unit: 'hour' });
    expect(ageParts(now - 3 * DAY - 5 * HOUR, now)).toEqual({ value: 3, unit: 'day' });
    expect(ageParts(now + HOUR, now)).toBeNull();
  });

  it('is written in words in the interface language', () => {
    expect(formatAge(now - 3 * HOUR, now, 'en', 'just now')).toBe('3 hours');
    expect(formatAge(now - 1 * DAY, now, 'en', 'just now')).toBe('1 day');
    expect(formatAge(now - 12 * MIN, now, 'it', 'adesso')).toBe('12 minuti');
    expect(formatAge(now - 2 * DAY, now, 'pt', 'agora')).toBe('2 dias');
    expect(formatAge(now - 2 * DAY, now, 'es', 'ahora')).toBe('2 días');
    expect(formatAge(now - 10_000, now, 'en', 'just now')).toBe('just now');
  });
});

describe('the minutes measured in the editor', () => {
  it('count the time between activities, not the pauses longer than the idle limit', () => {
    let s = recordActivity(emptyActiveTime, 0);
    expect(activeMinutes(s)).toBe(1); // started: at least one minute
    s = recordActivity(s, 60_000);
    s = recordActivity(s, 150_000);
    expect(s.total).toBe(150_000);
    // A coffee break of an hour counts as the idle limit only.
    s = recordActivity(s, 150_000 + HOUR);
    expect(s.total).toBe(150_000 + IDLE_MS);
    expect(activeMinutes(s)).toBe(5);
  });

  it('are zero before the editor was used, and never go backwards on a clock change', () => {
    expect(activeMinutes(emptyActiveTime)).toBe(0);
    const s = recordActivity(recordActivity(emptyActiveTime, 10 * MIN), 5 * MIN);
    expect(s.total).toBe(0);
    expect(s.last).toBe(5 * MIN);
  });
});

const msg = (id: string, kind: Message['kind'], extra: Partial<Message> = {}): Message => ({
  id,
  kind,
  channel: 'email',
  from_name: `from ${id}`,
  from_address: null,
  to: [],
  cc: [],
  subject: '',
  text: `text ${id}`,
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

describe('two agents replying at once', () => {
  const problem = (status: number, type: string, extra: Record<string, unknown> = {}) =>
    new ApiError({ type, title: 'x', status, detail: 'x', ...extra });

  it('is recognised from the 409 problem whose type or code ends in reply-collision', () => {
    expect(isReplyCollision(problem(409, 'https://rapport.dev/problems/reply-collision'))).toBe(true);
    expect(isReplyCollision(problem(409, 'about:blank', { code: 'servicedesk.reply-collision' }))).toBe(true);
    expect(isReplyCollision(problem(409, 'https://rapport.dev/problems/conflict'))).toBe(false);
    expect(isReplyCollision(problem(422, 'https://rapport.dev/problems/reply-collision'))).toBe(false);
    expect(isReplyCollision(new Error('reply-collision'))).toBe(false);
  });

  it('shows what came after the message being answered, without internal notes', () => {
    const thread = [
      msg('1', 'inbound'),
      msg('2', 'reply', { author_name: 'Ana' }),
      msg('3', 'note', { author_name: 'Bo' }),
      msg('4', 'inbound'),
      msg('5', 'reply', { author_name: 'Ana' }),
    ];
    expect(messagesAfter(thread, '1').map((m) => m.id)).toEqual(['2', '4', '5']);
    expect(messagesAfter(thread, '5')).toEqual([]);
    expect(messagesAfter(thread, 'gone')).toEqual([]);
    expect(collisionAuthors(messagesAfter(thread, '1'))).toEqual(['Ana', 'from 4']);
  });

  it('answers the last message that is not a note', () => {
    expect(lastAnswerable([msg('1', 'inbound'), msg('2', 'note')])?.id).toBe('1');
    expect(lastAnswerable([msg('1', 'inbound'), msg('2', 'auto')])?.id).toBe('2');
    expect(lastAnswerable([])).toBeNull();
  });
});

describe('live events', () => {
  it('read the conversation id and the hint, and ignore what is not an event', () => {
    expect(parseConversationEvent('{"id":"12","view_hint":"unanswered"}')).toEqual({ id: '12', view_hint: 'unanswered' });
    expect(parseConversationEvent('{"id":12}')).toEqual({ id: '12', view_hint: null });
    expect(parseConversationEvent('not json')).toBeNull();
    expect(parseConversationEvent('{"view_hint":"x"}')).toBeNull();
    expect(parseConversationEvent('null')).toBeNull();
  });
});

describe('tags typed with commas', () => {
  it('are trimmed, without empty ones or repeats', () => {
    expect(parseTags(' vip, refund ,, vip,late ')).toEqual(['vip', 'refund', 'late']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('the mailbox form', () => {
  const saved: Mailbox = {
    id: '3',
    name: 'Support',
    address: 'support@example.it',
    team_id: '8',
    imap: {
      host: 'imap.example.it',
      port: 993,
      security: 'tls',
      username: 'support',
      password: '',
      has_password: true,
      verify_certificate: true,
    },
    folder: 'Support',
    smtp: {
      host: 'smtp.example.it',
      port: 587,
      security: 'starttls',
      username: 'support',
      password: '',
      has_password: true,
      verify_certificate: false,
    },
    poll_seconds: 120,
    use_idle: false,
    after_fetch: 'move',
    move_to_folder: 'Archive',
    max_attachment_bytes: 10 * 1024 * 1024,
    enabled: true,
    status: { last_checked_at: null, last_error: null, last_uid: null },
  };

  it('gives back the saved settings unchanged, with empty passwords that keep the stored ones', () => {
    const input = formToInput(mailboxToForm(saved));
    const { id: _id, status: _status, ...rest } = saved;
    void _id;
    void _status;
    expect(input).toEqual({
      ...rest,
      imap: { ...rest.imap, has_password: undefined },
      smtp: { ...rest.smtp, has_password: undefined },
    } as unknown as typeof input);
    expect(input.imap.password).toBe('');
  });

  it('turns what was typed into numbers, and an unreadable number into NaN for the server to name', () => {
    const f = emptyMailboxForm();
    f.imap.port = '143';
    f.poll_seconds = 'soon';
    f.max_attachment_mb = '2,5';
    f.move_to_folder = 'Done';
    const input = formToInput(f);
    expect(input.imap.port).toBe(143);
    expect(input.poll_seconds).toBeNaN();
    expect(input.max_attachment_bytes).toBe(2.5 * 1024 * 1024);
    expect(input.move_to_folder).toBeNull(); // only with after_fetch "move"
    expect(input.team_id).toBeNull();
  });
});
