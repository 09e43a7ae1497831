// The manager's view: per owner the portfolio's size and coverage (customers contacted in the
// last N days), the customers with no owner (linking to the filtered lists), the reassignment of
// a portfolio (admins) and the history of reassignments.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { atLeast } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { useAllUsers } from '../identity/api';
import { useOverview, useReassignments } from './api';
import { byCoverage, formatShare, ownerListPath, unownedListPath } from './model';
import { ReassignDialog, type ReassignSource } from './ReassignDialog';
import { COVERAGE_DAYS, type PortfolioReassignmentResult } from './types';

export function OverviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const canReassign = atLeast(me.role, 'admin');
  const [days, setDays] = useState(90);
  const overview = useOverview(days);
  const users = useAllUsers();
  const [moving, setMoving] = useState<ReassignSource | null>(null);
  const [done, setDone] = useState<PortfolioReassignmentResult | null>(null);
  const owners = [...(overview.data?.owners ?? [])].sort(byCoverage);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.display_name ?? id;
  const unowned = overview.data?.unowned;

  return (
    <section>
      <PageHeader title={t('portfolios.overviewTitle')} description={t('portfolios.overviewSubtitle')} />
      <div className="form-grid task-filters">
        <SelectField
          label={t('portfolios.coveragePeriod')}
          name="days"
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
          options={COVERAGE_DAYS.map((d) => ({ value: String(d), label: t('portfolios.lastDays', fmt.count(d)) }))}
        />
      </div>
      {done ? (
        <p role="status" className="alert alert-success">
          {t('portfolios.reassigned', {
            ...fmt.count(done.total),
            from: nameOf(done.from_user_id),
            to: nameOf(done.to_user_id),
          })}
        </p>
      ) : null}
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ProblemAlert error={overview.error} /> : null}
      {unowned ? (
        <div className="card portfolio-unowned">
          <h2>{t('portfolios.unownedTitle')}</h2>
          <p>
            {unowned.total === 0 ? (
              t('portfolios.unownedNone')
            ) : (
              <>
                <Link to={unownedListPath('company')}>{t('portfolios.companiesCount', fmt.count(unowned.companies))}</Link>
                {' · '}
                <Link to={unownedListPath('person')}>{t('portfolios.peopleCount', fmt.count(unowned.people))}</Link>
              </>
            )}
          </p>
        </div>
      ) : null}
      {overview.isSuccess && owners.length === 0 ? <p className="muted">{t('portfolios.noOwners')}</p> : null}
      {owners.length > 0 ? (
        <div className="table-wrap">
          <table className="table portfolio-owners">
            <thead>
              <tr>
                <th scope="col">{t('portfolios.owner')}</th>
                <th scope="col">{t('portfolios.companies')}</th>
                <th scope="col">{t('portfolios.people')}</th>
                <th scope="col">{t('portfolios.coverage')}</th>
                <th scope="col">{t('portfolios.notContacted', { count: days, n: fmt.number(days) })}</th>
                {canReassign ? <th scope="col">{t('portfolios.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {owners.map((o) => (
                <tr key={o.user_id}>
                  <th scope="row">
                    <Link to={`/portfolios/users/${encodeURIComponent(o.user_id)}`}>{o.display_name || o.user_id}</Link>
                    {!o.active ? <span className="badge badge-off">{t('portfolios.inactive')}</span> : null}
                  </th>
                  <td>
                    <Link to={ownerListPath('company', o.user_id)}>{fmt.number(o.companies)}</Link>
                  </td>
                  <td>
                    <Link to={ownerListPath('person', o.user_id)}>{fmt.number(o.people)}</Link>
                  </td>
                  <td>{formatShare(o.coverage, fmt.language)}</td>
                  <td>{fmt.number(o.not_contacted)}</td>
                  {canReassign ? (
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          setDone(null);
                          setMoving({ user_id: o.user_id, display_name: o.display_name, count: o.size });
                        }}
                      >
                        {t('portfolios.reassign')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ReassignDialog
        from={moving}
        users={users.data ?? []}
        onClose={() => setMoving(null)}
        onDone={(result) => {
          setMoving(null);
          setDone(result);
        }}
      />
      <ReassignmentHistory nameOf={nameOf} />
    </section>
  );
}

function ReassignmentHistory({ nameOf }: { nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const log = useReassignments();
  return (
    <section aria-labelledby="portfolio-history">
      <h2 id="portfolio-history">{t('portfolios.historyTitle')}</h2>
      {log.isError ? <ProblemAlert error={log.error} /> : null}
      {log.isSuccess && log.items.length === 0 ? <p className="muted">{t('portfolios.historyEmpty')}</p> : null}
      {log.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table portfolio-history">
            <thead>
              <tr>
                <th scope="col">{t('portfolios.when')}</th>
                <th scope="col">{t('portfolios.from')}</th>
                <th scope="col">{t('portfolios.to')}</th>
                <th scope="col">{t('portfolios.moved')}</th>
                <th scope="col">{t('portfolios.by')}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((a) => (
                <tr key={a.id}>
                  <td>{fmt.dateTime(a.reassigned_at)}</td>
                  <td>{nameOf(a.from_user_id)}</td>
                  <td>{nameOf(a.to_user_id)}</td>
                  <td>
                    {t('portfolios.movedCount', fmt.count(a.total))} ({t('portfolios.companiesCount', fmt.count(a.companies))},{' '}
                    {t('portfolios.peopleCount', fmt.count(a.people))})
                    {a.selected ? <span className="muted"> {t('portfolios.selectedOnly')}</span> : null}
                  </td>
                  <td>{a.actor_label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMoreButton list={log} label={t('portfolios.moreHistory')} />
    </section>
  );
}
