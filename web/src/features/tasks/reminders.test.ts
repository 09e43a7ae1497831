import { describe, expect, it } from 'vitest';
import { dueReminders, pruneDismissed, readDismissed, reminderKey, writeDismissed } from './reminders';
import type { Task } from './types';

function task(id: string, due_at: number | null, completed_at: number | null = null): Task {
  return {
    id,
    subject: `Task ${id}`,
    body: '',
    due_at,
    overdue: false,
    completed_at,
    assignee_user_id: '1',
    assignee_name: 'Ada',
    assigned_at: null,
    person_id: '9',
    company_id: null,
    customer: { type: 'person', id: '9', name: 'Mario Rossi' },
    company: null,
    created_by_user_id: '1',
    occurred_at: 0,
    created_at: 0,
  };
}

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

describe('dueReminders', () => {
  const now = 1_000_000;
  it('reminds of open tasks due by now, most overdue first', () => {
    const tasks = [task('a', now - 10), task('b', now + 10), task('c', now - 500), task('d', null), task('e', now - 1, now)];
    expect(dueReminders(tasks, now, new Set()).map((t) => t.id)).toEqual(['c', 'a']);
  });
  it('leaves out dismissed reminders, but not once the due date changed', () => {
    const dismissed = new Set([reminderKey(task('a', now - 10))]);
    expect(dueReminders([task('a', now - 10)], now, dismissed)).toEqual([]);
    expect(dueReminders([task('a', now - 5)], now, dismissed).map((t) => t.id)).toEqual(['a']);
  });
});

describe('dismissed reminders', () => {
  it('survive a round trip through storage, per user', () => {
    const store = new MemoryStore();
    writeDismissed(store, 'u1', new Set(['a@1', 'b@2']));
    expect([...readDismissed(store, 'u1')].sort()).toEqual(['a@1', 'b@2']);
    expect(readDismissed(store, 'u2').size).toBe(0);
  });
  it('read garbage as nothing dismissed', () => {
    const store = new MemoryStore();
    store.setItem('rapport.taskReminders.dismissed.u1', '{not json');
    expect(readDismissed(store, 'u1').size).toBe(0);
    expect(readDismissed(undefined, 'u1').size).toBe(0);
  });
  it('are pruned to tasks still due', () => {
    const kept = pruneDismissed(new Set(['a@5', 'gone@1']), [task('a', 5)]);
    expect([...kept]).toEqual(['a@5']);
  });
});
