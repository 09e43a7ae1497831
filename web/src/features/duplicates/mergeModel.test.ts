import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../customers/types';
import { defaultPicks, mergeRequest, mergeRows } from './mergeModel';

function person(id: string, fields: Record<string, string>): CustomerRecord {
  return {
    id,
    type: 'person',
    fields,
    custom: {},
    tags: [],
    owner_user_id: '1',
    team_id: null,
    created_at: 0,
    updated_at: 0,
    provenance: {},
  } as CustomerRecord;
}

describe('merge model', () => {
  const left = person('10', { first_name: 'Giulia', last_name: 'Bianchi', email: 'g@example.com' });
  const right = person('20', { first_name: 'Giulia M.', last_name: 'Bianchi', phone: '+390212345678' });
  const rows = mergeRows('person', left, right, []);

  it('lists the fields either record has, marking equal ones', () => {
    const names = rows.map((r) => r.name);
    expect(names).toContain('first_name');
    expect(names).toContain('phone');
    expect(names).not.toContain('city');
    expect(rows.find((r) => r.name === 'last_name')?.same).toBe(true);
    expect(rows.find((r) => r.name === 'owner_user_id')?.same).toBe(true);
  });

  it("defaults to the kept record's values and fills its gaps from the other", () => {
    const picks = defaultPicks(rows, 'left');
    expect(picks.first_name).toBe('left');
    expect(picks.phone).toBe('right');
    expect(picks.email).toBe('left');
    expect(picks.last_name).toBeUndefined();
  });

  it('builds the request for the kept record with a choice per differing field', () => {
    const picks = { ...defaultPicks(rows, 'right'), first_name: 'left' as const };
    const { survivorId, request } = mergeRequest(rows, picks, 'right', { left: '10', right: '20' }, '99');
    expect(survivorId).toBe('20');
    expect(request.merged_id).toBe('10');
    expect(request.candidate_id).toBe('99');
    expect(request.choices.first_name).toBe('merged');
    expect(request.choices.phone).toBe('survivor');
    expect(request.choices.email).toBe('merged');
    expect(request.choices.last_name).toBeUndefined();
  });

  it('sends "clear" for a cleared field, whether the two values differ or not', () => {
    const picks = { ...defaultPicks(rows, 'left'), phone: 'clear' as const, owner_user_id: 'clear' as const };
    const { request } = mergeRequest(rows, picks, 'left', { left: '10', right: '20' });
    expect(request.choices.phone).toBe('clear');
    expect(request.choices.owner_user_id).toBe('clear');
    expect(request.choices.first_name).toBe('survivor');
  });
});
