// A cursor list (`useCursorList` and its kin) shown as a table: loading, the error (a failed
// first page above, a failed "load more" below the rows), the empty state, the table with its
// hidden caption and column headers, and the "load more" button.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from './Alert';

/** What the table needs to know about a list read page by page. */
export interface PagedList {
  items: readonly unknown[];
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" (another label if given), "Loading…" while the next page is on its way. */
export function LoadMoreButton({ list, label, className = 'button' }: { list: PagedList; label?: string; className?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <button type="button" className={className} onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
      {list.isFetchingNextPage ? t('common.loading') : (label ?? t('common.loadMore'))}
    </button>
  );
}

export function PagedTable({
  list,
  caption,
  columns,
  actionsColumn = false,
  className,
  empty,
  moreLabel,
  children,
}: {
  list: PagedList;
  /** The table's caption (for screen readers only). */
  caption: string;
  /** The column headers, in order. */
  columns: string[];
  /** A last column for the row's buttons, its header for screen readers only. */
  actionsColumn?: boolean;
  /** Classes besides `table responsive`. */
  className?: string;
  /** What shows when the list has no items. */
  empty: ReactNode;
  /** The "load more" button's label, if not "Load more". */
  moreLabel?: string;
  /** The rows. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {list.isPending ? <Loading /> : null}
      {list.isError && !list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      {list.isSuccess && list.items.length === 0 ? empty : null}
      {list.items.length > 0 ? (
        <div className="table-wrap">
          <table className={className ? `table responsive ${className}` : 'table responsive'}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
                {actionsColumn ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      ) : null}
      {list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      <LoadMoreButton list={list} label={moreLabel} />
    </>
  );
}
