// The duplicate review queue: pairs of companies or people with their score and the reasons
// behind it, highest score first; open a pair to merge it, dismiss it, or scan the workspace.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSession } from '../../auth/session';
import { Alert, LiveStatus, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader, usePageTitle } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { ENTITIES } from '../customers/schema';
import type { Entity } from '../customers/types';
import { useDismiss, useDuplicateQueue, useScan } from './api';
import { DUPLICATE_STATUSES, type DuplicateReason, type DuplicateStatus } from './types';
import { useFormat } from '../../i18n/format';

/** A reason in words: "Same email", "Similar name (94%) in the same city". */
export function reasonText(reason: DuplicateReason, t: TFunction): string {
  const similarity = Math.round((reason.similarity ?? 1) * 100);
  return t(`duplicates.rules.${reason.rule}`, { similarity, defaultValue: reason.rule });
}

const SCANNERS = ['owner', 'admin', 'manager'];

export function DuplicatesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  usePageTitle(t('duplicates.title'));
  const [entity, setEntity] = useState<Entity>('person');
  const [status, setStatus] = useState<DuplicateStatus>('open');
  const queue = useDuplicateQueue(entity, status);
  const dismiss = useDismiss();
  const scan = useScan();
  const path = ENTITIES[entity].path;

  return (
    <section>
      <PageHeader
        title={t('duplicates.title')}
        description={t('duplicates.description')}
        actions={
          me && SCANNERS.includes(me.role) ? (
            <button type="button" className="button" onClick={() => scan.mutate(entity)} disabled={scan.isPending}>
              {scan.isPending ? t('duplicates.scanning') : t('duplicates.scan')}
            </button>
          ) : undefined
        }
      />
      <form className="form form-inline filter-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('duplicates.filterLabel')}>
        <SelectField
          label={t('duplicates.type')}
          name="type"
          value={entity}
          onChange={(e) => setEntity(e.target.value as Entity)}
          options={[
            { value: 'person', label: t('nav.people') },
            { value: 'company', label: t('nav.companies') },
          ]}
        />
        <SelectField
          label={t('duplicates.status')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as DuplicateStatus)}
          options={DUPLICATE_STATUSES.map((s) => ({ value: s, label: t(`duplicates.statuses.${s}`) }))}
        />
      </form>
      <LiveStatus>
        {scan.isSuccess
          ? `${t('duplicates.scanned', fmt.count(scan.data.records))} ${t('duplicates.pairsFound', { ...fmt.count(scan.data.pairs), ms: fmt.number(scan.data.elapsed_ms) })}`
          : queue.isSuccess
            ? t('duplicates.shown', fmt.count(queue.items.length))
            : ''}
      </LiveStatus>
      {scan.isError ? <ProblemAlert error={scan.error} /> : null}
      {dismiss.isError ? <ProblemAlert error={dismiss.error} /> : null}
      <PagedTable
        list={queue}
        caption={t('duplicates.title')}
        className="duplicates-table"
        columns={[t('duplicates.records'), t('duplicates.score'), t('duplicates.reasons')]}
        actionsColumn
        empty={<Alert tone="info">{t('duplicates.empty')}</Alert>}
      >
        {queue.items.map((c) => {
          const names = c.records.map((r) => r.name || `#${r.id}`).join(' · ');
          return (
            <tr key={c.id} data-candidate={c.id}>
              <th scope="row" data-label={t('duplicates.records')}>
                <ul className="plain-list">
                  {c.records.map((r) => (
                    <li key={r.id}>
                      {c.status === 'merged' && !r.name ? (
                        <span className="muted">{t('duplicates.mergedAway', { id: r.id })}</span>
                      ) : (
                        <Link to={`/${path}/${r.id}`}>{r.name || `#${r.id}`}</Link>
                      )}
                      {r.email || r.city ? (
                        <span className="muted small"> {[r.email, r.city].filter(Boolean).join(' · ')}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </th>
              <td data-label={t('duplicates.score')}>
                <span className={`badge ${c.score >= 85 ? 'badge-off' : 'badge-quiet'}`}>{c.score}</span>
              </td>
              <td data-label={t('duplicates.reasons')}>
                <ul className="plain-list">
                  {c.reasons.map((r) => (
                    <li key={r.rule}>{reasonText(r, t)}</li>
                  ))}
                </ul>
              </td>
              <td className="actions-cell">
                {c.status === 'open' ? (
                  <>
                    <Link className="button button-small button-primary" to={`/duplicates/${c.id}/merge`}>
                      {t('duplicates.review')}
                      <span className="visually-hidden"> {names}</span>
                    </Link>{' '}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => dismiss.mutate(c.id)}
                      disabled={dismiss.isPending}
                    >
                      {t('duplicates.dismiss')}
                      <span className="visually-hidden"> {names}</span>
                    </button>
                  </>
                ) : (
                  <span className="badge badge-quiet">{t(`duplicates.statuses.${c.status}`)}</span>
                )}
              </td>
            </tr>
          );
        })}
      </PagedTable>
    </section>
  );
}
