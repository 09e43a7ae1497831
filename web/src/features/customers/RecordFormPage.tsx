// /companies/new, /companies/:id/edit, /people/new, /people/:id/edit.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { canCreateRecords, canWriteRecord } from './access';
import { useCustomFields, useRecord } from './api';
import { RecordForm } from './RecordForm';
import { ENTITIES, recordName } from './schema';
import type { Entity } from './types';

export function CompanyCreatePage() {
  return <CreatePage entity="company" />;
}
export function PersonCreatePage() {
  return <CreatePage entity="person" />;
}
export function CompanyEditPage() {
  return <EditPage entity="company" />;
}
export function PersonEditPage() {
  return <EditPage entity="person" />;
}

function CreatePage({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const me = useSession();
  const cfg = ENTITIES[entity];
  const customFields = useCustomFields(entity);
  return (
    <section>
      <PageHeader title={t(`${cfg.ns}.newTitle`)} description={t(`${cfg.ns}.newDescription`)} />
      {!canCreateRecords(me) ? <Alert tone="info">{t('customers.cannotCreate')}</Alert> : null}
      {customFields.isPending ? <Loading /> : null}
      {customFields.isError ? <ProblemAlert error={customFields.error} /> : null}
      {customFields.isSuccess ? <RecordForm entity={entity} customFields={customFields.data} /> : null}
    </section>
  );
}

function EditPage({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const cfg = ENTITIES[entity];
  const record = useRecord(entity, id);
  const customFields = useCustomFields(entity);
  if (record.isPending || customFields.isPending) return <Loading />;
  if (record.isError || customFields.isError)
    return (
      <section>
        <PageHeader title={t(`${cfg.ns}.editTitle`)} />
        <ProblemAlert error={record.error ?? customFields.error} />
        <Link to={`/${cfg.path}`} className="button">
          {t(`${cfg.ns}.backToList`)}
        </Link>
      </section>
    );
  return (
    <section>
      <PageHeader title={t(`${cfg.ns}.editTitle`)} description={recordName(record.data)} />
      {!canWriteRecord(me, record.data) ? <Alert tone="info">{t('customers.readOnly')}</Alert> : null}
      <RecordForm key={record.data.id} entity={entity} customFields={customFields.data} record={record.data} />
    </section>
  );
}
