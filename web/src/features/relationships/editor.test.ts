import { describe, expect, it } from 'vitest';
import type { PlanEntry } from './api';
import {
  addEntry,
  addTarget,
  availableTypes,
  isDirty,
  motivationChanges,
  removeEntry,
  removeTarget,
  toDraft,
  toggleChannel,
  toInput,
  updateEntry,
  updateTarget,
} from './editor';

const saved: PlanEntry[] = [
  {
    relationship_type: 'dedicated_assistance',
    motivation: 'acquisition',
    team_id: '42',
    channels: ['email', 'phone'],
    note: 'One owner per company',
    targets: [{ metric: 'owner_coverage_share', comparator: 'at_least', value: 100, unit: 'percent' }],
    threshold: { measure: 'customers_touched_percent', value: 50 },
  },
];

describe('the plan editor', () => {
  it('reads saved entries back into the same request body', () => {
    const input = toInput(toDraft(saved), 3, '  quarterly review ');
    expect(input.expected_version).toBe(3);
    expect(input.comment).toBe('quarterly review');
    expect(input.entries).toEqual([
      {
        relationship_type: 'dedicated_assistance',
        motivation: 'acquisition',
        team_id: '42',
        channels: ['email', 'phone'],
        note: 'One owner per company',
        targets: [{ metric: 'owner_coverage_share', comparator: 'at_least', value: 100 }],
        threshold: { measure: 'customers_touched_percent', value: 50 },
      },
    ]);
    expect(isDirty(toDraft(saved), saved)).toBe(false);
  });

  it('adds each type once, with defaults, and removes entries', () => {
    let draft = toDraft(saved);
    expect(availableTypes(draft)).not.toContain('dedicated_assistance');
    expect(availableTypes(draft)).toHaveLength(5);
    draft = addEntry(draft, 'self_service');
    expect(addEntry(draft, 'self_service')).toBe(draft);
    expect(draft[1]).toMatchObject({ motivation: 'acquisition', measure: 'interactions_per_100_customers', threshold: '10' });
    expect(isDirty(draft, saved)).toBe(true);
    draft = removeEntry(draft, 0);
    expect(draft.map((e) => e.relationship_type)).toEqual(['self_service']);
    expect(toInput(draft, 1, '').entries[0].team_id).toBeNull();
  });

  it('changes a motivation and records it as a change', () => {
    const draft = updateEntry(toDraft(saved), 0, { motivation: 'retention' });
    expect(isDirty(draft, saved)).toBe(true);
    const after = toInput(draft, 1, '').entries as PlanEntry[];
    expect(motivationChanges(saved, after)).toEqual([{ type: 'dedicated_assistance', from: 'acquisition', to: 'retention' }]);
    expect(motivationChanges(saved, [])).toEqual([{ type: 'dedicated_assistance', from: 'acquisition', to: null }]);
  });

  it('keeps channels in their canonical order and toggles them', () => {
    let entry = toDraft(saved)[0];
    entry = toggleChannel(entry, 'chat');
    expect(entry.channels).toEqual(['email', 'phone', 'chat']);
    entry = toggleChannel(entry, 'email');
    expect(entry.channels).toEqual(['phone', 'chat']);
  });

  it('gives a new target its usual comparison and sends numbers as numbers', () => {
    let entry = toDraft(saved)[0];
    entry = addTarget(entry, 'contact_interval_days');
    expect(entry.targets[1]).toEqual({ metric: 'contact_interval_days', comparator: 'at_most', value: '' });
    entry = updateTarget(entry, 1, { value: '4,5', metric: 'csat_average' });
    expect(entry.targets[1].comparator).toBe('at_least');
    const body = toInput([entry], 1, '').entries[0];
    expect(body.targets?.[1].value).toBe(4.5);
    // Text that is no number goes as typed, for the server to name.
    entry = updateTarget(entry, 1, { value: 'high' });
    expect(toInput([entry], 1, '').entries[0].targets?.[1].value).toBe('high');
    entry = removeTarget(entry, 0);
    expect(entry.targets.map((t) => t.metric)).toEqual(['csat_average']);
  });
});
