// Settings → Custom fields: the extra fields of companies and of people (list, add, remove).
// Everyone sees them; administrators and owners change them.
import { useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { DataTable } from '../../ui/DataTable';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { fieldError } from '../../ui/errors';
import { CheckboxField, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useCreateCustomField, useCustomFields, useDeleteCustomField } from './api';
import { CUSTOM_FIELD_TYPES, type CustomField, type CustomFieldInput, type CustomFieldType, type Entity } from './types';

/** "Miscela preferita" -> "miscela_preferita": the key the API wants (a-z, 0-9, _; a letter first). */
export function keyFromLabel(label: string): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(base) ? base : base ? `f_${base}` : '';
  return key.slice(0, 40).replace(/_+$/, '');
}

const ENTITY_CHOICES: Entity[] = ['company', 'person'];

export function CustomFieldsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const entity: Entity = params.get('entity') === 'person' ? 'person' : 'company';
  const fields = useCustomFields(entity);
  const remove = useDeleteCustomField(entity);
  const canManage = can(me, 'customFields.manage');
  const [flash, setFlash] = useState('');
  const [toDelete, setToDelete] = useState<CustomField | null>(null);

  return (
    <section>
      <PageHeader title={t('customFields.title')} description={t('customFields.description')} />
      {!canManage ? <Alert tone="info">{t('customFields.adminsOnly')}</Alert> : null}
      <fieldset className="segmented" aria-describedby="cf-entity-hint">
        <legend>{t('customFields.entity')}</legend>
        {ENTITY_CHOICES.map((e) => (
          <label key={e} className={`segment ${entity === e ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name="entity"
              value={e}
              checked={entity === e}
              onChange={() => {
                setFlash('');
                remove.reset();
                setParams(e === 'company' ? {} : { entity: e }, { replace: true });
              }}
            />
            <span>{t(`customFields.entities.${e}`)}</span>
          </label>
        ))}
      </fieldset>
      <p id="cf-entity-hint" className="field-hint">
        {t(`customFields.entityHint.${entity}`)}
      </p>
      <div aria-live="polite">
        {flash ? <Alert tone="success">{flash}</Alert> : null}
        {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      </div>
      {fields.isPending ? <Loading /> : null}
      {fields.isError ? <ProblemAlert error={fields.error} /> : null}
      {fields.isSuccess && fields.data.length === 0 ? <p>{t(`customFields.empty.${entity}`)}</p> : null}
      {fields.isSuccess && fields.data.length > 0 ? (
        <DataTable
          caption={t(`customFields.caption.${entity}`)}
          columns={[
            t('customFields.label'),
            t('customFields.key'),
            t('customFields.type'),
            t('customFields.details'),
            t('customFields.created'),
          ]}
          actionsColumn={canManage}
        >
          {fields.data.map((f) => (
            <tr key={f.key}>
              <th scope="row" data-label={t('customFields.label')}>
                {f.label}
                {f.required ? <span className="badge badge-quiet">{t('customFields.requiredBadge')}</span> : null}
              </th>
              <td data-label={t('customFields.key')}>
                <code>{f.key}</code>
              </td>
              <td data-label={t('customFields.type')}>{t(`customFields.types.${f.type}`, { defaultValue: f.type })}</td>
              <td data-label={t('customFields.details')}>
                {f.options?.length ? f.options.join(', ') : f.currency ? f.currency : ''}
              </td>
              <td data-label={t('customFields.created')} className="nowrap">
                {fmt.date(f.created_at)}
              </td>
              {canManage ? (
                <td className="actions-cell">
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => {
                      setFlash('');
                      setToDelete(f);
                    }}
                  >
                    {t('customFields.delete')}
                    <span className="visually-hidden"> {f.label}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : null}
      {canManage ? (
        <NewFieldForm
          key={entity}
          entity={entity}
          onCreated={(f) => setFlash(t('customFields.createdFlash', { label: f.label }))}
        />
      ) : null}
      <ConfirmDialog
        open={!!toDelete}
        title={t('customFields.deleteTitle', { label: toDelete?.label ?? '' })}
        confirmLabel={t('customFields.delete')}
        danger
        busy={remove.isPending}
        onCancel={() => setToDelete(null)}
        onConfirm={() =>
          toDelete &&
          remove.mutate(toDelete.key, {
            onSuccess: () => setFlash(t('customFields.deletedFlash', { label: toDelete.label })),
            onSettled: () => setToDelete(null),
          })
        }
      >
        <p>{t('customFields.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function NewFieldForm({ entity, onCreated }: { entity: Entity; onCreated: (f: CustomField) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const create = useCreateCustomField(entity);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, create.error);
  const empty = { label: '', key: '', type: 'text' as CustomFieldType, options: '', currency: 'EUR', required: false };
  const [form, setForm] = useState(empty);
  const [keyTouched, setKeyTouched] = useState(false);
  const err = create.error;
  const hasOptions = form.type === 'select' || form.type === 'multi_select';
  const optionKeys = isApiError(err) ? Object.keys(err.fieldErrors).filter((k) => k.startsWith('options.')) : [];
  const optionsError = (() => {
    const own = fieldError(err, 'options');
    const each = optionKeys.map((k) => {
      const i = Number(k.slice('options.'.length));
      const line = form.options
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)[i];
      return `${line ? `“${line}”: ` : ''}${fieldError(err, k) ?? ''}`;
    });
    return [own, ...each].filter(Boolean).join(' ') || undefined;
  })();
  const shown = ['label', 'key', 'type', 'options', 'currency', 'required'];
  const optionCount = form.options
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean).length;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: CustomFieldInput = { key: form.key.trim(), label: form.label.trim(), type: form.type };
    if (hasOptions) {
      input.options = form.options
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    }
    if (form.type === 'money') input.currency = form.currency.trim().toUpperCase();
    if (form.required) input.required = true;
    create.mutate(input, {
      onSuccess: (created) => {
        setForm(empty);
        setKeyTouched(false);
        onCreated(created);
      },
    });
  };

  return (
    <form
      ref={formRef}
      className="card form form-inline custom-field-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="cf-new"
    >
      <h2 id="cf-new">{t(`customFields.newTitle.${entity}`)}</h2>
      {err ? <ProblemAlert error={err} fields={[...shown, ...optionKeys]} /> : null}
      <div className="form-grid">
        <TextField
          label={t('customFields.label')}
          name="label"
          required
          value={form.label}
          error={fieldError(err, 'label')}
          onChange={(e) => {
            const label = e.target.value;
            setForm((f) => ({ ...f, label, key: keyTouched ? f.key : keyFromLabel(label) }));
          }}
        />
        <TextField
          label={t('customFields.key')}
          name="key"
          required
          value={form.key}
          spellCheck={false}
          autoComplete="off"
          hint={t('customFields.keyHint')}
          error={fieldError(err, 'key')}
          onChange={(e) => {
            setKeyTouched(true);
            setForm((f) => ({ ...f, key: e.target.value }));
          }}
        />
        <SelectField
          label={t('customFields.type')}
          name="type"
          required
          value={form.type}
          error={fieldError(err, 'type')}
          onChange={(e) => setForm((f) => ({ ...f, type: e.target.value as CustomFieldType }))}
          options={CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`customFields.types.${ty}`) }))}
        />
        {form.type === 'money' ? (
          <TextField
            label={t('customFields.currency')}
            name="currency"
            required
            maxLength={3}
            value={form.currency}
            hint={t('customFields.currencyHint')}
            error={fieldError(err, 'currency')}
            onChange={(e) => setForm((f) => ({ ...f, currency: e.target.value }))}
          />
        ) : null}
      </div>
      {hasOptions ? (
        <TextAreaField
          label={t('customFields.options')}
          name="options"
          required
          rows={4}
          value={form.options}
          hint={t('customFields.optionsHint', { n: fmt.number(optionCount) })}
          error={optionsError}
          onChange={(e) => setForm((f) => ({ ...f, options: e.target.value }))}
        />
      ) : null}
      <CheckboxField
        label={t('customFields.required')}
        name="required"
        checked={form.required}
        hint={t('customFields.requiredHint')}
        error={fieldError(err, 'required')}
        onChange={(e) => setForm((f) => ({ ...f, required: e.target.checked }))}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('customFields.create')}
        </button>
      </div>
    </form>
  );
}
