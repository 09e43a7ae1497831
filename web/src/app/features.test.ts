import { describe, expect, it } from 'vitest';
import { features, settingsSections } from './features';
import { collectSettingsSections, navEntries, sectionVisible, type Feature } from './registry';
import type { Me } from '../api/types';

const person = (role: Me['role'], partner: string | null = null) =>
  ({
    role,
    partner_company_id: partner,
    permissions: { read: 'all', write: 'all' },
    user: { id: '7' },
    workspace: { id: '1', name: 'W', slug: 'w' },
  }) as unknown as Me;

describe('feature registry', () => {
  it('collects the settings sections of every area, in their order', () => {
    expect(settingsSections.map((s) => s.path)).toEqual([
      'users',
      'teams',
      'custom-fields',
      'service-levels',
      'api-keys',
      'roles',
      'audit',
      'mailboxes',
      'contact-form',
      'canned-replies',
      'mail-quarantine',
      'costs',
    ]);
  });

  it('puts every section under /settings', () => {
    const settings = features.find((f) => f.id === 'settings')?.routes[0];
    expect(settings?.path).toBe('settings');
    expect(settings?.children?.filter((r) => !r.index).map((r) => r.path)).toEqual(settingsSections.map((s) => s.path));
  });

  it('orders sections by `order`, not by where the feature is listed', () => {
    const section = (path: string, order: number) => ({ path, order, labelKey: path, icon: 'list' as const, routes: [] });
    const a: Feature = { id: 'a', routes: [], settings: [section('late', 20)] };
    const b: Feature = { id: 'b', routes: [], settings: [section('early', 10), section('last', 30)] };
    expect(collectSettingsSections([a, b]).map((s) => s.path)).toEqual(['early', 'late', 'last']);
  });

  it('shows a partner user no duplicates and no settings (no section is theirs)', () => {
    const partner = person('member', '42');
    const nav = navEntries(features, partner).map((n) => n.to);
    expect(nav).toEqual(['/', '/inbox', '/tasks', '/companies', '/people']);
    expect(settingsSections.filter((s) => sectionVisible(s, partner))).toEqual([]);
  });

  it('shows a member duplicates and the sections they may use, and an owner everything', () => {
    const member = person('member');
    expect(navEntries(features, member).map((n) => n.to)).toContain('/duplicates');
    expect(navEntries(features, member).map((n) => n.to)).toContain('/settings');
    expect(settingsSections.filter((s) => sectionVisible(s, member)).map((s) => s.path)).toEqual([
      'users',
      'teams',
      'custom-fields',
      'service-levels',
      'roles',
      'canned-replies',
      'costs',
    ]);
    const owner = person('owner');
    expect(settingsSections.filter((s) => sectionVisible(s, owner)).map((s) => s.path)).toEqual(
      settingsSections.map((s) => s.path),
    );
    expect(navEntries(features, owner).map((n) => n.to)).toEqual([
      '/',
      '/inbox',
      '/portfolio',
      '/tasks',
      '/companies',
      '/people',
      '/duplicates',
      '/portfolios',
      '/segments',
      '/relationship-plans',
      '/import',
      '/reports',
      '/costs',
      '/canvas',
      '/settings',
    ]);
  });
});
