// The list's "Filter" panel: the builder on a draft, with the live count of what it matches;
// "Apply" puts the filter on the list (and in the saved view), "Clear" removes it.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { describeError } from '../../ui/errors';
import type { CustomField, Entity } from '../customers/types';
import { useFilterCount } from './api';
import { FilterBuilder } from './FilterBuilder';
import {
  countConditions,
  emptyGroup,
  filterFields,
  fromFilterJson,
  incompleteCount,
  lookupOf,
  toFilterJson,
  type FieldLookup,
  type GroupNode,
} from './model';

/** "Matching now: 12" while the filter is edited (debounced count request). */
export function LiveCount({ entity, filter }: { entity: Entity; filter: unknown }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const count = useFilterCount(entity, filter);
  return (
    <p className="live-count" role="status" aria-live="polite" data-count={count.data ?? ''}>
      {count.isError ? (
        <span className="field-error">{describeError(count.error, t)}</span>
      ) : count.data === undefined ? (
        t('filters.counting')
      ) : (
        <>
          {t(entity === 'company' ? 'filters.liveCountCompanies' : 'filters.liveCountPeople', {
            n: fmt.number(count.data),
          })}
          {count.isFetching ? <span className="muted small"> {t('filters.updating')}</span> : null}
        </>
      )}
    </p>
  );
}

/** The builder plus its live count and a note on conditions still missing a value. */
export function FilterEditor({
  entity,
  customFields,
  value,
  onChange,
}: {
  entity: Entity;
  customFields: CustomField[];
  value: GroupNode;
  onChange: (root: GroupNode) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fields = useMemo(() => filterFields(entity, customFields), [entity, customFields]);
  const lookup = useMemo(() => lookupOf(fields), [fields]);
  const json = useMemo(() => toFilterJson(value, lookup), [value, lookup]);
  const incomplete = incompleteCount(value, lookup);
  return (
    <div className="filter-editor">
      <FilterBuilder entity={entity} fields={fields} customFields={customFields} value={value} onChange={onChange} />
      <LiveCount entity={entity} filter={json} />
      {incomplete > 0 ? <p className="muted small">{t('filters.incomplete', fmt.count(incomplete))}</p> : null}
    </div>
  );
}

export function useFilterLookup(entity: Entity, customFields: CustomField[]): FieldLookup {
  return useMemo(() => lookupOf(filterFields(entity, customFields)), [entity, customFields]);
}

export function FilterPanel({
  entity,
  customFields,
  filter,
  onApply,
  onClose,
}: {
  entity: Entity;
  customFields: CustomField[];
  /** The filter in use (JSON), or null. */
  filter: unknown;
  onApply: (filter: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lookup = useFilterLookup(entity, customFields);
  const initial = useMemo(() => fromFilterJson(filter, lookup), [filter, lookup]);
  const [draft, setDraft] = useState<GroupNode>(() => initial ?? emptyGroup());
  return (
    <section className="filter-panel card" aria-labelledby="filter-panel-title">
      <h2 id="filter-panel-title" className="section-title">
        {t('filters.title')}
      </h2>
      <p className="muted small">{t('filters.intro')}</p>
      {initial === null ? <Alert tone="warning">{t('filters.unreadable')}</Alert> : null}
      <FilterEditor entity={entity} customFields={customFields} value={draft} onChange={setDraft} />
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            onApply(toFilterJson(draft, lookup));
            onClose();
          }}
        >
          {t('filters.apply')}
        </button>
        <button
          type="button"
          className="button"
          disabled={countConditions(draft) === 0 && filter === null}
          onClick={() => {
            setDraft(emptyGroup());
            onApply(null);
            onClose();
          }}
        >
          {t('filters.clear')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

export default FilterPanel;
