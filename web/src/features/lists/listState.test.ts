import { describe, expect, it } from 'vitest';
import { ariaSort, hasListState, nextSort, readListState, sortFieldOf, writeListState } from './listState';

describe('list state in the query string', () => {
  it('reads what writing wrote, and leaves defaults out', () => {
    const state = {
      filter: { and: [{ field: 'country', op: 'eq', value: 'IT' }] },
      q: 'ros',
      sort: 'last_name',
      order: 'desc' as const,
    };
    const params = writeListState(state);
    expect(params.get('sort')).toBe('last_name');
    expect(params.get('order')).toBe('desc');
    expect(readListState(new URLSearchParams(params.toString()))).toEqual(state);
    expect(writeListState({ filter: null, q: '  ', sort: '', order: 'asc' }).toString()).toBe('');
  });

  it('keeps other parameters and replaces its own', () => {
    const out = writeListState({ filter: null, q: 'a', sort: '', order: 'desc' }, new URLSearchParams('tab=x&q=old&order=desc'));
    expect(out.toString()).toBe('tab=x&q=a');
  });

  it('ignores a broken filter or sort instead of failing', () => {
    const s = readListState(new URLSearchParams('filter=%7Bbroken&sort=1%3Bdrop&order=desc'));
    expect(s).toEqual({ filter: null, q: '', sort: '', order: 'asc' });
    expect(hasListState(new URLSearchParams('tab=x'))).toBe(false);
    expect(hasListState(new URLSearchParams('q=x'))).toBe(true);
  });

  it('cycles a header through ascending, descending and none', () => {
    let s = { sort: '', order: 'asc' as const } as { sort: string; order: 'asc' | 'desc' };
    s = nextSort(s, 'city');
    expect(s).toEqual({ sort: 'city', order: 'asc' });
    expect(ariaSort(s, 'city')).toBe('ascending');
    expect(ariaSort(s, 'email')).toBe('none');
    s = nextSort(s, 'city');
    expect(ariaSort(s, 'city')).toBe('descending');
    s = nextSort(s, 'city');
    expect(s).toEqual({ sort: '', order: 'asc' });
    expect(nextSort({ sort: 'city', order: 'desc' }, 'email')).toEqual({ sort: 'email', order: 'asc' });
  });

  it('sorts only the columns the server can sort on', () => {
    expect(sortFieldOf('person', 'name')).toBe('last_name');
    expect(sortFieldOf('company', 'name')).toBe('legal_name');
    expect(sortFieldOf('person', 'field:city')).toBe('city');
    expect(sortFieldOf('person', 'field:buyer_company_id')).toBeNull();
    expect(sortFieldOf('person', 'updated_at')).toBe('updated_at');
    expect(sortFieldOf('person', 'tags')).toBeNull();
    expect(sortFieldOf('person', 'owner')).toBeNull();
    expect(sortFieldOf('person', 'custom:blend')).toBeNull();
    expect(ariaSort({ sort: '', order: 'asc' }, null)).toBeUndefined();
  });
});
