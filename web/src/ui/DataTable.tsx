// A table as the lists show it: in its scrolling wrapper, `table responsive` (cards on phones),
// a caption for screen readers, the column headers and, if asked, a last column for the row's
// buttons whose header only screen readers read. The rows are the children.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableProps {
  /** The table's caption (for screen readers only). */
  caption: string;
  /** The column headers, in order. */
  columns: string[];
  /** A last column for the row's buttons, its header for screen readers only. */
  actionsColumn?: boolean;
  /** Classes besides `table responsive`. */
  className?: string;
}

export function DataTable({
  caption,
  columns,
  actionsColumn = false,
  className,
  children,
}: DataTableProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
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
  );
}
