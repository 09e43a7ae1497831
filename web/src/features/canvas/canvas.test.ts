// The canvas screen's pure parts: links, the way figures read, the period.
import { describe, expect, it } from 'vitest';
import { durationParts, entries, figureHref, figureKind, periodOf, valueOf } from './canvas';

describe('figureHref', () => {
  it('opens the route with the list filter encoded', () => {
    const filter = {
      and: [
        { field: 'city', op: 'eq', value: 'Milano' },
        { field: 'owner_user_id', op: 'is_empty' },
      ],
    };
    const href = figureHref({ route: '/people', filter });
    expect(href?.startsWith('/people?filter=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(href!.slice('/people?filter='.length)))).toEqual(filter);
  });
  it('opens the route alone without a filter, and nothing without a route', () => {
    expect(figureHref({ route: '/segments/12', filter: null })).toBe('/segments/12');
    expect(figureHref({ route: null, filter: null })).toBeNull();
    expect(figureHref(undefined)).toBeNull();
  });
});

describe('figureKind', () => {
  it('reads shares, rates, durations, times and decimals from the key', () => {
    expect(figureKind('owner_share')).toBe('share');
    expect(figureKind('retention_rate')).toBe('share');
    expect(figureKind('profile_completeness')).toBe('share');
    expect(figureKind('sla_compliance')).toBe('share');
    expect(figureKind('first_response_median_ms')).toBe('duration');
    expect(figureKind('total_cents')).toBe('money');
    expect(figureKind('met')).toBe('flag');
    expect(figureKind('measured')).toBe('decimal');
    expect(figureKind('finished_at')).toBe('time');
    expect(figureKind('activity_per_100')).toBe('decimal');
    expect(figureKind('csat_average')).toBe('decimal');
    expect(figureKind('customers')).toBe('count');
  });
});

describe('durationParts', () => {
  it('keeps minutes under two hours, hours under two days, then days', () => {
    expect(durationParts(90 * 60000)).toEqual({ unit: 'minutes', value: 90 });
    expect(durationParts(3 * 3600000)).toEqual({ unit: 'hours', value: 3 });
    expect(durationParts(72 * 3600000)).toEqual({ unit: 'days', value: 3 });
  });
});

describe('valueOf and entries', () => {
  const figures = {
    size: { value: 12, reason: null, link: { route: '/people', filter: null } },
    revenue_per_customer: { value: null, reason: 'not_yet_measured', link: { route: null, filter: null } },
  };
  it('gives a missing measure as no number, never zero', () => {
    expect(valueOf(figures, 'size')).toBe(12);
    expect(valueOf(figures, 'revenue_per_customer')).toBeNull();
    expect(valueOf(figures, 'absent')).toBeNull();
    expect(entries(figures).map(([k]) => k)).toEqual(['size', 'revenue_per_customer']);
  });
});

describe('periodOf', () => {
  it('ends just after now and starts the given days before', () => {
    expect(periodOf(90, 1_000_000_000_000)).toEqual({ from: 1_000_000_000_000 - 90 * 86400000, to: 1_000_000_000_001 });
  });
});
