// A portfolio as a table: each customer with its last contact, days since contact, next action
// and open items; filters by kind and "no contact in N days"; the most neglected first (or the
// most recently contacted), page after page.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { LoadMoreButton } from '../../ui/PagedTable';
import { customerPath } from '../tasks/links';
import { usePortfolio, type PortfolioFilter } from './api';
import { NO_CONTACT_CHOICES, type PortfolioItem, type PortfolioKind, type PortfolioSort } from './types';

/** A record of the portfolio, as a reassignment names it. */
export type RecordKey = { type: 'company' | 'person'; id: string };
export const keyOf = (r: RecordKey) => `${r.type}:${r.id}`;

export function PortfolioList({
  owner,
  emptyKey,
  selection,
}: {
  owner?: string;
  emptyKey: string;
  /** Checkboxes on each row (for reassigning chosen records), with the chosen ones by key. */
  selection?: { chosen: Map<string, RecordKey>; onChange: (next: Map<string, RecordKey>) => void };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filter, setFilter] = useState<PortfolioFilter>({ kind: 'all', noContactDays: 0, sort: 'neglected' });
  const list = usePortfolio(filter, owner);
  return (
    <>
      <div className="form-grid task-filters">
        <SelectField
          label={t('portfolios.kind')}
          name="kind"
          value={filter.kind}
          onChange={(e) => setFilter({ ...filter, kind: e.target.value as PortfolioKind })}
          options={(['all', 'company', 'person'] as const).map((k) => ({ value: k, label: t(`portfolios.kinds.${k}`) }))}
        />
        <SelectField
          label={t('portfolios.noContact')}
          name="no_contact_days"
          value={String(filter.noContactDays)}
          onChange={(e) => setFilter({ ...filter, noContactDays: Number(e.target.value) })}
          options={NO_CONTACT_CHOICES.map((d) => ({
            value: String(d),
            label: d === 0 ? t('portfolios.anyContact') : t('portfolios.noContactIn', fmt.count(d)),
          }))}
        />
        <SelectField
          label={t('portfolios.sort')}
          name="sort"
          value={filter.sort}
          onChange={(e) => setFilter({ ...filter, sort: e.target.value as PortfolioSort })}
          options={(['neglected', 'recent'] as const).map((s) => ({ value: s, label: t(`portfolios.sorts.${s}`) }))}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.isSuccess && list.items.length === 0 ? <p className="muted">{t(emptyKey)}</p> : null}
      {list.items.length > 0 ? <PortfolioTable items={list.items} selection={selection} /> : null}
      <LoadMoreButton list={list} label={t('portfolios.more')} />
    </>
  );
}

export function PortfolioTable({
  items,
  selection,
}: {
  items: PortfolioItem[];
  selection?: { chosen: Map<string, RecordKey>; onChange: (next: Map<string, RecordKey>) => void };
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table portfolio-table">
        <thead>
          <tr>
            {selection ? <th scope="col">{t('portfolios.choose')}</th> : null}
            <th scope="col">{t('portfolios.customer')}</th>
            <th scope="col">{t('portfolios.lastContact')}</th>
            <th scope="col">{t('portfolios.daysSince')}</th>
            <th scope="col">{t('portfolios.nextAction')}</th>
            <th scope="col">{t('portfolios.openItems')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <PortfolioRow key={keyOf(item)} item={item} selection={selection} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PortfolioRow({
  item,
  selection,
}: {
  item: PortfolioItem;
  selection?: { chosen: Map<string, RecordKey>; onChange: (next: Map<string, RecordKey>) => void };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const next = item.next_action;
  const key = keyOf(item);
  return (
    <tr className={item.days_since_contact === null || item.days_since_contact >= 90 ? 'is-overdue' : ''}>
      {selection ? (
        <td>
          <input
            type="checkbox"
            checked={selection.chosen.has(key)}
            aria-label={t('portfolios.chooseRecord', { name: item.name })}
            onChange={(e) => {
              const next = new Map(selection.chosen);
              if (e.target.checked) next.set(key, { type: item.type, id: item.id });
              else next.delete(key);
              selection.onChange(next);
            }}
          />
        </td>
      ) : null}
      <th scope="row">
        <Link to={customerPath(item)}>{item.name || t('portfolios.unnamed')}</Link>{' '}
        <span className="muted">{t(`portfolios.kindOne.${item.type}`)}</span>
      </th>
      <td>
        {item.last_contact_at === null ? <span className="muted">{t('portfolios.never')}</span> : fmt.date(item.last_contact_at)}
      </td>
      <td>
        {item.days_since_contact === null ? (
          <span className="muted">–</span>
        ) : (
          t('portfolios.days', fmt.count(item.days_since_contact))
        )}
      </td>
      <td>
        {next ? (
          <>
            {next.subject || t('portfolios.untitledTask')}
            {next.due_at !== null ? (
              <>
                {' · '}
                <span className={next.overdue ? 'badge badge-off' : 'muted'}>{fmt.date(next.due_at)}</span>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">{t('portfolios.noNextAction')}</span>
        )}
      </td>
      <td>
        {t('portfolios.openTasks', fmt.count(item.open_tasks))}
        {' · '}
        {t('portfolios.openConversations', fmt.count(item.open_conversations))}
      </td>
    </tr>
  );
}
