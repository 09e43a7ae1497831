// The create and edit form of companies and people (one component for both): built-in fields
// in groups, custom fields rendered by their type, tags, owner and team, and the kind of data.
// The server validates; its message for each field ("/fields/vat_id", "/custom/x", "/tags/2")
// shows beside that field, and what was typed stays.
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { fieldError } from '../../ui/errors';
import { FieldError, SelectField, TextAreaField, TextField, useFocusFirstInvalid, type Option } from '../../ui/fields';
import { safeReturnPath } from './affiliations';
import { useBuyerCompanies, useRecord, useSaveAffiliations, useSaveRecord } from './api';
import { RecordPicker, type PickedRecord } from './RecordPicker';
import { optionLabel } from './display';
import { ContactListInput } from './ContactListInput';
import { errorKey, initialState, shownErrorKeys, toWrite, type ContactRow, type RecordFormState } from './formModel';
import { useDirectory } from './lookups';
import {
  builtInFields,
  COUNTRY_CODES,
  ENTITIES,
  FIRST_COUNTRIES,
  GROUPS,
  LANGUAGE_CODES,
  recordName,
  type BuiltInField,
} from './schema';
import { TagsInput } from './TagsInput';
import { DATA_KINDS, type CustomField, type CustomerRecord, type DataKind, type Entity } from './types';

