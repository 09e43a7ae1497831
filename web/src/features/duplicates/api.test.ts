// After a merge nothing may fetch the pair again: forgetMergedPair drops the pair's queries
// (the candidate and the record merged away, both gone on the server) instead of refetching them.
import { describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { forgetMergedPair } from './api';
import type { CustomerRecord } from '../customers/types';

describe('forgetMergedPair', () => {
  it('drops the candidate and the merged record, keeps the survivor, refetches only the rest', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const fetched: string[] = [];
    const fetcher = (name: string) => async () => {
      fetched.push(name);
      return name;
    };
    // What the merge page had loaded, each query observed (as if on screen).
    const keys: Record<string, unknown[]> = {
      candidate: ['duplicates', 'one', '9'],
      left: ['records', 'person', 'one', '1'],
      right: ['records', 'person', 'one', '2'],
      queue: ['duplicates', 'list', { status: 'open' }],
      people: ['records', 'person', 'list', 100, ''],
    };
    const observers = Object.entries(keys).map(
      ([name, queryKey]) => new QueryObserver(qc, { queryKey, queryFn: fetcher(name), staleTime: Infinity }),
    );
    const unsubscribe = observers.map((o) => o.subscribe(() => undefined));
    await vi.waitFor(() => expect(observers.every((o) => o.getCurrentResult().isSuccess)).toBe(true));
    fetched.length = 0;

    const survivor = { id: '1', type: 'person' } as unknown as CustomerRecord;
    forgetMergedPair(qc, 'person', { candidateId: '9', recordIds: ['1', '2'] }, survivor);
    await new Promise((r) => setTimeout(r, 20));

    expect(qc.getQueryCache().find({ queryKey: keys.candidate, exact: true })).toBeUndefined();
    expect(qc.getQueryCache().find({ queryKey: keys.right, exact: true })).toBeUndefined();
    expect(fetched.sort()).toEqual(['people', 'queue']);
    expect(qc.getQueryData(keys.left)).toBe(survivor);
    unsubscribe.forEach((u) => u());
    qc.clear();
  });
});
