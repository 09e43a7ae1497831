import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { atLeast } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import {
  useCalendars,
  useDeletePolicy,
  usePolicy,
  useSavePolicy,
  useSegmentChoices,
  type SlaPolicy,
  type SlaPolicyInput,
} from './api';
import { PRIORITIES, targetText, targetValue, type Priority } from './hours';

const LIST = '/settings/service-levels';
const TARGETS = ['first_response_minutes', 'next_response_minutes', 'resolution_minutes'] as const;
type Target = (typeof TARGETS)[number];
const TARGET_LABELS: Record<Target, string> = {
  first_response_minutes: 'serviceLevels.firstResponseLabel',
  next_response_minutes: 'serviceLevels.nextResponseLabel',
  resolution_minutes: 'serviceLevels.resolutionLabel',
};

export function PolicyCreatePage() {
  return <PolicyForm />;
}

export function PolicyEditPage() {
  const { policyId = '' } = useParams();
  const { t } = useTranslation();
  const policy = usePolicy(policyId);
  if (policy.isPending) return <Loading />;
  if (policy.isError)
    return (
      <section>
        <PageHeader title={t('serviceLevels.editPolicy')} />
        <ProblemAlert error={policy.error} />
        <Link to={LIST} className="button">
          {t('serviceLevels.backToList')}
        </Link>
      </section>
    );
  return <PolicyForm key={policy.data.id} policy={policy.data} />;
}

