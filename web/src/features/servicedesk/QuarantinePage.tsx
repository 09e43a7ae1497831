// Settings → Mail quarantine (admins): mail that could not be read, kept raw with the reason;
// "Process again" retries it (after a fix of the parser, say) and links the conversation made.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useMailboxes, useQuarantine, useReprocess } from './api';
import './servicedesk.css';

export function QuarantinePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = useQuarantine();
  const mailboxes = useMailboxes();
  const reprocess = useReprocess();
  const mailboxName = (id: string | null) => (id === null ? '' : (mailboxes.data?.find((m) => m.id === id)?.name ?? id));
  const result = reprocess.data;
  return (
    <section>
      <PageHeader title={t('servicedesk.quarantine.title')} description={t('servicedesk.quarantine.description')} />
      {result ? (
        result.resolved ? (
          <Alert tone="success">
            {t('servicedesk.quarantine.resolved')}{' '}
            {result.conversation_id ? (
              <Link to={`/inbox/${encodeURIComponent(result.conversation_id)}`}>{t('servicedesk.quarantine.open')}</Link>
            ) : null}
          </Alert>
        ) : (
          <Alert tone="warning">{t('servicedesk.quarantine.stillFailing', { reason: result.reason ?? '' })}</Alert>
        )
      ) : null}
      {reprocess.isError ? <ProblemAlert error={reprocess.error} /> : null}
      {items.isPending ? <Loading /> : null}
      {items.isError ? <ProblemAlert error={items.error} /> : null}
      {items.isSuccess && items.data.length === 0 ? <p className="muted">{t('servicedesk.quarantine.empty')}</p> : null}
      {items.isSuccess && items.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('servicedesk.quarantine.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('servicedesk.quarantine.received')}</th>
                <th scope="col">{t('servicedesk.quarantine.mailbox')}</th>
                <th scope="col">{t('servicedesk.quarantine.reason')}</th>
                <th scope="col">{t('servicedesk.quarantine.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('servicedesk.quarantine.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.data.map((q) => (
                <tr key={q.id} className={q.resolved_at ? 'row-muted' : ''}>
                  <td>{fmt.dateTime(q.received_at)}</td>
                  <td>{mailboxName(q.mailbox_id)}</td>
                  <td>{q.reason}</td>
                  <td>{t('servicedesk.thread.bytes', { size: fmt.number(q.size) })}</td>
                  <td className="actions-cell">
                    {q.resolved_at ? (
                      <span className="badge badge-ok">
                        {t('servicedesk.quarantine.done', { date: fmt.dateTime(q.resolved_at) })}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={reprocess.isPending}
                        onClick={() => reprocess.mutate(q.id)}
                      >
                        {t('servicedesk.quarantine.reprocess')}
                      </button>
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
