// Queries and mutations of the service desk (the server's servicedesk area): the inbox views and
// their counts, one conversation with its thread, the agent's actions on it (reply, note, no
// reply needed, assignment, merge, split, retry), canned replies, mailboxes and the quarantine.
// Every key starts with `deskKey`, so a change of any conversation refreshes lists and counts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE } from '../../api/client';
import { useCursorPages } from '../../api/paging';
import type {
  CannedReply,
  CannedReplyInput,
  Conversation,
  ConversationPatch,
  ConversationSummary,
  Counts,
  Mailbox,
  MailboxInput,
  MailboxTestResult,
  Message,
  NoteInput,
  QuarantineItem,
  ReplyInput,
  ReprocessResult,
  View,
} from './types';

export const deskKey = ['servicedesk'] as const;
export const conversationsKey = [...deskKey, 'conversations'] as const;
export const conversationKey = (id: string) => [...deskKey, 'conversation', id] as const;
export const cannedKey = [...deskKey, 'canned'] as const;
export const mailboxesKey = [...deskKey, 'mailboxes'] as const;
export const quarantineKey = [...deskKey, 'quarantine'] as const;

const conv = (id: string) => `/conversations/${encodeURIComponent(id)}`;

/** Where an attachment of a conversation is downloaded (also the src of an inline image). */
export function attachmentUrl(conversationId: string, attachmentId: string): string {
  return `${API_BASE}${conv(conversationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function useConversationList(view: View, team: string, limit = 50) {
  const params = { view, team: team || undefined };
  return useCursorPages<ConversationSummary>([...conversationsKey, 'list', params, limit], '/conversations', { params, limit });
}

/** How often the navigation badge reads the counts again (the open inbox is live anyway). */
export const COUNTS_POLL_MS = 60_000;

export function useCounts(team: string, poll = false) {
  return useQuery({
    queryKey: [...conversationsKey, 'counts', team],
    queryFn: ({ signal }) => api.get<Counts>('/conversations/counts', { query: { team: team || undefined }, signal }),
    refetchInterval: poll ? COUNTS_POLL_MS : false,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKey(id),
    queryFn: ({ signal }) => api.get<Conversation>(conv(id), { signal }),
  });
}

/** Reads the conversation again, and the lists and counts it shows in. */
function useRefresh(id: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: conversationKey(id) }),
      qc.invalidateQueries({ queryKey: conversationsKey }),
      qc.invalidateQueries({ queryKey: ['timeline'] }),
    ]);
}

export function usePatchConversation(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (patch: ConversationPatch) => api.patch<ConversationSummary>(conv(id), patch),
    onSettled: refresh,
  });
}

export function useSendReply(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: ReplyInput) => api.post<Message>(`${conv(id)}/replies`, input),
    onSuccess: refresh,
  });
}

export function useAddNote(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: NoteInput) => api.post<Message>(`${conv(id)}/notes`, input),
    onSuccess: refresh,
  });
}

export function useNoReply(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (reason: string) => api.post<ConversationSummary>(`${conv(id)}/no-reply`, { reason }),
    onSuccess: refresh,
  });
}

export function useRetry(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (messageId: string) => api.post<Message>(`${conv(id)}/messages/${encodeURIComponent(messageId)}/retry`, {}),
    onSuccess: refresh,
  });
}

export function useMerge(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (intoId: string) => api.post<ConversationSummary>(`${conv(id)}/merge`, { into_id: intoId }),
    onSuccess: refresh,
  });
}

export function useSplit(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (messageId: string) => api.post<ConversationSummary>(`${conv(id)}/split`, { message_id: messageId }),
    onSuccess: refresh,
  });
}

/** Tells the others that I am writing a reply (the editor calls it every REPLYING_PING_MS). */
export function pingReplying(id: string): Promise<void> {
  return api.post<void>(`${conv(id)}/replying`, {});
}
export const REPLYING_PING_MS = 20_000;

// --- canned replies ---------------------------------------------------------------------

export function useCannedReplies() {
  return useQuery({
    queryKey: cannedKey,
    queryFn: ({ signal }) => api.get<{ items: CannedReply[] }>('/canned-replies', { signal }),
    select: (d) => d.items,
  });
}

export function useSaveCanned() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CannedReplyInput }) =>
      id
        ? api.patch<CannedReply>(`/canned-replies/${encodeURIComponent(id)}`, input)
        : api.post<CannedReply>('/canned-replies', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: cannedKey }),
  });
}

export function useDeleteCanned() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/canned-replies/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: cannedKey }),
  });
}

/** A canned reply with its placeholders filled for this conversation, in the customer's language. */
export async function fetchCannedText(conversationId: string, cannedId: string): Promise<string> {
  const r = await api.get<{ text: string }>(`${conv(conversationId)}/canned-replies/${encodeURIComponent(cannedId)}`);
  return r.text;
}

// --- mailboxes ----------------------------------------------------------------------------

export function useMailboxes() {
  return useQuery({
    queryKey: mailboxesKey,
    queryFn: ({ signal }) => api.get<{ items: Mailbox[] }>('/mailboxes', { signal }),
    select: (d) => d.items,
  });
}

export function useMailbox(id: string | undefined) {
  return useQuery({
    queryKey: [...mailboxesKey, 'one', id],
    queryFn: ({ signal }) => api.get<Mailbox>(`/mailboxes/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useSaveMailbox(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MailboxInput) =>
      id ? api.patch<Mailbox>(`/mailboxes/${encodeURIComponent(id)}`, input) : api.post<Mailbox>('/mailboxes', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: mailboxesKey }),
  });
}

export function useDeleteMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/mailboxes/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: mailboxesKey }),
  });
}

/** Tries the settings on the form (unsaved), or a saved mailbox's when they are not changed. */
export function useTestMailbox() {
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input?: MailboxInput }) =>
      input
        ? api.post<MailboxTestResult>('/mailboxes/test', input)
        : api.post<MailboxTestResult>(`/mailboxes/${encodeURIComponent(id ?? '')}/test`, {}),
  });
}

// --- quarantine ---------------------------------------------------------------------------

export function useQuarantine() {
  return useQuery({
    queryKey: quarantineKey,
    queryFn: ({ signal }) => api.get<{ items: QuarantineItem[] }>('/mail-quarantine', { signal }),
    select: (d) => d.items,
  });
}

export function useReprocess() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ReprocessResult>(`/mail-quarantine/${encodeURIComponent(id)}/reprocess`, {}),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: quarantineKey }), qc.invalidateQueries({ queryKey: conversationsKey })]),
  });
}
