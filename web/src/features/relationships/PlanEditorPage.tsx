import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { atLeast } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { CheckboxField, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { useAllTeams } from '../teams/api';
import { useMotivationHistory, usePlan, useSavePlan, useVersions, type Plan } from './api';
import {
  addEntry,
  addTarget,
  availableTypes,
  CHANNELS,
  isDirty,
  MEASURES,
  METRICS,
  MOTIVATIONS,
  removeEntry,
  removeTarget,
  toDraft,
  toggleChannel,
  toInput,
  updateEntry,
  updateTarget,
  type EntryDraft,
  type Metric,
  type RelationshipType,
} from './editor';
import { EntryView } from './EntryView';
import './relationships.css';

const UNITS: Record<Metric, string> = {
  first_response_business_hours: 'business_hours',
  resolution_business_hours: 'business_hours',
  csat_average: 'score_1_5',
  nps: 'nps',
  owner_coverage_share: 'percent',
  contact_interval_days: 'days',
  retention_rate: 'percent',
  interactions_per_customer: 'count',
  sla_compliance_share: 'percent',
};

export function PlanEditorPage() {
  const { segmentId = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(segmentId);
  // Kept here: a save reloads the plan, and the editor starts again from the new version.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.isError)
    return (
      <section>
        <PageHeader title={t('relationships.title')} />
        <ProblemAlert error={plan.error} />
        <Link to="/relationship-plans" className="button">
          {t('relationships.backToList')}
        </Link>
      </section>
    );
  // A new version (saved here or elsewhere and reloaded) starts a fresh draft.
  return (
    <PlanEditor
      key={`${plan.data.segment_id}-${plan.data.version}`}
      plan={plan.data}
      justSaved={savedVersion === plan.data.version}
      onSaved={setSavedVersion}
      onReload={() => plan.refetch()}
    />
  );
}

function PlanEditor({
  plan,
  justSaved,
  onSaved,
  onReload,
}: {
  plan: Plan;
  justSaved: boolean;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const canManage = atLeast(me?.role, 'manager');
  const teams = useAllTeams();
  const save = useSavePlan(plan.segment_id, (v) => onSaved(v.version));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const [draft, setDraft] = useState<EntryDraft[]>(() => toDraft(plan.entries));
  const [comment, setComment] = useState('');
  const [typeToAdd, setTypeToAdd] = useState<RelationshipType | ''>('');
  const err = save.error;
  const stale = isApiError(err) && err.status === 409;
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? id;
  const change = (next: EntryDraft[]) => setDraft(next);
  const at = (i: number, rest: string) => fieldError(err, `entries.${i}.${rest}`);
  const free = availableTypes(draft);
  const chosenType = typeToAdd && free.includes(typeToAdd) ? typeToAdd : (free[0] ?? '');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toInput(draft, plan.version, comment));
  };

  return (
    <section>
      <PageHeader
        title={t('relationships.planOf', { segment: plan.segment.name })}
        description={
          plan.version === 0
            ? t('relationships.noPlanYet')
            : t('relationships.currentVersion', {
                version: fmt.number(plan.version),
                date: fmt.dateTime(plan.created_at),
                author: plan.author_label,
              })
        }
      />
      <div aria-live="polite">
        {justSaved ? (
          <Alert tone="success">{t('relationships.savedVersion', { version: fmt.number(plan.version) })}</Alert>
        ) : null}
      </div>
      {!canManage ? (
        <>
          <Alert tone="info">{t('relationships.readOnly')}</Alert>
          {plan.entries.length === 0 ? <p>{t('relationships.noEntries')}</p> : null}
          {plan.entries.map((entry) => (
            <EntryView key={entry.relationship_type} entry={entry} teamName={teamName} />
          ))}
        </>
      ) : (
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label={t('relationships.editor')}>
          <div aria-live="polite">
            {err ? <ProblemAlert error={err} fields={fieldsShown(draft)} /> : null}
            {stale ? (
              <Alert tone="warning">
                <p>{t('relationships.staleHint')}</p>
                <button type="button" className="button" onClick={onReload}>
                  {t('relationships.reload')}
                </button>
              </Alert>
            ) : null}
          </div>
          {draft.length === 0 ? <p>{t('relationships.noEntries')}</p> : null}
          {draft.map((entry, i) => (
            <fieldset key={entry.relationship_type} className="fieldset" data-entry={entry.relationship_type}>
              <legend>{t(`relationships.types.${entry.relationship_type}`)}</legend>
              <div className="form-grid">
                <SelectField
                  label={t('relationships.motivation')}
                  name={`entries.${i}.motivation`}
                  value={entry.motivation}
                  error={at(i, 'motivation')}
                  onChange={(e) => change(updateEntry(draft, i, { motivation: e.target.value as EntryDraft['motivation'] }))}
                  options={MOTIVATIONS.map((m) => ({ value: m, label: t(`relationships.motivations.${m}`) }))}
                />
                <SelectField
                  label={t('relationships.team')}
                  name={`entries.${i}.team_id`}
                  value={entry.team_id}
                  error={at(i, 'team_id')}
                  onChange={(e) => change(updateEntry(draft, i, { team_id: e.target.value }))}
                  options={[
                    { value: '', label: t('relationships.noTeam') },
                    ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
                    ...(entry.team_id && !teams.data?.some((team) => team.id === entry.team_id)
                      ? [{ value: entry.team_id, label: entry.team_id }]
                      : []),
                  ]}
                />
              </div>
              <fieldset className="fieldset">
                <legend>{t('relationships.channels')}</legend>
                <div className="plan-channels">
                  {CHANNELS.map((c) => (
                    <CheckboxField
                      key={c}
                      label={t(`relationships.channelNames.${c}`)}
                      name={`entries.${i}.channels.${c}`}
                      checked={entry.channels.includes(c)}
                      onChange={() => change(updateEntry(draft, i, toggleChannel(entry, c)))}
                    />
                  ))}
                </div>
                {fieldError(err, `entries.${i}.channels`) ? (
                  <p className="field-error">{fieldError(err, `entries.${i}.channels`)}</p>
                ) : null}
              </fieldset>
              <TextAreaField
                label={t('relationships.note')}
                hint={t('relationships.noteHint')}
                name={`entries.${i}.note`}
                value={entry.note}
                rows={3}
                error={at(i, 'note')}
                onChange={(e) => change(updateEntry(draft, i, { note: e.target.value }))}
              />
              <fieldset className="fieldset">
                <legend>{t('relationships.targets')}</legend>
                {entry.targets.map((target, j) => (
                  <div key={j} className="form-grid" data-target={target.metric}>
                    <SelectField
                      label={t('relationships.metric')}
                      name={`entries.${i}.targets.${j}.metric`}
                      value={target.metric}
                      error={at(i, `targets.${j}.metric`)}
                      onChange={(e) =>
                        change(updateEntry(draft, i, updateTarget(entry, j, { metric: e.target.value as Metric })))
                      }
                      options={METRICS.map((m) => ({ value: m, label: t(`relationships.metrics.${m}`) }))}
                    />
                    <SelectField
                      label={t('relationships.comparator')}
                      name={`entries.${i}.targets.${j}.comparator`}
                      value={target.comparator}
                      error={at(i, `targets.${j}.comparator`)}
                      onChange={(e) =>
                        change(
                          updateEntry(draft, i, updateTarget(entry, j, { comparator: e.target.value as 'at_most' | 'at_least' })),
                        )
                      }
                      options={(['at_least', 'at_most'] as const).map((c) => ({
                        value: c,
                        label: t(`relationships.comparators.${c}`),
                      }))}
                    />
                    <TextField
                      label={t('relationships.targetValue')}
                      name={`entries.${i}.targets.${j}.value`}
                      inputMode="decimal"
                      value={target.value}
                      hint={t(`relationships.units.${UNITS[target.metric]}`)}
                      error={at(i, `targets.${j}.value`) ?? at(i, `targets.${j}.unit`)}
                      onChange={(e) => change(updateEntry(draft, i, updateTarget(entry, j, { value: e.target.value })))}
                    />
                    <button
                      type="button"
                      className="button button-small plan-row-button"
                      onClick={() => change(updateEntry(draft, i, removeTarget(entry, j)))}
                    >
                      {t('relationships.removeTarget')}
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => change(updateEntry(draft, i, addTarget(entry, METRICS[0])))}
                >
                  {t('relationships.addTarget')}
                </button>
              </fieldset>
              <div className="form-grid">
                <SelectField
                  label={t('relationships.threshold')}
                  hint={t('relationships.thresholdHint')}
                  name={`entries.${i}.threshold.measure`}
                  value={entry.measure}
                  error={at(i, 'threshold.measure')}
                  onChange={(e) => change(updateEntry(draft, i, { measure: e.target.value as EntryDraft['measure'] }))}
                  options={MEASURES.map((m) => ({ value: m, label: t(`relationships.measures.${m}`) }))}
                />
                <TextField
                  label={t('relationships.thresholdValue')}
                  name={`entries.${i}.threshold.value`}
                  inputMode="decimal"
                  value={entry.threshold}
                  error={at(i, 'threshold.value')}
                  onChange={(e) => change(updateEntry(draft, i, { threshold: e.target.value }))}
                />
              </div>
              <button type="button" className="button button-danger" onClick={() => change(removeEntry(draft, i))}>
                {t('relationships.removeEntry', { type: t(`relationships.types.${entry.relationship_type}`) })}
              </button>
            </fieldset>
          ))}
          {free.length > 0 ? (
            <div className="form-grid">
              <SelectField
                label={t('relationships.typeToAdd')}
                name="type_to_add"
                value={chosenType}
                onChange={(e) => setTypeToAdd(e.target.value as RelationshipType)}
                options={free.map((type) => ({ value: type, label: t(`relationships.types.${type}`) }))}
              />
              <button
                type="button"
                className="button plan-row-button"
                onClick={() => chosenType && change(addEntry(draft, chosenType))}
              >
                {t('relationships.addEntry')}
              </button>
            </div>
          ) : null}
          <TextField
            label={t('relationships.comment')}
            hint={t('relationships.commentHint')}
            name="comment"
            value={comment}
            error={fieldError(err, 'comment')}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending || !isDirty(draft, plan.entries)}>
              {save.isPending ? t('common.saving') : t('relationships.saveVersion')}
            </button>
            <Link to="/relationship-plans" className="button">
              {t('relationships.backToList')}
            </Link>
          </div>
        </form>
      )}
      <VersionHistory segmentId={plan.segment_id} />
      <MotivationHistoryView segmentId={plan.segment_id} />
    </section>
  );
}

/** The pointers of every field the form shows, so the summary repeats only the others. */
function fieldsShown(draft: EntryDraft[]): string[] {
  const out = ['comment'];
  draft.forEach((entry, i) => {
    for (const f of ['motivation', 'team_id', 'note', 'channels', 'threshold.measure', 'threshold.value'])
      out.push(`entries.${i}.${f}`);
    entry.targets.forEach((_, j) => {
      for (const f of ['metric', 'comparator', 'value', 'unit']) out.push(`entries.${i}.targets.${j}.${f}`);
    });
  });
  return out;
}

function VersionHistory({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const versions = useVersions(segmentId);
  return (
    <section aria-labelledby="plan-versions">
      <h2 id="plan-versions">{t('relationships.versions')}</h2>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ProblemAlert error={versions.error} /> : null}
      {versions.data && versions.data.length === 0 ? <p className="muted">{t('relationships.noVersions')}</p> : null}
      {versions.data && versions.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="plan-versions">
            <caption className="visually-hidden">{t('relationships.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('relationships.version')}</th>
                <th scope="col">{t('relationships.savedAt')}</th>
                <th scope="col">{t('relationships.author')}</th>
                <th scope="col">{t('relationships.comment')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...versions.data].reverse().map((v) => (
                <tr key={v.version}>
                  <th scope="row" data-label={t('relationships.version')}>
                    {fmt.number(v.version)}
                  </th>
                  <td data-label={t('relationships.savedAt')}>{fmt.dateTime(v.created_at)}</td>
                  <td data-label={t('relationships.author')}>{v.author_label}</td>
                  <td data-label={t('relationships.comment')}>{v.comment || '—'}</td>
                  <td className="actions-cell">
                    <Link to={`/relationship-plans/${segmentId}/versions/${v.version}`} className="button button-small">
                      {t('relationships.viewVersion', { version: fmt.number(v.version) })}
                    </Link>
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

function MotivationHistoryView({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useMotivationHistory(segmentId);
  return (
    <section aria-labelledby="plan-motivations">
      <h2 id="plan-motivations">{t('relationships.motivationHistory')}</h2>
      <p className="muted">{t('relationships.motivationHistoryHint')}</p>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ProblemAlert error={history.error} /> : null}
      {history.data?.map((h) => (
        <article key={h.relationship_type} className="card" data-motivations={h.relationship_type}>
          <h3>{t(`relationships.types.${h.relationship_type}`)}</h3>
          <ol>
            {h.changes.map((c) => (
              <li key={c.version}>
                {fmt.date(c.changed_at)} ({t('relationships.versionShort', { version: fmt.number(c.version) })}):{' '}
                <strong>
                  {c.planned && c.motivation
                    ? t(`relationships.motivations.${c.motivation}`)
                    : t('relationships.removedFromPlan')}
                </strong>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}
