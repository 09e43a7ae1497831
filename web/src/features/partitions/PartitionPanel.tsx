// A buyer company's B2B2C partition on its record page: how many consumers it has and, if you
// may see them, the list; otherwise a plain note that says whom to ask. Admins and owners also
// get "Partition access": the users and teams granted the consumers, and the buyer's partner
// users, each with a remove button and a picker to add one. The server decides; its message for
// a refused change (a partner user must be a manager, member or viewer) shows beside the picker.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { describeError } from '../../ui/errors';
import { FieldError } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import { LoadMoreButton } from '../../ui/PagedTable';
import { useConsumers } from '../customers/api';
import type { Directory } from '../customers/lookups';
import { recordName } from '../customers/schema';
import { parseGrantee, usePartition, usePartitionChange, type Partition } from './api';

export function PartitionPanel({ companyId, directory }: { companyId: string; directory: Directory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const partition = usePartition(companyId);
  const manage = can(me, 'partitions.manage') && !!partition.data?.grants;
  return (
    <>
      <section className="card partition-card" aria-labelledby="partition-title">
        <div className="card-header">
          <h2 id="partition-title">{t('partitions.title')}</h2>
          {partition.data ? (
            <span className="badge consumer-count" data-count={partition.data.consumer_count}>
              {t('partitions.count', { n: fmt.number(partition.data.consumer_count) })}
            </span>
          ) : null}
        </div>
        {partition.isPending ? <Loading /> : null}
        {partition.isError ? <ProblemAlert error={partition.error} /> : null}
        {partition.data ? (
          partition.data.consumers_visible ? (
            <ConsumerList companyId={companyId} total={partition.data.consumer_count} />
          ) : (
            <p className="partition-note" data-testid="no-access">
              <Icon name="shield" size={18} />
              <span>{t('partitions.noAccess', fmt.count(partition.data.consumer_count))}</span>
            </p>
          )
        ) : null}
      </section>
      {manage && partition.data ? (
        <PartitionAccess companyId={companyId} partition={partition.data} directory={directory} />
      ) : null}
    </>
  );
}

function ConsumerList({ companyId, total }: { companyId: string; total: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const consumers = useConsumers(companyId, true);
  if (consumers.isPending) return <Loading />;
  if (consumers.isError) return <ProblemAlert error={consumers.error} />;
  if (consumers.items.length === 0) return <p className="muted">{t('partitions.noConsumers')}</p>;
  return (
    <>
      <ul className="consumer-list" aria-label={t('partitions.listLabel')}>
        {consumers.items.map((c) => {
          const extra = [c.fields.city, c.fields.email].filter(Boolean).join(' · ');
          return (
            <li key={c.id}>
              <Link to={`/people/${encodeURIComponent(c.id)}`}>{recordName(c)}</Link>
              {extra ? <span className="muted small">{extra}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="muted small" aria-live="polite">
        {t('partitions.shown', { shown: fmt.number(consumers.items.length), total: fmt.number(total) })}
      </p>
      <LoadMoreButton list={consumers} className="button button-small" />
    </>
  );
}

function PartitionAccess({ companyId, partition, directory }: { companyId: string; partition: Partition; directory: Directory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const grant = usePartitionChange(companyId);
  const addPartner = usePartitionChange(companyId);
  const remove = usePartitionChange(companyId);
  const [grantee, setGrantee] = useState('');
  const [partner, setPartner] = useState('');
  const [done, setDone] = useState('');
  const grants = partition.grants ?? [];
  const partners = partition.partners ?? [];
  const granted = new Set(grants.map((g) => `${g.grantee_kind}:${g.grantee_id}`));
  const teams = directory.teams.filter((x) => !granted.has(`team:${x.id}`)).sort((a, b) => a.name.localeCompare(b.name));
  const users = directory.users
    .filter((u) => u.active && !granted.has(`user:${u.id}`))
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
  const partnerIds = new Set(partners.map((p) => p.user_id));
  const partnerCandidates = directory.users
    .filter((u) => u.active && !partnerIds.has(u.id))
    .sort((a, b) => a.display_name.localeCompare(b.display_name));

  const onGrant = (e: FormEvent) => {
    e.preventDefault();
    const g = parseGrantee(grantee);
    if (!g) return;
    const name = g.kind === 'team' ? directory.teamName(g.id) : directory.userName(g.id);
    grant.mutate(
      { op: 'grant', kind: g.kind, id: g.id },
      {
        onSuccess: () => {
          setGrantee('');
          setDone(t('partitions.granted', { name }));
        },
      },
    );
  };
  const onAddPartner = (e: FormEvent) => {
    e.preventDefault();
    if (!partner) return;
    const name = directory.userName(partner);
    addPartner.mutate(
      { op: 'addPartner', id: partner },
      {
        onSuccess: () => {
          setPartner('');
          setDone(t('partitions.partnerAdded', { name }));
        },
      },
    );
  };

  return (
    <section className="card partition-access" aria-labelledby="partition-access-title">
      <h2 id="partition-access-title">{t('partitions.accessTitle')}</h2>
      <p className="muted">{t('partitions.accessIntro')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}

      <AccessList title={t('partitions.grantsTitle')} emptyText={t('partitions.noGrants')} count={grants.length}>
        {grants.map((g) => (
          <AccessRow
            key={`${g.grantee_kind}:${g.grantee_id}`}
            name={g.grantee_name}
            removeLabel={t('partitions.removeGrantOf', { name: g.grantee_name })}
            busy={remove.isPending}
            onRemove={() =>
              remove.mutate(
                { op: 'revoke', kind: g.grantee_kind, id: g.grantee_id },
                { onSuccess: () => setDone(t('partitions.revoked', { name: g.grantee_name })) },
              )
            }
          >
            <span className="badge badge-quiet">{t(`partitions.kinds.${g.grantee_kind}`)}</span>
            <span className="muted small">
              {t('partitions.since', { date: fmt.date(g.created_at) })}
              {g.granted_by_user_id ? ` · ${t('partitions.by', { name: directory.userName(g.granted_by_user_id) })}` : ''}
            </span>
          </AccessRow>
        ))}
      </AccessList>
      <PickerForm
        label={t('partitions.grantLabel')}
        hint={t('partitions.grantHint')}
        value={grantee}
        onChange={setGrantee}
        submitLabel={t('partitions.grant')}
        request={grant}
        onSubmit={onGrant}
        name="grantee"
        loading={directory.loading}
      >
        {teams.length ? (
          <optgroup label={t('partitions.teams')}>
            {teams.map((x) => (
              <option key={x.id} value={`team:${x.id}`}>
                {x.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {users.length ? (
          <optgroup label={t('partitions.users')}>
            {users.map((u) => (
              <option key={u.id} value={`user:${u.id}`}>
                {u.display_name} ({t(`roles.${u.role}`)})
              </option>
            ))}
          </optgroup>
        ) : null}
      </PickerForm>

      <AccessList title={t('partitions.partnersTitle')} emptyText={t('partitions.noPartners')} count={partners.length}>
        {partners.map((p) => (
          <AccessRow
            key={p.user_id}
            name={p.display_name}
            removeLabel={t('partitions.removePartner', { name: p.display_name })}
            busy={remove.isPending}
            onRemove={() =>
              remove.mutate(
                { op: 'removePartner', id: p.user_id },
                { onSuccess: () => setDone(t('partitions.partnerRemoved', { name: p.display_name })) },
              )
            }
          >
            <span className="muted small">
              {p.email} · {t('partitions.since', { date: fmt.date(p.created_at) })}
            </span>
          </AccessRow>
        ))}
      </AccessList>
      <PickerForm
        label={t('partitions.partnerLabel')}
        hint={t('partitions.partnerHint')}
        value={partner}
        onChange={(v) => {
          setPartner(v);
          addPartner.reset();
        }}
        submitLabel={t('partitions.addPartner')}
        request={addPartner}
        onSubmit={onAddPartner}
        name="partner"
        loading={directory.loading}
      >
        {partnerCandidates.map((u) => (
          <option key={u.id} value={u.id}>
            {u.display_name} ({t(`roles.${u.role}`)}) · {u.email}
          </option>
        ))}
      </PickerForm>
    </section>
  );
}

/** "Grants" or "Partner users": a heading, then the list (named after it) or a note that it is empty. */
function AccessList({
  title,
  emptyText,
  count,
  children,
}: {
  title: string;
  emptyText: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <>
      <h3 className="field-group-title">{title}</h3>
      {count === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="access-list" aria-label={title}>
          {children}
        </ul>
      )}
    </>
  );
}

/** One grantee or partner user: the name in bold, what else is known, and a remove button. */
function AccessRow({
  name,
  removeLabel,
  busy,
  onRemove,
  children,
}: {
  name: string;
  removeLabel: string;
  busy: boolean;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="access-row">
      <span className="access-who">
        <strong>{name}</strong>
        {children}
      </span>
      <button
        type="button"
        className="button button-small button-danger"
        aria-label={removeLabel}
        disabled={busy}
        onClick={onRemove}
      >
        <Icon name="trash" size={16} />
        {t('partitions.remove')}
      </button>
    </li>
  );
}

/**
 * A labelled picker with its button; the hint and the server's message are tied to it. Its
 * first option is empty ("Choose…", or "Loading…" while the choices load).
 */
function PickerForm({
  label,
  hint,
  value,
  onChange,
  submitLabel,
  request,
  onSubmit,
  name,
  loading,
  children,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** The button's label (it says "Saving…" while the request runs). */
  submitLabel: string;
  /** The change the picker sends: busy while pending; its failure shows beside the picker. */
  request: { isPending: boolean; isError: boolean; error: unknown };
  onSubmit: (e: FormEvent) => void;
  name: string;
  loading: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const busy = request.isPending;
  const error = request.isError ? describeError(request.error, t) : undefined;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className={`picker-form field ${error ? 'field-invalid' : ''}`} onSubmit={onSubmit} noValidate>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="picker-row">
        <select
          id={id}
          name={name}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{loading ? t('common.loading') : t('partitions.choose')}</option>
          {children}
        </select>
        <button type="submit" className="button button-primary" disabled={busy || !value}>
          <Icon name="plus" size={18} />
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} alert />
    </form>
  );
}
