// Companies or people: a table with the columns chosen (a saved view in this browser), read
// page by page as the list scrolls (cursor paging), with only the rows near the screen in the
// page (virtualised), so thousands of records stay fast. The filter, the quick search and the
// sort live in the address (features/lists/listState.ts: shareable, back and forward work);
// the filter is also kept as the saved view's. Rows can be selected for bulk actions.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { isPartner } from '../../auth/permissions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { saveAsSegment, useListCount, useListPages, type Selection } from '../lists/api';
import { BulkBar } from '../lists/BulkBar';
import { countConditions, summaryParts } from '../lists/filterSummary';
import { hasListState, nextSort, readListState, sortFieldOf, writeListState, type ListState } from '../lists/listState';
import { canCreateRecords } from './access';
import { ColumnChooser } from './ColumnChooser';
import { fieldLabel, optionLabel } from './display';
import { RecordTable, useRecordColumns } from './RecordTable';
import { builtInFields, ENTITIES } from './schema';
import type { CustomerRecord, Entity } from './types';
import { useDirectory } from './lookups';
import { loadViewFilter, saveViewFilter } from './views';

// The builder loads when the panel first opens.
const FilterPanel = lazy(() => import('../filters/FilterPanel'));

/** Characters the quick search waits for before narrowing the list. */
const QUICK_SEARCH_MIN = 3;

export function CompaniesPage() {
  return <RecordListPage entity="company" />;
}

export function PeoplePage() {
  return <RecordListPage entity="person" />;
}

