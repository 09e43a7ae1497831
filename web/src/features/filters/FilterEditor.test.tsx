import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { FilterEditor } from './FilterPanel';
import { emptyGroup, type GroupNode } from './model';

afterEach(() => vi.unstubAllGlobals());

function Harness() {
  const [root, setRoot] = useState<GroupNode>(emptyGroup());
  return <FilterEditor entity="person" customFields={[]} value={root} onChange={setRoot} />;
}

/** The `filter` parameter of every count request made so far. */
function countFilters(fetchMock: ReturnType<typeof vi.fn>): (unknown | null)[] {
  return fetchMock.mock.calls
    .map(([url]) => new URL(String(url), 'http://x'))
    .filter((u) => u.pathname === '/api/v1/people/count')
    .map((u) => (u.searchParams.get('filter') ? JSON.parse(u.searchParams.get('filter')!) : null));
}

describe('FilterEditor', () => {
  it('builds conditions and asks the count endpoint for the filter they make, showing its answer', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const u = new URL(url, 'http://x');
      const body = u.pathname.endsWith('/count')
        ? { count: u.searchParams.get('filter') ? 7 : 3000 }
        : { items: [], next_cursor: null };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    await renderPage(<Harness />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Matching people now: 3,000'));

    fireEvent.click(screen.getByRole('button', { name: 'Add a condition' }));
    const c1 = screen.getByRole('group', { name: 'Condition 1' });
    fireEvent.change(within(c1).getByLabelText('Field'), { target: { value: 'created_at' } });
    fireEvent.change(within(c1).getByLabelText('Condition'), { target: { value: 'gte' } });
    fireEvent.change(within(c1).getByLabelText('Value: a date or relative to today'), { target: { value: 'ago' } });
    fireEvent.change(within(c1).getByLabelText('Value: how many'), { target: { value: '30' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add a condition' }));
    const c2 = screen.getByRole('group', { name: 'Condition 2' });
    fireEvent.change(within(c2).getByLabelText('Field'), { target: { value: 'tags' } });
    fireEvent.change(within(c2).getByLabelText('Condition'), { target: { value: 'has_any_tag' } });
    fireEvent.change(within(c2).getByLabelText('Values'), { target: { value: 'vip, horeca' } });

    await waitFor(() =>
      expect(countFilters(fetchMock)).toContainEqual({
        and: [
          { field: 'created_at', op: 'gte', value: { relative: '-30d' } },
          { field: 'tags', op: 'has_any_tag', value: ['vip', 'horeca'] },
        ],
      }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Matching people now: 7'));
  });

  it('leaves a condition without a value out and says so', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response(JSON.stringify({ count: 1 }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    await renderPage(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a condition' }));
    expect(screen.getByText('1 condition still misses a value and is left out.')).toBeTruthy();
  });
});
