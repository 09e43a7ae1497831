import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../api/paging';
import type { AuditEntry } from '../../api/types';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { actionLabel, actorLabel, detailKeyLabel, detailValueText, targetLabel } from './auditText';

/** The actions the server records today; others seen in the log are added to the filter. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.access_changed',
  'user.password_changed',
  'team.created',
  'team.updated',
  'team.members_changed',
  'team.deleted',
  'api_key.created',
  'api_key.revoked',
  'role.grant_changed',
  'workspace.bootstrapped',
  'custom_field.created',
  'custom_field.deleted',
  'segment.created',
  'segment.updated',
  'segment.deleted',
  'import.csv',
  'person.data_exported',
  'person.erased',
  'person.merged',
  'person.deleted',
  'company.deleted',
  'company.merged',
  'duplicate.dismissed',
  'partition.grant',
  'partition.revoke',
  'partition.partner_add',
  'partition.partner_remove',
];

/** An entry's detail as "key: value" lines (objects), or its text, in the reader's language. */
function Detail({ detail }: { detail: unknown }) {
  const { t } = useTranslation();
  if (detail === null || detail === undefined || detail === '') return null;
  if (typeof detail !== 'object' || Array.isArray(detail))
    return <code>{typeof detail === 'string' ? detail : JSON.stringify(detail)}</code>;
  const entries = Object.entries(detail as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <ul className="detail-list">
      {entries.map(([k, v]) => (
        <li key={k}>
          <span className="muted">{detailKeyLabel(t, k)}:</span>
          <code>{detailValueText(t, k, v)}</code>
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const [choice, setChoice] = useState('');
  const [action, setAction] = useState('');
  const log = useCursorList<AuditEntry>(['audit'], '/audit', { action: action || undefined }, 50);

  const actions = useMemo(() => {
    const all = new Set(KNOWN_ACTIONS);
    for (const e of log.items) all.add(e.action);
    return [...all];
  }, [log.items]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setAction(choice);
  };

  return (
    <section>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {!can(me, 'audit.read') ? <Alert tone="info">{t('audit.adminsOnly')}</Alert> : null}
      <form className="form form-inline filter-bar" onSubmit={onSubmit} role="search" aria-label={t('audit.filterLabel')}>
        <SelectField
          label={t('audit.action')}
          name="action"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          options={[
            { value: '', label: t('audit.allActions') },
            ...actions.map((a) => ({ value: a, label: `${actionLabel(t, a)} (${a})` })),
          ]}
        />
        <button type="submit" className="button button-primary">
          {t('audit.apply')}
        </button>
        {action ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setChoice('');
              setAction('');
            }}
          >
            {t('audit.clear')}
          </button>
        ) : null}
      </form>
      <div aria-live="polite" className="muted small">
        {log.isSuccess ? t('audit.shown', { n: fmt.number(log.items.length) }) : ''}
      </div>
      <PagedTable
        list={log}
        caption={t('audit.title')}
        className="audit-table"
        columns={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.ip'), t('audit.detail')]}
        empty={<p>{t('audit.empty')}</p>}
      >
        {log.items.map((e) => (
          <tr key={e.id}>
            <td data-label={t('audit.when')} className="nowrap">
              <time dateTime={new Date(e.occurred_at).toISOString()} title={fmt.relative(e.occurred_at)}>
                {fmt.dateTime(e.occurred_at)}
              </time>
            </td>
            <td data-label={t('audit.actor')}>{actorLabel(t, e.actor)}</td>
            <td data-label={t('audit.action')}>
              <span>
                <span className="audit-action">{actionLabel(t, e.action)}</span> <code className="id">{e.action}</code>
              </span>
            </td>
            <td data-label={t('audit.target')}>
              {e.target_type ? (
                <span>
                  {targetLabel(t, e.target_type)} <code className="id">{e.target_id}</code>
                </span>
              ) : (
                '—'
              )}
            </td>
            <td data-label={t('audit.ip')}>{e.ip ?? '—'}</td>
            <td data-label={t('audit.detail')}>
              <Detail detail={e.detail} />
            </td>
          </tr>
        ))}
      </PagedTable>
    </section>
  );
}
