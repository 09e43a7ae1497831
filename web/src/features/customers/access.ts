// Record-level permissions, mirrored from the server (src/domain/permissions/record_access.cpp):
// a role's write scope is none, own (records it owns), team (and its teams' records) or all.
// Only used to hide what would fail; the server's 403 is still shown if it comes.
import type { Me, Scope } from '../../api/types';
import type { CustomerRecord } from './types';

function within(scope: Scope, me: Me, record: Pick<CustomerRecord, 'owner_user_id' | 'team_id'>): boolean {
  const own = !!me.user && !!record.owner_user_id && me.user.id === record.owner_user_id;
  switch (scope) {
    case 'all':
      return true;
    case 'team':
      return own || (!!record.team_id && (me.team_ids ?? []).includes(record.team_id));
    case 'own':
      return own;
    default:
      return false;
  }
}

export function canWriteRecord(me: Me, record: Pick<CustomerRecord, 'owner_user_id' | 'team_id'>): boolean {
  return within(me.permissions.write, me, record);
}

/** New records belong to their creator by default, so any write scope but "none" may create. */
export function canCreateRecords(me: Me): boolean {
  return me.permissions.write !== 'none' && (me.permissions.write === 'all' || !!me.user);
}

/** Logging on the timeline needs some write scope (the server's rule). */
export function canLogInteractions(me: Me): boolean {
  return me.permissions.write !== 'none';
}
