import { describe, expect, it } from 'vitest';
import { demoMe } from '../../test/render';
import type { Me, Scope } from '../../api/types';
import { canCreateRecords, canLogInteractions, canWriteRecord } from './access';

const as = (write: Scope, teams: string[] = ['t1']): Me => ({
  ...demoMe,
  role: 'member',
  permissions: { role: 'member', read: 'team', write },
  team_ids: teams,
});

describe('record-level permissions (mirroring the server)', () => {
  const mine = { owner_user_id: '1', team_id: null };
  const teammates = { owner_user_id: '2', team_id: 't1' };
  const others = { owner_user_id: '3', team_id: 't9' };

  it('follows the write scope: own, team, all, none', () => {
    expect([mine, teammates, others].map((r) => canWriteRecord(as('own'), r))).toEqual([true, false, false]);
    expect([mine, teammates, others].map((r) => canWriteRecord(as('team'), r))).toEqual([true, true, false]);
    expect([mine, teammates, others].map((r) => canWriteRecord(as('all'), r))).toEqual([true, true, true]);
    expect([mine, teammates, others].map((r) => canWriteRecord(as('none'), r))).toEqual([false, false, false]);
  });

  it('lets any write scope create and log, but not "none"', () => {
    expect(canCreateRecords(as('own'))).toBe(true);
    expect(canLogInteractions(as('own'))).toBe(true);
    expect(canCreateRecords(as('none'))).toBe(false);
    expect(canLogInteractions(as('none'))).toBe(false);
  });
});
