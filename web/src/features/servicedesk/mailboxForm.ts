// The mailbox form's state (numbers as typed) and the request body made from it. A stored
// password is never sent back by the server: an empty password field keeps it.
import type { Mailbox, MailboxInput, Security } from './types';

export interface ServerForm {
  host: string;
  port: string;
  security: Security;
  username: string;
  password: string;
  has_password: boolean;
  verify_certificate: boolean;
}

export interface MailboxForm {
  name: string;
  address: string;
  team_id: string;
  imap: ServerForm;
  folder: string;
  smtp: ServerForm;
  poll_seconds: string;
  use_idle: boolean;
  after_fetch: MailboxInput['after_fetch'];
  move_to_folder: string;
  max_attachment_mb: string;
  enabled: boolean;
}

const MB = 1024 * 1024;

export function emptyMailboxForm(): MailboxForm {
  const server = (port: string, security: Security): ServerForm => ({
    host: '',
    port,
    security,
    username: '',
    password: '',
    has_password: false,
    verify_certificate: true,
  });
  return {
    name: '',
    address: '',
    team_id: '',
    imap: server('993', 'tls'),
    folder: 'INBOX',
    smtp: server('465', 'tls'),
    poll_seconds: '60',
    use_idle: true,
    after_fetch: 'mark_seen',
    move_to_folder: '',
    max_attachment_mb: '25',
    enabled: true,
  };
}

export function mailboxToForm(m: Mailbox): MailboxForm {
  const server = (s: Mailbox['smtp']): ServerForm => ({
    host: s.host,
    port: String(s.port),
    security: s.security,
    username: s.username,
    password: '',
    has_password: !!s.has_password,
    verify_certificate: s.verify_certificate,
  });
  return {
    name: m.name,
    address: m.address,
    team_id: m.team_id ?? '',
    imap: server(m.imap),
    folder: m.folder,
    smtp: server(m.smtp),
    poll_seconds: String(m.poll_seconds),
    use_idle: m.use_idle,
    after_fetch: m.after_fetch,
    move_to_folder: m.move_to_folder ?? '',
    max_attachment_mb: String(Math.round((m.max_attachment_bytes / MB) * 10) / 10),
    enabled: m.enabled,
  };
}

/** A whole number as typed, or NaN (the server then names the field). */
function int(text: string): number {
  const v = text.trim();
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

function server(f: ServerForm) {
  return {
    host: f.host.trim(),
    port: int(f.port),
    security: f.security,
    username: f.username,
    password: f.password,
    verify_certificate: f.verify_certificate,
  };
}

/** The body of POST / PATCH /mailboxes (and of the connection test). */
export function formToInput(f: MailboxForm): MailboxInput {
  const mb = Number(f.max_attachment_mb.replace(',', '.'));
  return {
    name: f.name.trim(),
    address: f.address.trim(),
    team_id: f.team_id || null,
    imap: server(f.imap),
    folder: f.folder.trim() || 'INBOX',
    smtp: server(f.smtp),
    poll_seconds: int(f.poll_seconds),
    use_idle: f.use_idle,
    after_fetch: f.after_fetch,
    move_to_folder: f.after_fetch === 'move' ? f.move_to_folder.trim() || null : null,
    max_attachment_bytes: Number.isFinite(mb) && mb >= 0 ? Math.round(mb * MB) : Number.NaN,
    enabled: f.enabled,
  };
}
