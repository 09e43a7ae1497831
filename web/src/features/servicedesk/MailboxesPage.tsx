// Settings → Mailboxes: the workspace's mailboxes with their last check and error.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useMailboxes } from './api';
import './servicedesk.css';

export function MailboxesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mailboxes = useMailboxes();
  return (
    <section>
      <PageHeader
        title={t('servicedesk.mailboxes.title')}
        description={t('servicedesk.mailboxes.description')}
        actions={
          <Link to="/settings/mailboxes/new" className="button button-primary">
            {t('servicedesk.mailboxes.add')}
          </Link>
        }
      />
      <FlashAlert />
      {mailboxes.isPending ? <Loading /> : null}
      {mailboxes.isError ? <ProblemAlert error={mailboxes.error} /> : null}
      {mailboxes.isSuccess && mailboxes.data.length === 0 ? <p className="muted">{t('servicedesk.mailboxes.empty')}</p> : null}
      {mailboxes.isSuccess && mailboxes.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('servicedesk.mailboxes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('servicedesk.mailboxes.name')}</th>
                <th scope="col">{t('servicedesk.mailboxes.address')}</th>
                <th scope="col">{t('servicedesk.mailboxes.lastChecked')}</th>
                <th scope="col">{t('servicedesk.mailboxes.state')}</th>
              </tr>
            </thead>
            <tbody>
              {mailboxes.data.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/settings/mailboxes/${encodeURIComponent(m.id)}`}>{m.name}</Link>
                  </th>
                  <td>{m.address}</td>
                  <td>
                    {m.status.last_checked_at ? (
                      fmt.dateTime(m.status.last_checked_at)
                    ) : (
                      <span className="muted">{t('servicedesk.mailboxes.never')}</span>
                    )}
                  </td>
                  <td>
                    {!m.enabled ? (
                      <span className="badge badge-quiet">{t('servicedesk.mailboxes.disabled')}</span>
                    ) : m.status.last_error ? (
                      <span className="badge badge-off" title={m.status.last_error}>
                        {t('servicedesk.mailboxes.error', { error: m.status.last_error })}
                      </span>
                    ) : (
                      <span className="badge badge-ok">{t('servicedesk.mailboxes.ok')}</span>
                    )}
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
