// Live refresh: the server's stream of conversation changes (GET /conversations/events,
// server-sent events "conversation" with {id, view_hint}). While an inbox or a conversation is
// open, each event reads the lists, the counts and that conversation again. EventSource
// reconnects by itself; the refreshes of one burst of events are gathered into one.
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { API_BASE } from '../../api/client';
import { conversationKey, conversationsKey } from './api';

export interface ConversationEvent {
  id: string;
  view_hint?: string | null;
}

/** The event's data, or null when it is not one (a malformed line is ignored, not fatal). */
export function parseConversationEvent(data: string): ConversationEvent | null {
  try {
    const v = JSON.parse(data) as unknown;
    if (v && typeof v === 'object' && 'id' in v && (typeof v.id === 'string' || typeof v.id === 'number')) {
      const hint = 'view_hint' in v && typeof v.view_hint === 'string' ? v.view_hint : null;
      return { id: String(v.id), view_hint: hint };
    }
  } catch {
    /* not JSON */
  }
  return null;
}

export const EVENTS_URL = `${API_BASE}/conversations/events`;
const GATHER_MS = 300;

export function applyConversationEvent(qc: QueryClient, event: ConversationEvent): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: conversationsKey }),
    qc.invalidateQueries({ queryKey: conversationKey(event.id) }),
  ]);
}

export function useConversationEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(EVENTS_URL, { withCredentials: true });
    const pending = new Map<string, ConversationEvent>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const events = [...pending.values()];
      pending.clear();
      for (const e of events) void applyConversationEvent(qc, e);
    };
    const onEvent = (msg: MessageEvent<string>) => {
      const event = parseConversationEvent(msg.data);
      if (!event) return;
      pending.set(event.id, event);
      timer ??= setTimeout(flush, GATHER_MS);
    };
    source.addEventListener('conversation', onEvent as EventListener);
    return () => {
      source.removeEventListener('conversation', onEvent as EventListener);
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [qc]);
}
