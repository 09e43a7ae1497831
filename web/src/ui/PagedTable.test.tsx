import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../test/render';
import { ApiError } from '../api/client';
import { PagedTable, type PagedList } from './PagedTable';

const list = (over: Partial<PagedList> = {}): PagedList => ({
  items: [],
  isPending: false,
  isError: false,
  isSuccess: true,
  isFetchNextPageError: false,
  error: null,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => undefined,
  ...over,
});

const table = (l: PagedList, moreLabel?: string) => (
  <section>
    <PagedTable
      list={l}
      caption="Things"
      columns={['Name', 'Size']}
      actionsColumn
      empty={<p>Nothing yet</p>}
      moreLabel={moreLabel}
    >
      {l.items.map((x) => (
        <tr key={String(x)}>
          <th scope="row">{String(x)}</th>
          <td>1</td>
          <td />
        </tr>
      ))}
    </PagedTable>
  </section>
);

const failure = () => new ApiError({ type: 'about:blank', status: 500, title: 'Server error', detail: 'Boom' });

describe('PagedTable', () => {
  it('shows loading while the first page is on its way', async () => {
    await renderPage(table(list({ isPending: true, isSuccess: false })));
    expect(await screen.findByText('Loading…')).toBeTruthy();
    expect(screen.queryByText('Nothing yet')).toBeNull();
  });

  it('shows the empty state when there is nothing', async () => {
    await renderPage(table(list()));
    expect(await screen.findByText('Nothing yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders the captioned table with its headers and a load more button', async () => {
    const fetchNextPage = vi.fn();
    await renderPage(table(list({ items: ['a', 'b'], hasNextPage: true, fetchNextPage }), 'Older'));
    const t = await screen.findByRole('table', { name: 'Things' });
    expect(t.className).toBe('table responsive');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Size', 'Actions']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['a', 'b']);
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(fetchNextPage).toHaveBeenCalledOnce();
  });

  it('keeps the rows when the next page fails and says so below them', async () => {
    await renderPage(
      table(list({ items: ['a'], isError: true, isFetchNextPageError: true, error: failure(), hasNextPage: true })),
    );
    await screen.findByRole('table', { name: 'Things' });
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('shows a failed first page as an alert, without a table', async () => {
    await renderPage(table(list({ isError: true, isSuccess: false, error: failure() })));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Nothing yet')).toBeNull();
  });
});
