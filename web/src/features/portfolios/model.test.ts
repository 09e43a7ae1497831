import { describe, expect, it } from 'vitest';
import { portfolioParams } from './api';
import { byCoverage, formatShare, ownerListPath, unownedListPath } from './model';
import type { PortfolioOwner } from './types';

function owner(name: string, coverage: number | null): PortfolioOwner {
  return {
    user_id: name,
    display_name: name,
    active: true,
    companies: 1,
    people: 2,
    size: 3,
    contacted: 1,
    not_contacted: 2,
    coverage,
  };
}

describe('portfolio links', () => {
  it('filters the lists to customers with no owner', () => {
    const path = unownedListPath('company');
    expect(path.startsWith('/companies?filter=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(path.split('filter=')[1]))).toEqual({ field: 'owner_user_id', op: 'is_empty' });
    expect(unownedListPath('person').startsWith('/people?filter=')).toBe(true);
  });
  it("filters the lists to one owner's records", () => {
    const path = ownerListPath('person', '42');
    expect(JSON.parse(decodeURIComponent(path.split('filter=')[1]))).toEqual({ field: 'owner_user_id', op: 'eq', value: '42' });
  });
});

describe('formatShare', () => {
  it('writes a share as a whole percentage in the language', () => {
    expect(formatShare(1 / 3, 'en')).toBe('33%');
    expect(formatShare(0.5, 'it')).toBe('50%');
    expect(formatShare(2 / 3, 'pt').replace(/\s/g, ' ')).toBe('67%');
    expect(formatShare(null, 'en')).toBe('–');
  });
});

describe('byCoverage', () => {
  it('puts the lowest coverage first and empty portfolios last', () => {
    const sorted = [owner('b', 0.9), owner('empty', null), owner('a', 0.1), owner('c', 0.1)].sort(byCoverage);
    expect(sorted.map((o) => o.user_id)).toEqual(['a', 'c', 'b', 'empty']);
  });
});

describe('portfolioParams', () => {
  it('sends only what differs from the defaults', () => {
    expect(portfolioParams({ kind: 'all', noContactDays: 0, sort: 'neglected' })).toEqual({
      type: undefined,
      no_contact_days: undefined,
      sort: undefined,
    });
    expect(portfolioParams({ kind: 'company', noContactDays: 90, sort: 'recent' })).toEqual({
      type: 'company',
      no_contact_days: 90,
      sort: 'recent',
    });
  });
});
