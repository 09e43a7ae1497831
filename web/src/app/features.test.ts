import { describe, expect, it } from 'vitest';
import { features, settingsSections } from './features';
import { collectSettingsSections, type Feature } from './registry';

describe('feature registry', () => {
  it('collects the settings sections of every area, in their order', () => {
    expect(settingsSections.map((s) => s.path)).toEqual(['users', 'teams', 'custom-fields', 'api-keys', 'roles', 'audit']);
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
});
