// Companies or people: a table with the columns chosen (a saved view in this browser), read
// page by page as the list scrolls (cursor paging), with only the rows near the screen in the
// page (virtualised), so thousands of records stay fast. "Filter" opens the filter builder; the
// filter applied goes into the list query and the saved view.
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { canCreateRecords } from './access';
import { useRecordPages } from './api';
import { ColumnChooser } from './ColumnChooser';
import { RecordTable, useRecordColumns } from './RecordTable';
import { ENTITIES } from './schema';
import type { Entity } from './types';
import { loadViewFilter, saveViewFilter } from './views';

// The builder loads when the panel first opens.
const FilterPanel = lazy(() => import('../filters/FilterPanel'));

export function CompaniesPage() {
  return <RecordListPage entity="company" />;
}

export function PeoplePage() {
  return <RecordListPage entity="person" />;
}

/** The filter document of `?filter=`, when it is JSON. */
function filterFromUrl(params: URLSearchParams): unknown {
  const text = params.get('filter');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** How many conditions a filter document holds (for the button's label). */
function conditionsIn(filter: unknown): number {
  if (!filter || typeof filter !== 'object') return 0;
  if (Array.isArray(filter)) return filter.reduce((n: number, f) => n + conditionsIn(f), 0);
  const o = filter as Record<string, unknown>;
  if ('field' in o) return 1;
  return conditionsIn(o.and) + conditionsIn(o.or) + conditionsIn(o.not);
}

function RecordListPage({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const cfg = ENTITIES[entity];
  const [params] = useSearchParams();
  // A link may carry the filter (?filter=<JSON>, e.g. an import's records); else the saved view's.
  const [filter, setFilterState] = useState<unknown>(() => filterFromUrl(params) ?? loadViewFilter(entity));
  const [filterOpen, setFilterOpen] = useState(false);
  const list = useRecordPages(entity, 100, filter);
  const view = useRecordColumns(entity);
  const { customFields, defs, available, columns } = view;
  const items = list.items;
  const canCreate = canCreateRecords(me);
  const title = t(`${cfg.ns}.title`);
  const filtered = filter !== null;
  const nConditions = conditionsIn(filter);

  const setFilter = (next: unknown) => {
    setFilterState(next);
    saveViewFilter(entity, next);
  };

  return (
    <section>
      <PageHeader
        title={title}
        description={t(`${cfg.ns}.description`)}
        actions={
          <>
            <button
              type="button"
              className={`button ${filtered ? 'is-active' : ''}`}
              aria-expanded={filterOpen}
              aria-controls="list-filter"
              onClick={() => setFilterOpen((o) => !o)}
            >
              <Icon name="filter" size={18} />
              {filtered ? t('filters.buttonActive', { n: fmt.number(nConditions) }) : t('filters.button')}
            </button>
            <ColumnChooser
              available={available}
              columns={columns}
              labelOf={view.labelOf}
              onChange={view.setColumns}
              onReset={view.reset}
            />
            {canCreate ? (
              <Link to={`/${cfg.path}/new`} className="button button-primary">
                <Icon name="plus" size={18} />
                {t(`${cfg.ns}.new`)}
              </Link>
            ) : null}
          </>
        }
      />
      <FlashAlert />
      {customFields.isError ? <ProblemAlert error={customFields.error} /> : null}
      <div id="list-filter">
        {filterOpen && !customFields.isPending ? (
          <Suspense fallback={<Loading />}>
            <FilterPanel
              entity={entity}
              customFields={defs}
              filter={filter}
              onApply={setFilter}
              onClose={() => setFilterOpen(false)}
            />
          </Suspense>
        ) : null}
      </div>
      {filtered && !filterOpen ? (
        <div className="filter-summary">
          <span>{t('filters.active', fmt.count(nConditions))}</span>
          <button type="button" className="button button-small" onClick={() => setFilter(null)}>
            {t('filters.clear')}
          </button>
        </div>
      ) : null}
      <div className="list-status muted small" role="status" aria-live="polite">
        {list.isSuccess
          ? list.hasNextPage
            ? t('customers.loadedMore', { n: fmt.number(items.length) })
            : t('customers.loadedAll', { n: fmt.number(items.length) })
          : ''}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError && !list.isFetchNextPageError ? (
        <>
          <ProblemAlert error={list.error} />
          {filtered ? (
            <button type="button" className="button" onClick={() => setFilter(null)}>
              {t('filters.clear')}
            </button>
          ) : null}
        </>
      ) : null}
      {list.isSuccess && items.length === 0 ? <p>{filtered ? t('filters.noMatch') : t(`${cfg.ns}.empty`)}</p> : null}
      {items.length > 0 ? <RecordTable entity={entity} list={list} view={view} title={title} /> : null}
      {list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      <LoadMoreButton list={list} />
    </section>
  );
}
