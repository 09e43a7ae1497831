// The virtualised table of companies or people shared by the lists and a segment's members:
// the columns chosen (a saved view in this browser), rows read page by page as the window
// scrolls (cursor paging), and only the rows near the screen in the page.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useFormat } from '../../i18n/format';
import { CellText } from '../../ui/CellText';
import { useBuyerCompanies, useCustomFields } from './api';
import { CustomValue, fieldLabel, valueText } from './display';
import { useDirectory } from './lookups';
import { builtInFields, ENTITIES, recordName } from './schema';
import type { CustomerRecord, Entity } from './types';
import { availableColumns, loadView, resetView, saveView } from './views';

export function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/** The saved columns of an entity's lists, their labels and how each cell reads. */
export function useRecordColumns(entity: Entity) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const customFields = useCustomFields(entity);
  const directory = useDirectory();
  const defs = useMemo(() => customFields.data ?? [], [customFields.data]);
  const available = useMemo(() => availableColumns(entity, defs), [entity, defs]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  // Until the custom fields are known, a saved "custom:x" column cannot be checked: wait.
  const columns = useMemo(
    () => chosen ?? (customFields.isPending ? [] : loadView(entity, available)),
    [chosen, customFields.isPending, entity, available],
  );
  const showBuyer = entity === 'person' && columns.includes('field:buyer_company_id');
  const buyers = useBuyerCompanies(showBuyer);
  const buyerName = useCallback(
    (id: string) => {
      const b = buyers.data?.find((c) => c.id === id);
      return b ? recordName(b) : `#${id}`;
    },
    [buyers.data],
  );

  const setColumns = (next: string[]) => {
    setChosen(next);
    saveView(entity, next);
  };
  const reset = () => {
    resetView(entity);
    setChosen(null);
  };

  const labelOf = useCallback(
    (col: string): string => {
      if (col.startsWith('field:')) return fieldLabel(entity, col.slice(6), defs, t);
      if (col.startsWith('custom:')) return fieldLabel(entity, `custom.${col.slice(7)}`, defs, t);
      if (col === 'owner') return t('customers.owner');
      if (col === 'team') return t('customers.team');
      if (col === 'tags') return t('customers.tags');
      if (col === 'created_at') return t('customers.createdAt');
      if (col === 'updated_at') return t('customers.updatedAt');
      return col;
    },
    [entity, defs, t],
  );

  const cell = (record: CustomerRecord, col: string): ReactNode => {
    if (col.startsWith('field:')) {
      const name = col.slice(6);
      const field = builtInFields(entity).find((f) => f.name === name);
      const value = record.fields?.[name];
      if (!field || value === null || value === undefined || value === '') return null;
      if (field.kind === 'reference')
        return <Link to={`/companies/${encodeURIComponent(String(value))}`}>{buyerName(String(value))}</Link>;
      if (field.kind === 'country') return <span title={fmt.country(String(value))}>{String(value)}</span>;
      return <CellText text={valueText(value, { builtIn: field }, fmt, t)} />;
    }
    if (col.startsWith('custom:')) {
      const key = col.slice(7);
      const value = record.custom?.[key];
      if (value === null || value === undefined || value === '') return null;
      const def = defs.find((d) => d.key === key);
      if (def?.type === 'multi_select') return <CustomValue def={def} value={value} />;
      return <CellText text={valueText(value, { custom: def }, fmt, t)} />;
    }
    switch (col) {
      case 'owner':
        return directory.userName(record.owner_user_id) || null;
      case 'team':
        return directory.teamName(record.team_id) || null;
      case 'tags':
        return record.tags.length ? (
          <ul className="chip-list">
            {record.tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        ) : null;
      case 'created_at':
        return fmt.date(record.created_at);
      case 'updated_at':
        return fmt.date(record.updated_at);
      default:
        return null;
    }
  };

  return { customFields, defs, available, columns, setColumns, reset, labelOf, cell };
}

export type RecordColumns = ReturnType<typeof useRecordColumns>;

interface PagedRecords {
  items: CustomerRecord[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Sortable headers (features/lists/listState.ts): the column's API sort field, or null. */
export interface TableSort {
  sort: string;
  order: 'asc' | 'desc';
  fieldOf: (column: string) => string | null;
  onSort: (field: string) => void;
}

/** A checkbox per row; `toggle` gets the row's index and whether Shift was held (ranges). */
export interface TableSelection {
  isSelected: (id: string) => boolean;
  toggle: (record: CustomerRecord, index: number, range: boolean) => void;
  /** The header's checkbox: every loaded row. */
  allShown: boolean | 'mixed';
  toggleShown: () => void;
}

export function RecordTable({
  entity,
  list,
  view,
  title,
  rowActions,
  actionsLabel,
  sort,
  selection,
}: {
  entity: Entity;
  list: PagedRecords;
  view: Pick<RecordColumns, 'columns' | 'labelOf' | 'cell'>;
  title: string;
  /** An extra last column (e.g. "Remove from the segment"). */
  rowActions?: (record: CustomerRecord) => ReactNode;
  actionsLabel?: string;
  sort?: TableSort;
  selection?: TableSelection;
}) {
  const { t } = useTranslation();
  const cfg = ENTITIES[entity];
  const { columns, labelOf, cell } = view;
  const narrow = useMediaQuery('(max-width: 768px)');
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = tbodyRef.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });
  const items = list.items;
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => (narrow ? 56 + 34 * Math.max(1, columns.length) : 49),
    overscan: 12,
    scrollMargin,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1].index : -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && lastIndex >= items.length - 25) {
      void fetchNextPage();
    }
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  useEffect(() => {
    virtualizer.measure();
  }, [narrow, columns, virtualizer]);

  const paddingTop = virtualRows.length ? virtualRows[0].start - scrollMargin : 0;
  const paddingBottom = virtualRows.length
    ? virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1].end - scrollMargin)
    : 0;
  const colCount = columns.length + 1 + (rowActions ? 1 : 0) + (selection ? 1 : 0);
  const header = (column: string, label: string) => {
    const field = sort?.fieldOf(column) ?? null;
    if (!sort || !field) return label;
    const active = sort.sort === field;
    return (
      <button
        type="button"
        className="sort-button"
        title={t('lists.sortBy', { column: label })}
        onClick={() => sort.onSort(field)}
      >
        {label}
        <span className={`sort-arrow ${active ? 'is-active' : ''}`} aria-hidden="true">
          {active ? (sort.order === 'desc' ? '▼' : '▲') : '↕'}
        </span>
      </button>
    );
  };
  const ariaSortOf = (column: string) => {
    const field = sort?.fieldOf(column) ?? null;
    if (!sort || !field) return undefined;
    if (sort.sort !== field) return 'none' as const;
    return sort.order === 'desc' ? ('descending' as const) : ('ascending' as const);
  };

  return (
    <div className={`table-wrap ${sort ? 'record-table-wrap' : ''}`}>
      <table
        className={`table responsive record-table ${sort ? 'is-fixed' : ''}`}
        aria-rowcount={hasNextPage ? -1 : items.length + 1}
      >
        <caption className="visually-hidden">{title}</caption>
        {sort ? (
          <colgroup>
            {selection ? <col className="col-select" /> : null}
            <col className="col-name" />
            {columns.map((c) => (
              <col key={c} className={`col-${c.replace(/[^a-z_]/g, '-')}`} />
            ))}
            {rowActions ? <col className="col-actions" /> : null}
          </colgroup>
        ) : null}
        <thead>
          <tr aria-rowindex={1}>
            {selection ? (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label={t('lists.selectPage')}
                  checked={selection.allShown === true}
                  ref={(el) => {
                    if (el) el.indeterminate = selection.allShown === 'mixed';
                  }}
                  onChange={selection.toggleShown}
                />
              </th>
            ) : null}
            <th scope="col" aria-sort={ariaSortOf('name')}>
              {header('name', t('customers.name'))}
            </th>
            {columns.map((c) => (
              <th scope="col" key={c} aria-sort={ariaSortOf(c)}>
                {header(c, labelOf(c))}
              </th>
            ))}
            {rowActions ? (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel ?? t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody ref={tbodyRef}>
          {paddingTop > 0 ? (
            <tr className="virtual-spacer" aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={colCount} />
            </tr>
          ) : null}
          {virtualRows.map((v) => {
            const record = items[v.index];
            if (!record) return null;
            return (
              <tr
                key={v.key}
                data-index={v.index}
                ref={virtualizer.measureElement}
                aria-rowindex={v.index + 2}
                aria-selected={selection ? selection.isSelected(record.id) : undefined}
              >
                {selection ? (
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      aria-label={t('lists.selectRow', { name: listName(record) })}
                      checked={selection.isSelected(record.id)}
                      onClick={(e) => selection.toggle(record, v.index, e.shiftKey)}
                      onChange={() => undefined}
                    />
                  </td>
                ) : null}
                <th scope="row" data-label={t('customers.name')}>
                  <Link to={`/${cfg.path}/${encodeURIComponent(record.id)}`}>{listName(record)}</Link>
                  {record.type === 'company' &&
                  record.fields.trade_name &&
                  record.fields.trade_name !== record.fields.legal_name ? (
                    <span className="cell-note">{String(record.fields.trade_name)}</span>
                  ) : null}
                </th>
                {columns.map((c) => (
                  <td key={c} data-label={labelOf(c)}>
                    {cell(record, c)}
                  </td>
                ))}
                {rowActions ? <td className="actions-cell">{rowActions(record)}</td> : null}
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr className="virtual-spacer" aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={colCount} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** The name in the list: a company's legal name, a person's "First Last". */
export function listName(record: CustomerRecord): string {
  if (record.type === 'company') return String(record.fields.legal_name ?? '') || recordName(record);
  return recordName(record);
}
