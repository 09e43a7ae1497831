// What the signed-in role may do, mirrored from the server's rules so the UI can hide or
// disable what would fail. The server still decides: its 403s are shown as they come.
import { ROLES, type Me, type Role } from '../api/types';

/** owner > admin > manager > member > viewer */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}

export function atLeast(role: Role | undefined, needed: Role): boolean {
  return !!role && roleRank(role) >= roleRank(needed);
}

export type Ability =
  | 'users.create'
  | 'users.edit'
  | 'users.grantOwner'
  | 'users.setPassword'
  | 'teams.manage'
  | 'apiKeys.manage'
  | 'roles.edit'
  | 'audit.read'
  | 'customFields.manage'
  | 'partitions.manage';

const NEEDS: Record<Ability, Role> = {
  'users.create': 'admin',
  'users.edit': 'admin',
  'users.grantOwner': 'owner',
  'users.setPassword': 'owner',
  'teams.manage': 'manager',
  'apiKeys.manage': 'admin',
  'roles.edit': 'owner',
  'audit.read': 'admin',
  'customFields.manage': 'admin',
  'partitions.manage': 'admin',
};

export function can(me: Pick<Me, 'role'> | null | undefined, ability: Ability): boolean {
  return atLeast(me?.role, NEEDS[ability]);
}

/** Roles this person may hand out (only owners make owners). */
export function assignableRoles(me: Pick<Me, 'role'>): Role[] {
  return ROLES.filter((r) => r !== 'owner' || can(me, 'users.grantOwner'));
}

/** A buyer's partner user (B2B2C) sees that buyer and its consumers only. */
export function isPartner(me: Pick<Me, 'partner_company_id'> | null | undefined): boolean {
  return !!me?.partner_company_id;
}
