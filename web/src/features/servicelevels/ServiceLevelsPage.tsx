import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { atLeast } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useCalendars, usePolicies, useSegmentChoices } from './api';
import { completeHours, summariseHours, type Weekday } from './hours';

export function ServiceLevelsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const canManage = atLeast(me?.role, 'admin');
  const calendars = useCalendars();
  const policies = usePolicies();
  const segments = useSegmentChoices();
  const dayName = (d: Weekday) => t(`serviceLevels.daysShort.${d}`);
  const calendarName = (id: string) => calendars.data?.find((c) => c.id === id)?.name ?? id;
  const segmentName = (id: string) => segments.data?.find((s) => s.id === id)?.name ?? id;
  const target = (m: number | null) => (m === null ? <span className="muted">—</span> : fmt.minutes(m));

  return (
    <section>
      <PageHeader title={t('serviceLevels.title')} description={t('serviceLevels.description')} />
      <FlashAlert />
      {!canManage ? <p className="muted">{t('serviceLevels.readOnly')}</p> : null}

      <div className="card-header section-title">
        <h2>{t('serviceLevels.calendars')}</h2>
        {canManage ? (
          <Link to="/settings/service-levels/calendars/new" className="button button-primary">
            {t('serviceLevels.addCalendar')}
          </Link>
        ) : null}
      </div>
      {calendars.isPending ? <Loading /> : null}
      {calendars.isError ? <ProblemAlert error={calendars.error} /> : null}
      {calendars.data && calendars.data.length === 0 ? <p>{t('serviceLevels.noCalendars')}</p> : null}
      {calendars.data && calendars.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('serviceLevels.calendars')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('serviceLevels.name')}</th>
                <th scope="col">{t('serviceLevels.timeZone')}</th>
                <th scope="col">{t('serviceLevels.hours')}</th>
                <th scope="col">{t('serviceLevels.holidays')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calendars.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('serviceLevels.name')}>
                    {c.name}
                  </th>
                  <td data-label={t('serviceLevels.timeZone')}>{c.time_zone}</td>
                  <td data-label={t('serviceLevels.hours')}>
                    {c.always_open ? t('serviceLevels.alwaysOpen') : summariseHours(completeHours(c.hours), dayName)}
                  </td>
                  <td data-label={t('serviceLevels.holidays')}>
                    {t('serviceLevels.holidayCount', { count: c.holidays.length, n: fmt.number(c.holidays.length) })}
                  </td>
                  <td className="actions-cell">
                    <Link to={`/settings/service-levels/calendars/${c.id}`} className="button button-small">
                      {canManage ? t('common.edit') : t('common.view')}
                      <span className="visually-hidden"> {c.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="card-header section-title">
        <h2>{t('serviceLevels.policies')}</h2>
        {canManage && (calendars.data?.length ?? 0) > 0 ? (
          <Link to="/settings/service-levels/policies/new" className="button button-primary">
            {t('serviceLevels.addPolicy')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('serviceLevels.policiesHint')}</p>
      {policies.isPending ? <Loading /> : null}
      {policies.isError ? <ProblemAlert error={policies.error} /> : null}
      {policies.data && policies.data.length === 0 ? <p>{t('serviceLevels.noPolicies')}</p> : null}
      {policies.data && policies.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('serviceLevels.policies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('serviceLevels.position')}</th>
                <th scope="col">{t('serviceLevels.name')}</th>
                <th scope="col">{t('serviceLevels.appliesTo')}</th>
                <th scope="col">{t('serviceLevels.calendar')}</th>
                <th scope="col">{t('serviceLevels.firstResponse')}</th>
                <th scope="col">{t('serviceLevels.nextResponse')}</th>
                <th scope="col">{t('serviceLevels.resolution')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.data.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('serviceLevels.position')}>{fmt.number(p.position)}</td>
                  <th scope="row" data-label={t('serviceLevels.name')}>
                    {p.name}
                  </th>
                  <td data-label={t('serviceLevels.appliesTo')}>
                    {p.priority ? t(`serviceLevels.priorities.${p.priority}`) : t('serviceLevels.anyPriority')}
                    {' · '}
                    {p.segment_id ? segmentName(p.segment_id) : t('serviceLevels.everyCustomer')}
                  </td>
                  <td data-label={t('serviceLevels.calendar')}>{calendarName(p.calendar_id)}</td>
                  <td data-label={t('serviceLevels.firstResponse')}>{target(p.first_response_minutes)}</td>
                  <td data-label={t('serviceLevels.nextResponse')}>{target(p.next_response_minutes)}</td>
                  <td data-label={t('serviceLevels.resolution')}>{target(p.resolution_minutes)}</td>
                  <td className="actions-cell">
                    <Link to={`/settings/service-levels/policies/${p.id}`} className="button button-small">
                      {canManage ? t('common.edit') : t('common.view')}
                      <span className="visually-hidden"> {p.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
