// One company or person: every field (built-in and custom), owner, team and tags (where each
// value came from is one click away: the "Sources" button shows it beside every field), the B2B2C link (a buyer's kind and its partition of consumers; a
// consumer's buyer), the companies of a person and the contacts of a company, the history of changes on demand, and the timeline with its quick actions.
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { canWriteRecord } from './access';
import { CompaniesPanel, ContactsPanel } from './AffiliationsPanel';
import { useCustomFields, useDeleteRecord, useRecord } from './api';
import { BuiltInValue, CustomValue, Empty, fieldLabel, optionLabel } from './display';
import { HistoryPanel } from './HistoryPanel';
import { PartitionPanel } from '../partitions/PartitionPanel';
import { useDirectory } from './lookups';
import { ProvenanceBadge } from './ProvenanceBadge';
import { builtInFields, ENTITIES, GROUPS, recordName } from './schema';
import { Timeline } from '../timeline/Timeline';
import type { CustomField, CustomerRecord, Entity } from './types';

export function CompanyPage() {
  return <RecordPage entity="company" />;
}

export function PersonPage() {
  return <RecordPage entity="person" />;
}

function RecordPage({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cfg = ENTITIES[entity];
  const record = useRecord(entity, id);
  const customFields = useCustomFields(entity);
  if (record.isPending) return <Loading />;
  if (record.isError)
    return (
      <section>
        <PageHeader title={t(`${cfg.ns}.oneTitle`)} />
        <ProblemAlert error={record.error} />
        <Link to={`/${cfg.path}`} className="button">
          {t(`${cfg.ns}.backToList`)}
        </Link>
      </section>
    );
  return <RecordView entity={entity} record={record.data} customFields={customFields.data ?? []} />;
}

function RecordView({ entity, record, customFields }: { entity: Entity; record: CustomerRecord; customFields: CustomField[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const navigate = useNavigate();
  const cfg = ENTITIES[entity];
  const directory = useDirectory();
  const remove = useDeleteRecord(entity, record.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [showSources, setShowSources] = useState(false);
  const canWrite = canWriteRecord(me, record);
  const name = recordName(record);
  const prov = record.provenance ?? {};
  const buyerId = entity === 'person' && record.fields.buyer_company_id ? String(record.fields.buyer_company_id) : undefined;
  const buyer = useRecord('company', buyerId);
  const buyerName = (bid: string) => (buyer.data && buyer.data.id === bid ? recordName(buyer.data) : `#${bid}`);

  const flags = record.flags ?? [];
  const badge = (field: string) => {
    const flag = flags.find((f) => f.field === field);
    return (
      <>
        {flag ? (
          <span className="badge badge-flag" data-testid={`flag-${field}`} title={flag.rule}>
            {t('customers.flagged', { rule: flag.rule })}
          </span>
        ) : null}
        {showSources ? (
          <ProvenanceBadge
            provenance={prov[field]}
            fieldLabel={fieldLabel(entity, field, customFields, t)}
            directory={directory}
          />
        ) : null}
      </>
    );
  };

  const description: ReactNode =
    entity === 'company' ? (
      <>
        {t('companies.one')}
        {record.fields.country ? ` · ${fmt.country(String(record.fields.country))}` : ''}
        {record.fields.market ? ` · ${optionLabel('market', String(record.fields.market), t)}` : ''}
        {record.fields.buyer_kind ? (
          <span className="badge badge-buyer">
            {t('companies.buyerBadge', { kind: optionLabel('buyer_kind', String(record.fields.buyer_kind), t) })}
          </span>
        ) : null}
      </>
    ) : (
      <>
        {record.fields.kind ? optionLabel('kind', String(record.fields.kind), t) : t('people.one')}
        {buyerId ? (
          <>
            {' · '}
            {t('people.consumerOf')} <Link to={`/companies/${encodeURIComponent(buyerId)}`}>{buyerName(buyerId)}</Link>
          </>
        ) : null}
      </>
    );

  const orphanCustom = Object.keys(record.custom ?? {}).filter((k) => !customFields.some((d) => d.key === k));

  return (
    <section className="record-page">
      <nav aria-label={t('customers.breadcrumb')} className="breadcrumb">
        <Link to={`/${cfg.path}`}>{t(`${cfg.ns}.title`)}</Link>
      </nav>
      <PageHeader
        title={name}
        description={description}
        actions={
          <>
            <button
              type="button"
              className="button"
              aria-pressed={showSources}
              data-testid="sources-toggle"
              title={t('provenance.sourcesIntro')}
              onClick={() => setShowSources((s) => !s)}
            >
              <Icon name="list" size={18} />
              {showSources ? t('provenance.hide') : t('provenance.sourcesButton')}
            </button>
            {canWrite ? (
              <>
                <Link to={`/${cfg.path}/${encodeURIComponent(record.id)}/edit`} className="button button-primary">
                  <Icon name="edit" size={18} />
                  {t('common.edit')}
                </Link>
                <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
                  <Icon name="trash" size={18} />
                  {t('customers.delete')}
                </button>
              </>
            ) : null}
          </>
        }
      />
      {showSources ? (
        <p className="muted small sources-intro" role="status">
          {Object.keys(prov).length ? t('provenance.sourcesIntro') : t('provenance.none')}
        </p>
      ) : null}
      <FlashAlert />
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <div className="record-layout">
        <div className="record-main">
          <section className="card" aria-labelledby="record-summary">
            <h2 id="record-summary">{t('customers.summary')}</h2>
            <dl className="facts record-facts">
              <Fact label={t('customers.owner')} badge={badge('owner_user_id')}>
                {record.owner_user_id ? directory.userName(record.owner_user_id) : <Empty />}
              </Fact>
              <Fact label={t('customers.team')} badge={badge('team_id')}>
                {record.team_id ? directory.teamName(record.team_id) : <Empty />}
              </Fact>
              <Fact label={t('customers.tags')} badge={badge('tags')}>
                {record.tags.length ? (
                  <ul className="chip-list">
                    {record.tags.map((tag) => (
                      <li key={tag} className="chip">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty />
                )}
              </Fact>
              <Fact label={t('customers.createdAt')}>{fmt.dateTime(record.created_at)}</Fact>
              <Fact label={t('customers.updatedAt')}>{fmt.dateTime(record.updated_at)}</Fact>
            </dl>
          </section>
          {entity === 'person' ? <CompaniesPanel person={record} /> : <ContactsPanel company={record} />}
          {entity === 'company' && record.fields.buyer_kind ? (
            <PartitionPanel companyId={record.id} directory={directory} />
          ) : null}
          <FieldsCard
            entity={entity}
            record={record}
            badge={badge}
            flagged={(field) => flags.some((f) => f.field === field)}
            buyerName={buyerName}
          />
          {customFields.length > 0 || orphanCustom.length > 0 ? (
            <section className="card" aria-labelledby="record-custom">
              <h2 id="record-custom">{t('customers.groups.custom')}</h2>
              <dl className="facts record-facts">
                {customFields.map((d) => (
                  <Fact key={d.key} label={d.label} badge={badge(`custom.${d.key}`)}>
                    <CustomValue def={d} value={record.custom?.[d.key]} />
                  </Fact>
                ))}
                {orphanCustom.map((k) => (
                  <Fact key={k} label={`${k} (${t('customers.removedField')})`} badge={badge(`custom.${k}`)}>
                    <CustomValue def={undefined} value={record.custom[k]} />
                  </Fact>
                ))}
              </dl>
            </section>
          ) : null}
        </div>
        <div className="record-side">
          <Timeline entity={entity} record={record} directory={directory} />
        </div>
      </div>
      <section className="card record-history" aria-labelledby="record-history">
        <div className="card-header">
          <h2 id="record-history">{t('customers.history.title')}</h2>
          <button
            type="button"
            className="button button-small"
            aria-expanded={showHistory}
            aria-controls="history-region"
            onClick={() => setShowHistory((s) => !s)}
          >
            <Icon name="history" size={16} />
            {showHistory ? t('customers.history.hide') : t('customers.history.show')}
          </button>
        </div>
        <div id="history-region">
          {showHistory ? (
            <HistoryPanel
              entity={entity}
              id={record.id}
              customFields={customFields}
              directory={directory}
              buyerName={buyerName}
            />
          ) : (
            <p className="muted small">{t('customers.history.intro')}</p>
          )}
        </div>
      </section>
      <ConfirmDialog
        open={confirmDelete}
        title={t(`${cfg.ns}.deleteTitle`, { name })}
        confirmLabel={t('customers.delete')}
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => navigate(`/${cfg.path}`, { state: { flash: t('customers.deletedFlash', { name }) } }),
            onSettled: () => setConfirmDelete(false),
          })
        }
      >
        <p>{t('customers.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function Fact({ label, badge, children }: { label: string; badge?: ReactNode; children: ReactNode }) {
  return (
    <div className="fact-row">
      <dt>{label}</dt>
      <dd>
        <span className="fact-value">{children}</span>
        {badge}
      </dd>
    </div>
  );
}

function FieldsCard({
  entity,
  record,
  badge,
  flagged,
  buyerName,
}: {
  entity: Entity;
  record: CustomerRecord;
  badge: (field: string) => ReactNode;
  /** Whether the field's value was kept although invalid (shown as written, not as a link). */
  flagged: (field: string) => boolean;
  buyerName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const fields = builtInFields(entity);
  return (
    <section className="card" aria-labelledby="record-fields">
      <h2 id="record-fields">{t('customers.details')}</h2>
      {GROUPS.map((g) => {
        const list = fields.filter((f) => f.group === g);
        if (!list.length) return null;
        return (
          <div key={g} className="field-group">
            <h3 className="field-group-title">{t(`customers.groups.${g}`)}</h3>
            <dl className="facts record-facts">
              {list.map((f) => (
                <Fact key={f.name} label={t(`fields.${entity}.${f.name}`)} badge={badge(f.name)}>
                  <BuiltInValue field={f} value={record.fields?.[f.name]} buyerName={buyerName} flagged={flagged(f.name)} />
                </Fact>
              ))}
            </dl>
          </div>
        );
      })}
    </section>
  );
}
