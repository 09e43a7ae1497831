// Shapes of the service desk API (/conversations, /canned-replies, /mailboxes, /mail-quarantine),
// written by hand from the agreed contract until the server's OpenAPI fragment lands; then they
// become names of the generated schema types like the other features'. Ids are strings, times
// unix milliseconds.

export const VIEWS = ['unanswered', 'unassigned', 'mine', 'waiting', 'breaching', 'open', 'resolved', 'all'] as const;
export type View = (typeof VIEWS)[number];
/** The views the counts endpoint answers for. */
export const COUNTED_VIEWS = ['unanswered', 'unassigned', 'mine', 'waiting', 'breaching', 'open'] as const;
export type CountedView = (typeof COUNTED_VIEWS)[number];
export type Counts = Record<CountedView, number>;

export const STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TOPICS = ['product', 'service', 'process', 'billing', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export type SlaState = 'ok' | 'warning' | 'breached';

export interface ConversationSummary {
  id: string;
  number: number;
  subject: string;
  status: Status;
  priority: Priority;
  topic: Topic | null;
  channel: string;
  mailbox_id: string | null;
  team_id: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
  person: { id: string; name: string; email: string | null } | null;
  company: { id: string; name: string } | null;
  tags: string[];
  awaiting_since: number | null;
  last_message_at: number;
  preview: string;
  sla_due_at: number | null;
  sla_state: SlaState | null;
  first_response_at?: number | null;
  first_response_due_at?: number | null;
  next_response_due_at?: number | null;
  resolution_due_at?: number | null;
  /** Set once this conversation was merged into another one. */
  merged_into_id?: string | null;
  message_count: number;
  created_at: number;
  updated_at: number;
  version: number;
}

export type MessageKind = 'inbound' | 'reply' | 'note' | 'auto';
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface Attachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  inline: boolean;
  content_id: string | null;
  rejected_reason: string | null;
}

export interface Message {
  id: string;
  kind: MessageKind;
  channel: string;
  from_name: string;
  from_address: string | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** Unsanitised: only ever shown through sanitiseMessageHtml (html.ts); "" when there is none. */
  html: string | null;
  author_user_id: string | null;
  author_name?: string | null;
  occurred_at: number;
  delivery_status: DeliveryStatus | null;
  delivery_error: string | null;
  send_attempts: number;
  answered_at: number | null;
  no_reply_reason: string | null;
  auto_kind: 'auto_reply' | 'delivery_report' | null;
  minutes_spent: number;
  attachments: Attachment[];
}

export interface Replying {
  user_id: string;
  name: string;
  since: number;
}

export type Conversation = ConversationSummary & { messages: Message[]; replying: Replying[] };

export interface ConversationPatch {
  status?: Status;
  priority?: Priority;
  topic?: Topic | null;
  team_id?: string | null;
  assignee_user_id?: string | null;
  tags?: string[];
  version: number;
}

export const STATUS_AFTER = ['', 'pending', 'resolved'] as const;
export type StatusAfter = 'pending' | 'resolved' | null;

export interface ReplyInput {
  text: string;
  cc?: string[];
  after_message_id: string;
  minutes_spent?: number;
  status_after?: StatusAfter;
  force?: boolean;
}

export interface NoteInput {
  text: string;
  minutes_spent?: number;
}

export interface CannedReply {
  id: string;
  name: string;
  language: string;
  body: string;
}
export type CannedReplyInput = Omit<CannedReply, 'id'>;

export const SECURITIES = ['tls', 'starttls', 'none'] as const;
export type Security = (typeof SECURITIES)[number];
export const AFTER_FETCH = ['mark_seen', 'move', 'leave'] as const;
export type AfterFetch = (typeof AFTER_FETCH)[number];

export interface ServerSettings {
  host: string;
  port: number;
  security: Security;
  username: string;
  /** Write-only: GET answers "" (has_password says whether one is stored); "" on PATCH keeps it. */
  password: string;
  has_password?: boolean;
  verify_certificate: boolean;
}

export interface Mailbox {
  id: string;
  name: string;
  address: string;
  team_id: string | null;
  imap: ServerSettings;
  /** The IMAP folder read. */
  folder: string;
  smtp: ServerSettings;
  poll_seconds: number;
  use_idle: boolean;
  after_fetch: AfterFetch;
  move_to_folder: string | null;
  max_attachment_bytes: number;
  enabled: boolean;
  status: { last_checked_at: number | null; last_error: string | null; last_uid: number | string | null };
  created_at?: number;
  updated_at?: number;
}
export type MailboxInput = Omit<Mailbox, 'id' | 'status' | 'created_at' | 'updated_at'>;

export interface ConnectionResult {
  ok: boolean;
  message: string;
}
export interface MailboxTestResult {
  imap: ConnectionResult;
  smtp: ConnectionResult;
}

export interface QuarantineItem {
  id: string;
  mailbox_id: string | null;
  reason: string;
  received_at: number;
  size: number;
  resolved_at: number | null;
}
export interface ReprocessResult {
  resolved: boolean;
  conversation_id: string | null;
  reason: string | null;
}
