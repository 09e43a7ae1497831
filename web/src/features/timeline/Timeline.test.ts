import { describe, expect, it } from 'vitest';
import { editChanges, fromLocalInput, interactionBody, KIND_DEFAULTS, toLocalInput } from './Timeline';
import type { Interaction } from './types';

const draft = {
  subject: ' Reorder of espresso beans ',
  body: 'Wants 20 kg more next month.',
  channel: KIND_DEFAULTS.call.channel,
  direction: KIND_DEFAULTS.call.direction,
  relationship_type: 'dedicated_assistance' as const,
  minutes: '15',
  occurred: '2025-03-04T09:30',
  due: '',
  assignee: '',
};

describe('logging on the timeline', () => {
  it('builds the call a person logs: channel, direction, relationship type and minutes', () => {
    expect(interactionBody('call', { entity: 'person', id: '9' }, draft)).toEqual({
      kind: 'call',
      person_id: '9',
      subject: 'Reorder of espresso beans',
      body: 'Wants 20 kg more next month.',
      channel: 'phone',
      direction: 'outbound',
      relationship_type: 'dedicated_assistance',
      minutes_spent: 15,
      occurred_at: new Date('2025-03-04T09:30').getTime(),
    });
  });

  it('gives a task a due date and an assignee instead of a time, about a company', () => {
    const body = interactionBody(
      'task',
      { entity: 'company', id: '3' },
      { ...draft, channel: '', direction: '', relationship_type: '', minutes: '', due: '2025-03-10T12:00', assignee: '7' },
    );
    expect(body).toEqual({
      kind: 'task',
      company_id: '3',
      subject: 'Reorder of espresso beans',
      body: 'Wants 20 kg more next month.',
      due_at: new Date('2025-03-10T12:00').getTime(),
      assignee_user_id: '7',
    });
  });

  it('sends minutes that are not a whole number as typed, for the server to explain', () => {
    expect(interactionBody('note', { entity: 'person', id: '1' }, { ...draft, minutes: '1.5' }).minutes_spent).toBe('1.5');
  });

  it('round-trips datetime-local values', () => {
    const ms = new Date(2025, 0, 31, 8, 5).getTime();
    expect(toLocalInput(ms)).toBe('2025-01-31T08:05');
    expect(fromLocalInput('2025-01-31T08:05')).toBe(ms);
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('editChanges', () => {
  const base: Interaction = {
    id: '1',
    kind: 'task',
    person_id: '9',
    company_id: null,
    subject: 'Call back',
    body: '',
    channel: null,
    direction: null,
    relationship_type: null,
    minutes_spent: 0,
    occurred_at: new Date(2026, 0, 5, 9, 0).getTime(),
    due_at: new Date(2026, 0, 6, 10, 30).getTime(),
    assignee_user_id: 'u1',
    assigned_at: null,
    completed_at: null,
    created_by_user_id: 'u1',
    created_at: 0,
  };
  const draft = (over: Partial<{ subject: string; body: string; occurred: string; due: string; assignee: string }> = {}) => ({
    subject: base.subject,
    body: base.body,
    occurred: toLocalInput(base.occurred_at),
    due: toLocalInput(base.due_at!),
    assignee: 'u1',
    ...over,
  });
  it('sends nothing when nothing changed', () => {
    expect(editChanges(base, draft())).toEqual({});
  });
  it('sends only the changed fields of a task, clearing with null', () => {
    expect(editChanges(base, draft({ subject: ' Call back today ', due: '', assignee: '' }))).toEqual({
      subject: 'Call back today',
      due_at: null,
      assignee_user_id: null,
    });
    expect(editChanges(base, draft({ due: '2026-01-07T08:00' }))).toEqual({ due_at: new Date(2026, 0, 7, 8, 0).getTime() });
  });
  it('changes the time of other entries, never their due date', () => {
    const note: Interaction = { ...base, kind: 'note', due_at: null, assignee_user_id: null };
    expect(editChanges(note, { ...draft({ occurred: '2026-01-05T11:00', assignee: '' }), due: '' })).toEqual({
      occurred_at: new Date(2026, 0, 5, 11, 0).getTime(),
    });
  });
});