function PolicyForm({ policy }: { policy?: SlaPolicy }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const navigate = useNavigate();
  const calendars = useCalendars();
  const segments = useSegmentChoices();
  const save = useSavePolicy(policy?.id);
  const remove = useDeletePolicy(policy?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const canManage = atLeast(me?.role, 'admin');
  const [form, setForm] = useState({
    name: policy?.name ?? '',
    priority: (policy?.priority ?? '') as Priority | '',
    segment_id: policy?.segment_id ?? '',
    calendar_id: policy?.calendar_id ?? '',
    // Empty for a new policy: the server puts it after the others.
    position: policy ? String(policy.position) : '',
    warn_before_minutes: String(policy?.warn_before_minutes ?? 0),
    first_response_minutes: targetText(policy?.first_response_minutes),
    next_response_minutes: targetText(policy?.next_response_minutes),
    resolution_minutes: targetText(policy?.resolution_minutes),
  });
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const err = save.error;
  const set = (key: keyof typeof form, value: string) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  // A new policy uses the first calendar until another is picked.
  const calendarId = form.calendar_id || calendars.data?.[0]?.id || '';
  const durationHint = (text: string) => {
    const v = targetValue(text);
    return typeof v === 'number' && v >= 60 ? fmt.minutes(v) : undefined;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Numbers typed as text go as they are: the server names what is wrong with them.
    const input = {
      name: form.name.trim(),
      priority: form.priority || null,
      segment_id: form.segment_id || null,
      calendar_id: calendarId,
      position: targetValue(form.position) ?? undefined,
      warn_before_minutes: targetValue(form.warn_before_minutes) ?? 0,
      first_response_minutes: targetValue(form.first_response_minutes),
      next_response_minutes: targetValue(form.next_response_minutes),
      resolution_minutes: targetValue(form.resolution_minutes),
    } as SlaPolicyInput;
    save.mutate(input, {
      onSuccess: (p) => {
        if (policy) setSaved(true);
        else navigate(LIST, { state: { flash: t('serviceLevels.policyCreatedFlash', { name: p.name }) } });
      },
    });
  };

  return (
    <section>
      <PageHeader
        title={policy ? t('serviceLevels.editPolicy') : t('serviceLevels.newPolicy')}
        description={policy ? policy.name : t('serviceLevels.policyDescription')}
      />
      {!canManage ? <Alert tone="info">{t('serviceLevels.readOnly')}</Alert> : null}
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <div aria-live="polite">
          {err ? (
            <ProblemAlert
              error={err}
              fields={['name', 'priority', 'segment_id', 'calendar_id', 'position', 'warn_before_minutes', ...TARGETS]}
            />
          ) : null}
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
          {saved && !err ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        </div>
        <div className="form-grid">
          <TextField
            label={t('serviceLevels.name')}
            name="name"
            required
            value={form.name}
            disabled={!canManage}
            error={fieldError(err, 'name')}
            onChange={(e) => set('name', e.target.value)}
          />
          <TextField
            type="number"
            min={0}
            label={t('serviceLevels.position')}
            hint={t('serviceLevels.positionHint')}
            name="position"
            value={form.position}
            disabled={!canManage}
            error={fieldError(err, 'position')}
            onChange={(e) => set('position', e.target.value)}
          />
          <SelectField
            label={t('serviceLevels.priority')}
            name="priority"
            value={form.priority}
            disabled={!canManage}
            error={fieldError(err, 'priority')}
            onChange={(e) => set('priority', e.target.value)}
            options={[
              { value: '', label: t('serviceLevels.anyPriority') },
              ...PRIORITIES.map((p) => ({ value: p, label: t(`serviceLevels.priorities.${p}`) })),
            ]}
          />
          <SelectField
            label={t('serviceLevels.segment')}
            name="segment_id"
            value={form.segment_id}
            disabled={!canManage}
            error={fieldError(err, 'segment_id')}
            onChange={(e) => set('segment_id', e.target.value)}
            options={[
              { value: '', label: t('serviceLevels.everyCustomer') },
              ...(segments.data ?? []).map((s) => ({ value: s.id, label: s.name })),
              ...(form.segment_id && !segments.data?.some((s) => s.id === form.segment_id)
                ? [{ value: form.segment_id, label: form.segment_id }]
                : []),
            ]}
          />
          <SelectField
            label={t('serviceLevels.calendar')}
            name="calendar_id"
            required
            value={calendarId}
            disabled={!canManage}
            error={fieldError(err, 'calendar_id')}
            onChange={(e) => set('calendar_id', e.target.value)}
            options={(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.time_zone})` }))}
          />
        </div>
        <fieldset className="fieldset">
          <legend>{t('serviceLevels.targets')}</legend>
          <p className="field-hint">{t('serviceLevels.targetsHint')}</p>
          <div className="form-grid">
            {TARGETS.map((key) => (
              <TextField
                key={key}
                type="number"
                min={1}
                label={t(TARGET_LABELS[key])}
                name={key}
                value={form[key]}
                hint={durationHint(form[key])}
                disabled={!canManage}
                error={fieldError(err, key)}
                onChange={(e) => set(key, e.target.value)}
              />
            ))}
            <TextField
              type="number"
              min={0}
              label={t('serviceLevels.warnBeforeLabel')}
              hint={t('serviceLevels.warnBeforeHint')}
              name="warn_before_minutes"
              value={form.warn_before_minutes}
              disabled={!canManage}
              error={fieldError(err, 'warn_before_minutes')}
              onChange={(e) => set('warn_before_minutes', e.target.value)}
            />
          </div>
        </fieldset>
        <div className="form-actions">
          {canManage ? (
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : policy ? t('common.save') : t('serviceLevels.createPolicy')}
            </button>
          ) : null}
          <Link to={LIST} className="button">
            {t('serviceLevels.backToList')}
          </Link>
          {policy && canManage ? (
            <button type="button" className="button button-danger push-right" onClick={() => setConfirmDelete(true)}>
              {t('serviceLevels.deletePolicy')}
            </button>
          ) : null}
        </div>
      </form>
      {policy ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('serviceLevels.deletePolicyTitle', { name: policy.name })}
          confirmLabel={t('serviceLevels.deletePolicy')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate(LIST, { state: { flash: t('serviceLevels.policyDeletedFlash', { name: policy.name }) } }),
              onSettled: () => setConfirmDelete(false),
            })
          }
        >
          <p>{t('serviceLevels.deletePolicyBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