function RecordListPage({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const navigate = useNavigate();
  const cfg = ENTITIES[entity];
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const { filter } = state;
  const [filterOpen, setFilterOpen] = useState(false);
  const list = useListPages(entity, state, 100);
  const count = useListCount(entity, state);
  const view = useRecordColumns(entity);
  const directory = useDirectory();
  const { customFields, defs, available, columns } = view;
  const items = list.items;
  const canCreate = canCreateRecords(me);
  const title = t(`${cfg.ns}.title`);
  const filtered = filter !== null;
  const nConditions = countConditions(filter);

  const update = (next: ListState, replace = false) => {
    setParams(writeListState(next, params), { replace });
    if (next.filter !== state.filter) saveViewFilter(entity, next.filter);
  };
  const setFilter = (next: unknown) => update({ ...state, filter: next });

  // An address without list state opens the saved view's filter (the list as it was left).
  useEffect(() => {
    if (hasListState(params)) return;
    const saved = loadViewFilter(entity);
    if (saved !== null) setParams(writeListState({ ...readListState(params), filter: saved }, params), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity]);

  // The quick search box: typed text reaches the address (and the server) after a pause; back
  // and forward bring the address's text back into the box.
  const [qText, setQText] = useState(state.q);
  const typed = useRef(state.q);
  useEffect(() => {
    if (state.q !== typed.current) {
      typed.current = state.q;
      setQText(state.q);
    }
  }, [state.q]);
  useEffect(() => {
    // One or two letters narrow little and cost much on a large workspace (a prefix shared by
    // a sixth of a million people is read and sorted whole): the list waits for a third.
    const wanted = qText.trim().length >= QUICK_SEARCH_MIN ? qText : '';
    if (wanted === state.q) return;
    const timer = window.setTimeout(() => {
      typed.current = wanted;
      update({ ...state, q: wanted }, true);
    }, 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qText]);

  // Selection: some rows (Shift extends from the last clicked), or everything that matches.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const anchor = useRef<number | null>(null);
  const selectionKey = JSON.stringify([state.filter, state.q]);
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
    anchor.current = null;
  }, [selectionKey, entity]);
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
    anchor.current = null;
  };
  const toggle = (record: CustomerRecord, index: number, range: boolean) => {
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      const on = !prev.has(record.id);
      if (range && anchor.current !== null) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        for (let i = from; i <= to; i++) if (items[i]) next.add(items[i].id);
      } else if (on) {
        next.add(record.id);
      } else {
        next.delete(record.id);
      }
      return next;
    });
    anchor.current = index;
  };
  const shownSelected = allMatching ? items.length : items.filter((r) => selected.has(r.id)).length;
  const selection: Selection = allMatching
    ? { kind: 'all', filter: state.filter, q: state.q }
    : { kind: 'ids', ids: [...selected] };
  const selectedCount = allMatching ? (count.data ?? 0) : selected.size;

  // The summary of what narrows the list, in words.
  const lookupOption = (field: string, value: unknown): string => {
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    const def = builtInFields(entity).find((f) => f.name === field);
    if (def?.kind === 'country') return fmt.country(text);
    if (def?.options) return optionLabel(field, text, t);
    if (field === 'owner_user_id') return directory.userName(text);
    if (field === 'team_id') return directory.teamName(text);
    return text;
  };
  const parts = summaryParts(filter, {
    field: (name) =>
      name === 'created_at'
        ? t('customers.createdAt')
        : name === 'updated_at'
          ? t('customers.updatedAt')
          : name === 'flags'
            ? t('filters.flagsField')
            : fieldLabel(entity, name, defs, t),
    op: (op, field) => {
      const f = builtInFields(entity).find((x) => x.name === field);
      const dated = field === 'created_at' || field === 'updated_at' || f?.kind === 'date';
      const prefix = field === 'flags' ? 'flags_' : dated ? 'date_' : '';
      return t(`filters.ops.${prefix}${op}`);
    },
    value: lookupOption,
    and: t('lists.and'),
    or: t('lists.or'),
    not: (inner) => t('lists.not', { inner }),
  });
  if (state.q.trim()) parts.push(t('lists.quickSearchPart', { q: state.q.trim() }));
  const narrowed = parts.length > 0;
  const clearAll = () => {
    setQText('');
    typed.current = '';
    update({ ...state, filter: null, q: '' });
  };

  // "Save as segment": a dynamic segment with this filter, then its page.
  const [segmentOpen, setSegmentOpen] = useState(false);
  const [segmentName, setSegmentName] = useState('');
  const [segmentBusy, setSegmentBusy] = useState(false);
  const [segmentError, setSegmentError] = useState<unknown>(null);
  const createSegment = async () => {
    setSegmentBusy(true);
    setSegmentError(null);
    try {
      const id = await saveAsSegment(entity, segmentName.trim(), filter);
      void navigate(`/segments/${encodeURIComponent(id)}`);
    } catch (e) {
      setSegmentError(e);
      setSegmentBusy(false);
    }
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
      <div className="list-toolbar">
        <input
          type="search"
          className="input quick-search"
          aria-label={t('lists.quickSearch')}
          placeholder={t('lists.quickSearchPlaceholder')}
          value={qText}
          maxLength={200}
          onChange={(e) => setQText(e.target.value)}
        />
        <span className="list-count" role="status" aria-live="polite">
          {count.data !== undefined
            ? t(entity === 'company' ? 'lists.companies' : 'lists.people', fmt.count(count.data))
            : t('lists.counting')}
        </span>
        {filtered && canCreate && !isPartner(me) ? (
          <button type="button" className="button button-small" onClick={() => setSegmentOpen(true)}>
            {t('lists.saveAsSegment')}
          </button>
        ) : null}
      </div>
      {narrowed && !filterOpen ? (
        <div className="filter-summary" role="group" aria-label={t('lists.summaryLabel')}>
          <span>
            {parts.join(' · ')}
            {nConditions > 1 ? ` · ${t('lists.conditions', fmt.count(nConditions))}` : ''}
          </span>
          <button type="button" className="button button-small" onClick={clearAll}>
            {t('lists.clearAll')}
          </button>
        </div>
      ) : null}
      <BulkBar
        entity={entity}
        selection={selection}
        count={selectedCount}
        matching={count.data ?? null}
        canWrite={canCreate}
        onSelectAllMatching={() => setAllMatching(true)}
        onClear={clearSelection}
      />
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
          {narrowed ? (
            <button type="button" className="button" onClick={clearAll}>
              {t('lists.clearAll')}
            </button>
          ) : null}
        </>
      ) : null}
      {list.isSuccess && items.length === 0 ? <p>{narrowed ? t('filters.noMatch') : t(`${cfg.ns}.empty`)}</p> : null}
      {items.length > 0 ? (
        <RecordTable
          entity={entity}
          list={list}
          view={view}
          title={title}
          sort={{
            sort: state.sort,
            order: state.order,
            fieldOf: (column) => sortFieldOf(entity, column),
            onSort: (field) => update({ ...state, ...nextSort(state, field) }),
          }}
          selection={{
            isSelected: (id) => allMatching || selected.has(id),
            toggle,
            allShown: shownSelected === 0 ? false : shownSelected === items.length ? true : 'mixed',
            toggleShown: () => {
              if (allMatching || shownSelected === items.length) clearSelection();
              else setSelected(new Set(items.map((r) => r.id)));
            },
          }}
        />
      ) : null}
      {list.isFetchNextPageError ? <ProblemAlert error={list.error} /> : null}
      <LoadMoreButton list={list} />
      <ConfirmDialog
        open={segmentOpen}
        title={t('lists.saveAsSegmentTitle')}
        confirmLabel={t('lists.createSegment')}
        busy={segmentBusy}
        confirmDisabled={!segmentName.trim()}
        onConfirm={() => void createSegment()}
        onCancel={() => setSegmentOpen(false)}
      >
        <p>{t('lists.saveAsSegmentHint')}</p>
        <div className="field">
          <label className="field-label" htmlFor="save-segment-name">
            {t('lists.segmentName')}
          </label>
          <input
            id="save-segment-name"
            className="input"
            value={segmentName}
            maxLength={200}
            onChange={(e) => setSegmentName(e.target.value)}
          />
        </div>
        {segmentError ? <ProblemAlert error={segmentError} /> : null}
      </ConfirmDialog>
    </section>
  );
}