export function RecordForm({
  entity,
  customFields,
  record,
}: {
  entity: Entity;
  customFields: CustomField[];
  record?: CustomerRecord;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const cfg = ENTITIES[entity];
  const directory = useDirectory();
  const save = useSaveRecord(entity, record?.id);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const [state, setState] = useState<RecordFormState>(() =>
    initialState(entity, customFields, record, record ? {} : { owner_user_id: me.user?.id ?? '' }),
  );
  const [nothingChanged, setNothingChanged] = useState(false);
  // A new person may start as a contact of a company (?company=<id> when created from the
  // company's page, which ?return= names to come back to).
  const [params] = useSearchParams();
  const withCompany = entity === 'person' && !record;
  const returnTo = withCompany ? safeReturnPath(params.get('return')) : null;
  const presetCompany = withCompany ? (params.get('company') ?? '') : '';
  const presetRecord = useRecord('company', presetCompany || undefined);
  const [company, setCompany] = useState<PickedRecord | null>(presetCompany ? { id: presetCompany, name: '' } : null);
  const [jobTitle, setJobTitle] = useState('');
  const saveAffiliations = useSaveAffiliations();
  const shownCompany =
    company && !company.name
      ? { id: company.id, name: presetRecord.data?.id === company.id ? recordName(presetRecord.data) : `#${company.id}` }
      : company;
  const err = save.error;
  const fields = builtInFields(entity);

  const setField = (name: string, value: string) => {
    setNothingChanged(false);
    setState((s) => ({ ...s, fields: { ...s.fields, [name]: value } }));
  };
  const setList = (name: string, rows: ContactRow[]) => {
    setNothingChanged(false);
    setState((s) => ({ ...s, lists: { ...s.lists, [name]: rows } }));
  };
  const setCustom = (key: string, value: string | string[]) => {
    setNothingChanged(false);
    setState((s) => ({ ...s, custom: { ...s.custom, [key]: value } }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = toWrite(entity, customFields, state, record);
    // A new record belongs to its creator anyway; leaving the owner out lets the server record
    // that as the owner's provenance and history.
    if (!record && body.owner_user_id && body.owner_user_id === me.user?.id) delete body.owner_user_id;
    if (record && Object.keys(body).filter((k) => k !== 'source').length === 0) {
      setNothingChanged(true);
      return;
    }
    save.mutate(body, {
      onSuccess: async (saved) => {
        const name = recordName(saved);
        let flash = record ? t('customers.savedFlash', { name }) : t(`${cfg.ns}.createdFlash`, { name });
        let to = `/${cfg.path}/${encodeURIComponent(saved.id)}`;
        if (withCompany && company) {
          try {
            await saveAffiliations.mutateAsync({
              personId: saved.id,
              items: [{ company_id: company.id, job_title: jobTitle, is_primary: true }],
            });
            if (returnTo) to = returnTo;
          } catch {
            // The person exists: open it, and say the company is still to be added there.
            flash = t('affiliations.createdWithoutCompany', { name });
          }
        } else if (returnTo) to = returnTo;
        navigate(to, { state: { flash } });
      },
    });
  };

  const title = record ? t(`${cfg.ns}.editTitle`) : t(`${cfg.ns}.newTitle`);
  const backTo = record ? `/${cfg.path}/${encodeURIComponent(record.id)}` : (returnTo ?? `/${cfg.path}`);

  const groups = GROUPS.map((g) => ({ group: g, fields: fields.filter((f) => f.group === g) })).filter(
    (g) => g.fields.length > 0,
  );

  return (
    <form ref={formRef} className="form record-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <div aria-live="polite">
        {err ? <ProblemAlert error={err} fields={shownErrorKeys(entity, customFields, state)} /> : null}
        {nothingChanged ? <Alert tone="info">{t('customers.nothingChanged')}</Alert> : null}
      </div>
      {groups.map(({ group, fields: groupFields }) => (
        <fieldset key={group} className="fieldset">
          <legend>{t(`customers.groups.${group}`)}</legend>
          {group === 'buyer' ? <p className="field-hint">{t(`${cfg.ns}.buyerIntro`)}</p> : null}
          <div className="form-grid">
            {groupFields.map((f) =>
              f.kind === 'contacts' ? (
                <ContactListInput
                  key={f.name}
                  name={f.name}
                  label={t(`fields.${entity}.${f.name}`)}
                  item={f.item ?? 'email'}
                  rows={state.lists[f.name] ?? []}
                  error={(key) => fieldError(err, key)}
                  onChange={(rows) => setList(f.name, rows)}
                />
              ) : (
                <BuiltInInput
                  key={f.name}
                  entity={entity}
                  field={f}
                  value={state.fields[f.name] ?? ''}
                  error={fieldError(err, errorKey.field(f.name))}
                  onChange={(v) => setField(f.name, v)}
                />
              ),
            )}
          </div>
        </fieldset>
      ))}
      {withCompany ? (
        <fieldset className="fieldset">
          <legend>{t('affiliations.formLegend')}</legend>
          <p className="field-hint">{t('affiliations.formIntro')}</p>
          <div className="form-grid">
            <RecordPicker entity="company" label={t('affiliations.company')} value={shownCompany} onChange={setCompany} />
            <TextField
              label={t('affiliations.jobTitle')}
              name="job_title"
              value={jobTitle}
              maxLength={200}
              onChange={(e) => setJobTitle(e.target.value)}
            />
          </div>
        </fieldset>
      ) : null}
      {customFields.length > 0 ? (
        <fieldset className="fieldset">
          <legend>{t('customers.groups.custom')}</legend>
          <div className="form-grid">
            {customFields.map((d) => (
              <CustomInput
                key={d.key}
                def={d}
                value={state.custom[d.key] ?? (d.type === 'multi_select' ? [] : '')}
                error={fieldError(err, errorKey.custom(d.key))}
                onChange={(v) => setCustom(d.key, v)}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('customers.groups.ownership')}</legend>
        <div className="form-grid">
          <SelectField
            label={t('customers.owner')}
            name="owner_user_id"
            value={state.owner_user_id}
            hint={t('customers.ownerHint')}
            error={fieldError(err, 'owner_user_id')}
            onChange={(e) => setState((s) => ({ ...s, owner_user_id: e.target.value }))}
            options={[
              { value: '', label: t('customers.noOwner') },
              ...directory.users
                .filter((u) => u.active || u.id === state.owner_user_id)
                .sort((a, b) => a.display_name.localeCompare(b.display_name))
                .map((u) => ({ value: u.id, label: u.display_name })),
              ...(state.owner_user_id && !directory.users.some((u) => u.id === state.owner_user_id)
                ? [{ value: state.owner_user_id, label: directory.userName(state.owner_user_id) }]
                : []),
            ]}
          />
          <SelectField
            label={t('customers.team')}
            name="team_id"
            value={state.team_id}
            error={fieldError(err, 'team_id')}
            onChange={(e) => setState((s) => ({ ...s, team_id: e.target.value }))}
            options={[
              { value: '', label: t('customers.noTeam') },
              ...directory.teams
                .slice()
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((x) => ({ value: x.id, label: `${x.name} (${t(`teamKinds.${x.kind}`)})` })),
              ...(state.team_id && !directory.teams.some((x) => x.id === state.team_id)
                ? [{ value: state.team_id, label: directory.teamName(state.team_id) }]
                : []),
            ]}
          />
        </div>
        <TagsInput
          tags={state.tags}
          onChange={(tags) => setState((s) => ({ ...s, tags }))}
          error={fieldError(err, 'tags')}
          tagError={(i) => fieldError(err, errorKey.tag(i))}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('customers.groups.source')}</legend>
        <SelectField
          label={t('customers.dataKind')}
          name="data_kind"
          value={state.data_kind}
          hint={`${t(`provenance.kindsDescribe.${state.data_kind}`)} ${record ? t('customers.dataKindEditHint') : ''}`}
          error={fieldError(err, 'source.data_kind') ?? fieldError(err, 'source')}
          onChange={(e) => setState((s) => ({ ...s, data_kind: e.target.value as DataKind }))}
          options={DATA_KINDS.map((k) => ({ value: k, label: t(`provenance.kinds.${k}`) }))}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending || saveAffiliations.isPending}>
          {save.isPending ? t('common.saving') : record ? t('common.save') : t(`${cfg.ns}.create`)}
        </button>
        <Link to={backTo} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** "Not set", the choices, and the value as it is if it is none of them (so that it still shows). */
function choiceOptions(value: string, choices: readonly string[], label: (choice: string) => string, notSet: string): Option[] {
  return [
    { value: '', label: notSet },
    ...choices.map((c) => ({ value: c, label: label(c) })),
    ...(value && !choices.includes(value) ? [{ value, label: value }] : []),
  ];
}

function sortedOptions(codes: string[], name: (c: string) => string): Option[] {
  return codes.map((c) => ({ value: c, label: `${name(c)} (${c})` })).sort((a, b) => a.label.localeCompare(b.label));
}

function BuiltInInput({
  entity,
  field,
  value,
  error,
  onChange,
}: {
  entity: Entity;
  field: BuiltInField;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = t(`fields.${entity}.${field.name}`);
  const hint: ReactNode = field.hint ? t(`fieldHints.${entity}.${field.name}`) : undefined;
  const common = { label, name: field.name, required: field.required, error, hint };
  const countries = useMemo(() => {
    if (field.kind !== 'country') return [];
    const first = FIRST_COUNTRIES.map((c) => ({ value: c, label: `${fmt.country(c)} (${c})` }));
    const rest = sortedOptions(
      COUNTRY_CODES.filter((c) => !FIRST_COUNTRIES.includes(c)),
      fmt.country,
    );
    return [...first, { value: '—', label: '──────────', disabled: true }, ...rest];
  }, [field.kind, fmt]);

  switch (field.kind) {
    case 'country': {
      const known = !value || COUNTRY_CODES.includes(value.toUpperCase());
      return (
        <SelectField
          {...common}
          value={known ? value.toUpperCase() : value}
          onChange={(e) => onChange(e.target.value)}
          options={[{ value: '', label: t('customers.choose') }, ...(known ? [] : [{ value, label: value }]), ...countries]}
        />
      );
    }
    case 'language': {
      const options = sortedOptions(LANGUAGE_CODES, fmt.languageName);
      const known = !value || LANGUAGE_CODES.includes(value.toLowerCase());
      return (
        <SelectField
          {...common}
          value={known ? value.toLowerCase() : value}
          onChange={(e) => onChange(e.target.value)}
          options={[{ value: '', label: t('customers.notSet') }, ...(known ? [] : [{ value, label: value }]), ...options]}
        />
      );
    }
    case 'select': {
      const options = choiceOptions(value, field.options ?? [], (o) => optionLabel(field.name, o, t), t('customers.notSet'));
      // A long coded list (industry) reads best in the alphabetical order of its names.
      if (field.keepsOtherText)
        options.sort((a, b) => (a.value === '' ? -1 : b.value === '' ? 1 : a.label.localeCompare(b.label)));
      return <SelectField {...common} value={value} onChange={(e) => onChange(e.target.value)} options={options} />;
    }
    case 'reference':
      return <BuyerSelect {...common} value={value} onChange={onChange} />;
    case 'date':
      return <TextField {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'email':
      return <TextField {...common} type="email" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'phone':
      return <TextField {...common} type="tel" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'url':
      return <TextField {...common} type="url" inputMode="url" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'tax_id':
      return (
        <TextField {...common} autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      );
    default:
      return <TextField {...common} value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** The buyer company a consumer belongs to (companies marked reseller, distributor or retailer). */
function BuyerSelect({
  label,
  name,
  value,
  error,
  hint,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  error?: string;
  hint?: ReactNode;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const buyers = useBuyerCompanies();
  const options: Option[] = (buyers.data ?? [])
    .map((c) => ({
      value: c.id,
      label: `${recordName(c)} · ${optionLabel('buyer_kind', String(c.fields.buyer_kind), t)}`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `#${value}` });
  return (
    <SelectField
      label={label}
      name={name}
      value={value}
      error={error}
      hint={
        <>
          {hint} {buyers.isError ? t('customers.buyersFailed') : null}
        </>
      }
      disabled={buyers.isPending}
      onChange={(e) => onChange(e.target.value)}
      options={[{ value: '', label: buyers.isPending ? t('common.loading') : t('customers.noBuyer') }, ...options]}
    />
  );
}

function CustomInput({
  def,
  value,
  error,
  onChange,
}: {
  def: CustomField;
  value: string | string[];
  error?: string;
  onChange: (value: string | string[]) => void;
}) {
  const { t } = useTranslation();
  const name = `custom-${def.key}`;
  const common = { label: def.label, name, required: def.required, error };
  const s = typeof value === 'string' ? value : '';
  switch (def.type) {
    case 'long_text':
      return <TextAreaField {...common} className="span-all" rows={4} value={s} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return <TextField {...common} inputMode="decimal" value={s} onChange={(e) => onChange(e.target.value)} />;
    case 'money':
      return (
        <TextField
          {...common}
          label={`${def.label} (${def.currency ?? ''})`}
          inputMode="decimal"
          value={s}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return <TextField {...common} type="date" value={s} onChange={(e) => onChange(e.target.value)} />;
    case 'boolean':
      return (
        <SelectField
          {...common}
          value={s}
          onChange={(e) => onChange(e.target.value)}
          options={[
            { value: '', label: t('customers.notSet') },
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'select':
      return (
        <SelectField
          {...common}
          value={s}
          onChange={(e) => onChange(e.target.value)}
          options={choiceOptions(s, def.options, (o) => o, t('customers.notSet'))}
        />
      );
    case 'multi_select':
      return <MultiSelect def={def} value={Array.isArray(value) ? value : []} error={error} onChange={onChange} name={name} />;
    case 'url':
      return <TextField {...common} type="url" inputMode="url" value={s} onChange={(e) => onChange(e.target.value)} />;
    case 'email':
      return <TextField {...common} type="email" value={s} onChange={(e) => onChange(e.target.value)} />;
    case 'phone':
      return <TextField {...common} type="tel" value={s} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <TextField {...common} value={s} onChange={(e) => onChange(e.target.value)} />;
  }
}

function MultiSelect({
  def,
  name,
  value,
  error,
  onChange,
}: {
  def: CustomField;
  name: string;
  value: string[];
  error?: string;
  onChange: (value: string[]) => void;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={`fieldset field-multi ${error ? 'field-invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {def.label}
        {def.required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      {def.options.map((o, i) => {
        const id = `${name}-${i}`;
        return (
          <div key={o} className="field-checkbox compact-check">
            <input
              id={id}
              type="checkbox"
              name={name}
              checked={value.includes(o)}
              aria-invalid={error && i === 0 ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))}
            />
            <label htmlFor={id}>{o}</label>
          </div>
        );
      })}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
