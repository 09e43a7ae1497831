// A cursor list (`useCursorList` and its kin) shown as a table: loading, the error (a failed
// first page above, a failed "load more" below the rows), the empty state, the table with its
// hidden caption and column headers (DataTable), and the "load more" button.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from './Alert';
import { DataTable, type DataTableProps } from './DataTable';

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
  empty,
  moreLabel,
  children,
  ...table
}: DataTableProps & {
  list: PagedList;
  /** What shows when the list has no items. */
  empty: ReactNode;
  /** The "load more" button's label, if not "Load more". */
  moreLabel?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <>
      {list.isPending ? <Loading /> : null}
      {list.isError && !list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      {list.isSuccess && list.items.length === 0 ? empty : null}
      {list.items.length > 0 ? <DataTable {...table}>{children}</DataTable> : null}
      {list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      <LoadMoreButton list={list} label={moreLabel} />
    </>
  );
}
