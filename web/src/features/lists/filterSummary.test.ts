import { describe, expect, it } from 'vitest';
import { countConditions, summaryParts, type SummaryWords } from './filterSummary';

const words: SummaryWords = {
  field: (n) => ({ country: 'Country', tags: 'Tags', city: 'City', created_at: 'Added' })[n] ?? n,
  op: (op) => ({ eq: 'is', has_tag: 'has the tag', in: 'is one of', is_empty: 'is empty', between: 'is between' })[op] ?? op,
  value: (f, v) => (f === 'country' && v === 'IT' ? 'Italy' : String(v)),
  and: 'and',
  or: 'or',
  not: (inner) => `not ${inner}`,
};

describe('filter summary', () => {
  it('says each condition of the top level on its own', () => {
    const filter = {
      and: [
        { field: 'country', op: 'eq', value: 'IT' },
        { field: 'tags', op: 'has_tag', value: 'vip' },
      ],
    };
    expect(summaryParts(filter, words)).toEqual(['Country is Italy', 'Tags has the tag vip']);
    expect(countConditions(filter)).toBe(2);
  });

  it('keeps groups together and says lists, ranges and empty checks', () => {
    const filter = {
      and: [
        {
          or: [
            { field: 'city', op: 'eq', value: 'Milano' },
            { field: 'city', op: 'is_empty' },
          ],
        },
        { not: { field: 'city', op: 'in', value: ['Roma', 'Bari'] } },
        { field: 'created_at', op: 'between', value: ['2024-01-01', '2024-12-31'] },
      ],
    };
    expect(summaryParts(filter, words)).toEqual([
      'City is Milano or City is empty',
      'not City is one of Roma, Bari',
      'Added is between 2024-01-01 – 2024-12-31',
    ]);
    expect(countConditions(filter)).toBe(4);
  });

  it('reads a lone condition and nothing from no filter', () => {
    expect(summaryParts({ field: 'country', op: 'eq', value: 'IT' }, words)).toEqual(['Country is Italy']);
    expect(summaryParts(null, words)).toEqual([]);
    expect(summaryParts({}, words)).toEqual([]);
    expect(countConditions(null)).toBe(0);
  });
});
