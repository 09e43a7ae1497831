import { describe, expect, it } from 'vitest';
import { assignableRoles, atLeast, can } from './permissions';

describe('permissions', () => {
  it('orders roles owner > admin > manager > member > viewer', () => {
    expect(atLeast('owner', 'admin')).toBe(true);
    expect(atLeast('admin', 'owner')).toBe(false);
    expect(atLeast('manager', 'manager')).toBe(true);
    expect(atLeast('viewer', 'member')).toBe(false);
    expect(atLeast(undefined, 'viewer')).toBe(false);
  });

  it('mirrors the server rules', () => {
    expect(can({ role: 'admin' }, 'users.create')).toBe(true);
    expect(can({ role: 'manager' }, 'users.create')).toBe(false);
    expect(can({ role: 'manager' }, 'teams.manage')).toBe(true);
    expect(can({ role: 'member' }, 'teams.manage')).toBe(false);
    expect(can({ role: 'admin' }, 'roles.edit')).toBe(false);
    expect(can({ role: 'owner' }, 'roles.edit')).toBe(true);
    expect(can({ role: 'admin' }, 'audit.read')).toBe(true);
    expect(can({ role: 'manager' }, 'apiKeys.manage')).toBe(false);
  });

  it('lets only owners hand out the owner role', () => {
    expect(assignableRoles({ role: 'owner' })).toContain('owner');
    expect(assignableRoles({ role: 'admin' })).not.toContain('owner');
  });
});
