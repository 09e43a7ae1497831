// In-app reminders of due tasks: which of my open tasks to remind me of now, and the reminders
// I dismissed (kept in localStorage per user, so a dismissed reminder does not come back after
// a reload; a task whose due date changes reminds again).
import type { Task } from './types';

export const DISMISSED_KEY_PREFIX = 'rapport.taskReminders.dismissed.';

/** A reminder is for a task at one due date. */
export function reminderKey(task: Pick<Task, 'id' | 'due_at'>): string {
  return `${task.id}@${task.due_at ?? ''}`;
}

/** The open tasks due by `now` that were not dismissed, the most overdue first. */
export function dueReminders(tasks: Task[], now: number, dismissed: ReadonlySet<string>): Task[] {
  return tasks
    .filter((t) => t.completed_at === null && t.due_at !== null && t.due_at <= now && !dismissed.has(reminderKey(t)))
    .sort((a, b) => (a.due_at ?? 0) - (b.due_at ?? 0));
}

/** Dismissed keys still worth keeping: those of tasks still due (the others can never show again). */
export function pruneDismissed(dismissed: ReadonlySet<string>, dueTasks: Task[]): Set<string> {
  const live = new Set(dueTasks.map(reminderKey));
  return new Set([...dismissed].filter((k) => live.has(k)));
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function readDismissed(store: Store | undefined, userId: string): Set<string> {
  try {
    const raw = store?.getItem(DISMISSED_KEY_PREFIX + userId);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeDismissed(store: Store | undefined, userId: string, keys: ReadonlySet<string>): void {
  try {
    store?.setItem(DISMISSED_KEY_PREFIX + userId, JSON.stringify([...keys]));
  } catch {
    // A full or disabled storage only means the reminder may show again.
  }
}
