// One message of the thread: the customer's mail, an agent's reply, an internal note (set apart
// in yellow) or automatic mail (muted). A failed send is red, with the error and a Retry button;
// attachments are links, and the ones refused (too large) say so.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ProblemAlert } from '../../ui/Alert';
import { useAllUsers } from '../identity/api';
import { attachmentUrl, useRetry } from './api';
import { HtmlBody } from './HtmlBody';
import type { Message } from './types';

export function MessageView({
  conversationId,
  message,
  onSplit,
  canSplit,
}: {
  conversationId: string;
  message: Message;
  onSplit?: (m: Message) => void;
  canSplit?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const retry = useRetry(conversationId);
  const m = message;
  const failed = m.delivery_status === 'failed';
  const users = useAllUsers();
  const agent = m.author_user_id ? users.data?.find((u) => u.id === m.author_user_id) : undefined;
  const who =
    m.kind === 'reply' || m.kind === 'note'
      ? m.author_name || agent?.display_name || m.from_name || t('servicedesk.thread.agent')
      : m.from_name;
  const files = m.attachments.filter((a) => !a.inline || a.rejected_reason);
  return (
    <article
      className={`sd-message sd-message-${m.kind} ${failed ? 'is-failed' : ''}`}
      aria-label={t(`servicedesk.kind.${m.kind}`)}
    >
      <header className="sd-message-head">
        <span className="sd-message-who">
          <strong>{who || t('servicedesk.unknownCustomer')}</strong>
          {m.from_address && (m.kind === 'inbound' || m.kind === 'auto') ? (
            <span className="muted"> &lt;{m.from_address}&gt;</span>
          ) : null}
        </span>
        <span className="badge badge-quiet">
          {m.kind === 'auto' && m.auto_kind ? t(`servicedesk.autoKind.${m.auto_kind}`) : t(`servicedesk.kind.${m.kind}`)}
        </span>
        <time className="muted sd-message-time" dateTime={new Date(m.occurred_at).toISOString()}>
          {fmt.dateTime(m.occurred_at)}
        </time>
      </header>
      {m.kind !== 'note' && (m.to.length > 0 || m.cc.length > 0) ? (
        <p className="small muted sd-message-to">
          {m.to.length > 0 ? t('servicedesk.thread.to', { list: m.to.join(', ') }) : null}
          {m.cc.length > 0 ? ` ${t('servicedesk.thread.cc', { list: m.cc.join(', ') })}` : null}
        </p>
      ) : null}
      {m.html ? (
        <HtmlBody conversationId={conversationId} message={m} />
      ) : (
        <div className="prewrap sd-message-text">{m.text}</div>
      )}
      {files.length > 0 ? (
        <ul className="sd-attachments">
          {files.map((a) =>
            a.rejected_reason ? (
              <li key={a.id} className="sd-attachment-rejected">
                {t('servicedesk.thread.rejected', { name: a.filename, size: fmt.number(a.size), reason: a.rejected_reason })}
              </li>
            ) : (
              <li key={a.id}>
                <a href={attachmentUrl(conversationId, a.id)} download={a.filename}>
                  {a.filename}
                </a>{' '}
                <span className="muted small">{t('servicedesk.thread.bytes', { size: fmt.number(a.size) })}</span>
              </li>
            ),
          )}
        </ul>
      ) : null}
      <footer className="sd-message-foot small">
        {m.minutes_spent > 0 ? (
          <span className="muted">{t('servicedesk.thread.minutes', { time: fmt.minutes(m.minutes_spent) })}</span>
        ) : null}
        {m.delivery_status === 'queued' ? <span className="badge badge-quiet">{t('servicedesk.delivery.queued')}</span> : null}
        {m.delivery_status === 'sent' ? <span className="badge badge-ok">{t('servicedesk.delivery.sent')}</span> : null}
        {m.no_reply_reason ? (
          <span className="muted">{t('servicedesk.thread.noReply', { reason: m.no_reply_reason })}</span>
        ) : null}
        {canSplit && onSplit ? (
          <button type="button" className="button button-small button-quiet" onClick={() => onSplit(m)}>
            {t('servicedesk.split.action')}
          </button>
        ) : null}
      </footer>
      {failed ? (
        <div className="sd-failed" role="alert">
          <p>
            {t('servicedesk.delivery.failed', { count: m.send_attempts })}
            {m.delivery_error ? `: ${m.delivery_error}` : ''}
          </p>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={retry.isPending}
            onClick={() => retry.mutate(m.id)}
          >
            {t('servicedesk.delivery.retry')}
          </button>
          {retry.isError ? <ProblemAlert error={retry.error} /> : null}
        </div>
      ) : null}
    </article>
  );
}
