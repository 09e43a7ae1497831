// Two agents answering at once: the server refuses a reply when a message arrived or was sent
// after the one the agent was answering (409, problem type ending "reply-collision"). The
// editor then shows what came meanwhile and lets the agent send anyway.
import { isApiError } from '../../api/client';
import type { Message } from './types';

export function isReplyCollision(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 409) return false;
  const p = error.problem as { type?: string; code?: string };
  return /reply-collision$/.test(p.type ?? '') || /reply-collision$/.test(p.code ?? '');
}

/** The messages after `afterId` in the thread (all the other agents' and customers' ones). */
export function messagesAfter(messages: Message[], afterId: string): Message[] {
  const i = messages.findIndex((m) => m.id === afterId);
  return i < 0 ? [] : messages.slice(i + 1).filter((m) => m.kind !== 'note');
}

/** The message a reply answers: the last one that is not an internal note. */
export function lastAnswerable(messages: Message[]): Message | null {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].kind !== 'note') return messages[i];
  }
  return messages[messages.length - 1] ?? null;
}

/** Who wrote what came meanwhile: the agents' names first, else the senders'. */
export function collisionAuthors(messages: Message[]): string[] {
  const names = messages.map((m) => m.author_name || m.from_name).filter(Boolean);
  return [...new Set(names)];
}
