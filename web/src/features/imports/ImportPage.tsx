// The CSV import wizard: upload a file of companies or people → see what was detected (encoding,
// delimiter) and a preview → map the columns (the server's suggestions, each editable or
// ignored), give rows without a country a default one and fields a value for every row, say what kind of data it is and where it comes from, and how rows match existing
// records → dry run: every bad row and why → start, then follow the progress (its own page, so a
// reload keeps it) and download the rejected rows.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { CheckboxField, SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { useSession } from '../../auth/session';
import { useCustomFields } from '../customers/api';
import { fieldLabel } from '../customers/display';
import { builtInFields, COUNTRY_CODES, ENTITIES, FIRST_COUNTRIES } from '../customers/schema';
import { DATA_KINDS, type DataKind, type Entity } from '../customers/types';
import { ReasonList, RejectedRows } from './RejectedRows';
import {
  FINISHED,
  importedRecordsPath,
  upsertKeys,
  type UpsertKey,
  useCancelImport,
  useDryRun,
  useImportJob,
  useStartImport,
  useUpload,
  type DryRun,
  type ImportMappingWrite,
  type ImportUpload,
  type RejectedRow,
} from './api';

const STEPS = ['upload', 'map', 'check', 'run'] as const;
type Step = (typeof STEPS)[number];

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="wizard-steps" aria-label={t('imports.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li key={s} className={i === at ? 'is-current' : i < at ? 'is-done' : ''} aria-current={i === at ? 'step' : undefined}>
          <span className="wizard-step-n" aria-hidden="true">
            {i < at ? <Icon name="check" size={14} /> : i + 1}
          </span>
          <span>{t(`imports.steps.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Moves focus to the step's heading when the step changes (as a new page would). */
function useStepFocus(step: Step) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}

/** Rows with their reasons (the rejected and the flagged rows of a dry run). */
function RowsTable({ rows, caption, testId }: { rows: RejectedRow[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table responsive rejected-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.row')}</th>
            <th scope="col">{t('imports.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <th scope="row" data-label={t('imports.row')} className="nowrap">
                {t('imports.rowLine', { row: r.row, line: r.line })}
              </th>
              <td data-label={t('imports.reasons')}>
                <ReasonList row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportWizardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState<Step>('upload');
  const headingRef = useStepFocus(step);
  const [entity, setEntity] = useState<Entity>('person');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportUpload | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [dataKind, setDataKind] = useState<DataKind>('first_party');
  const [label, setLabel] = useState('');
  const [matchOn, setMatchOn] = useState<UpsertKey[] | null>(null);
  const [flagInvalid, setFlagInvalid] = useState(false);
  const [defaultCountry, setDefaultCountry] = useState('');
  const [constants, setConstants] = useState<{ target: string; value: string }[]>([]);
  const me = useSession();
  const isAdmin = me.role === 'owner' || me.role === 'admin';
  const [report, setReport] = useState<DryRun | null>(null);
  const upload = useUpload();
  const dryRun = useDryRun(job?.id ?? '');
  useFocusFirstInvalid(formRef, dryRun.error);
  const start = useStartImport(job?.id ?? '');
  const jobEntity = job?.entity ?? entity;
  const customFields = useCustomFields(jobEntity);

  const targetOptions = useMemo(() => {
    const defs = customFields.data ?? [];
    const opts = builtInFields(jobEntity).map((f) => ({ value: f.name, label: fieldLabel(jobEntity, f.name, defs, t) }));
    if (jobEntity === 'person') opts.splice(2, 0, { value: 'full_name', label: t('imports.fullName') });
    opts.push({ value: 'tags', label: t('customers.tags') });
    for (const d of defs) opts.push({ value: `custom.${d.key}`, label: d.label });
    return [{ value: '', label: t('imports.ignore') }, ...opts];
  }, [customFields.data, jobEntity, t]);

  const countryOptions = useMemo(() => {
    const option = (c: string) => ({ value: c, label: `${fmt.country(c)} (${c})` });
    const rest = COUNTRY_CODES.filter((c) => !FIRST_COUNTRIES.includes(c))
      .map(option)
      .sort((a, b) => a.label.localeCompare(b.label));
    return [
      { value: '', label: t('imports.noDefaultCountry') },
      ...FIRST_COUNTRIES.map(option),
      { value: '—', label: '──────────', disabled: true },
      ...rest,
    ];
  }, [fmt, t]);

  const keys = upsertKeys(jobEntity);
  const mapped = new Set(targets.filter(Boolean));
  // The server's default: every upsert key some column fills.
  const effectiveMatchOn = matchOn ?? keys.filter((k) => mapped.has(k));

  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate(
      { entity, file },
      {
        onSuccess: (j) => {
          setJob(j);
          setTargets(j.header.map((_, i) => j.suggestions.find((s) => s.column === i)?.field ?? ''));
          setLabel(j.filename);
          setMatchOn(null);
          setDefaultCountry('');
          setConstants([]);
          setReport(null);
          setStep('map');
        },
      },
    );
  };

  const mapping = (): ImportMappingWrite => {
    const columns: Record<string, string> = {};
    targets.forEach((target, i) => {
      if (target) columns[String(i)] = target;
    });
    const fixed: Record<string, string> = {};
    for (const c of constants) {
      if (c.target && c.value.trim()) fixed[c.target] = c.value.trim();
    }
    return {
      columns,
      source: { data_kind: dataKind, ...(label.trim() ? { label: label.trim() } : {}) },
      ...(matchOn !== null ? { match_on: effectiveMatchOn } : {}),
      invalid_values: flagInvalid ? 'flag' : 'reject',
      constants: fixed,
      default_country: defaultCountry || null,
    };
  };

  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    dryRun.mutate(mapping(), {
      onSuccess: (r) => {
        setReport(r);
        setStep('check');
      },
    });
  };

  const onStart = () => {
    if (!job) return;
    start.mutate(undefined, { onSuccess: () => navigate(`/import/${encodeURIComponent(job.id)}`) });
  };

  const mapErr = dryRun.error;
  const shownFields = [
    ...targets.map((_, i) => `columns.${i}`),
    'source.data_kind',
    'source.label',
    'default_country',
    ...constants.map((c) => `constants.${c.target}`),
  ];
  const setConstant = (i: number, change: Partial<{ target: string; value: string }>) =>
    setConstants((list) => list.map((c, j) => (j === i ? { ...c, ...change } : c)));

  return (
    <section>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description')}
        actions={
          <Link to="/imports" className="button">
            {t('imports.history.link')}
          </Link>
        }
      />
      <Steps current={step} />

      {step === 'upload' ? (
        <form className="form card" onSubmit={onUpload} noValidate>
          <h2 ref={headingRef} tabIndex={-1} className="section-title">
            {t('imports.uploadTitle')}
          </h2>
          <div aria-live="polite">{upload.isError ? <ProblemAlert error={upload.error} /> : null}</div>
          <SelectField
            label={t('imports.entity')}
            name="entity"
            value={entity}
            onChange={(e) => setEntity(e.target.value as Entity)}
            options={(['person', 'company'] as const).map((x) => ({ value: x, label: t(`imports.entities.${x}`) }))}
          />
          <TextField
            label={t('imports.file')}
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            required
            hint={t('imports.fileHint')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>
              <Icon name="upload" size={18} />
              {upload.isPending ? t('imports.uploading') : t('imports.upload')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'map' && job ? (
        <form ref={formRef} className="form" onSubmit={onCheck} noValidate>
          <h2 ref={headingRef} tabIndex={-1} className="section-title">
            {t('imports.mapTitle')}
          </h2>
          <dl className="facts import-detected">
            <div className="fact-row">
              <dt>{t('imports.fileName')}</dt>
              <dd>{job.filename}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.rows')}</dt>
              <dd>{fmt.number(job.rows_total)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.encoding')}</dt>
              <dd>
                <strong className="detected-encoding">{job.encoding}</strong>
                {job.encoding_reason ? <span className="cell-note">{job.encoding_reason}</span> : null}
              </dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.delimiter')}</dt>
              <dd>
                <strong className="detected-delimiter">
                  {t(`imports.delimiters.${job.delimiter_name.replace(/ /g, '_')}`, { defaultValue: job.delimiter_name })} (
                  <code>{job.delimiter === '\t' ? '\\t' : job.delimiter}</code>)
                </strong>
                {job.delimiter_reason ? <span className="cell-note">{job.delimiter_reason}</span> : null}
              </dd>
            </div>
          </dl>
          <h3>{t('imports.preview')}</h3>
          <div className="table-wrap preview-wrap" tabIndex={0} aria-label={t('imports.preview')}>
            <table className="table preview-table">
              <caption className="visually-hidden">{t('imports.preview')}</caption>
              <thead>
                <tr>
                  {job.header.map((h, i) => (
                    <th scope="col" key={i}>
                      {h || t('imports.columnN', { n: i + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {job.sample_rows.slice(0, 5).map((row, r) => (
                  <tr key={r}>
                    {job.header.map((_, i) => (
                      <td key={i}>{row[i] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div aria-live="polite">{mapErr ? <ProblemAlert error={mapErr} fields={shownFields} /> : null}</div>
          <fieldset className="fieldset">
            <legend>{t('imports.columnsLegend')}</legend>
            <p className="field-hint">{t('imports.columnsHint')}</p>
            <ul className="mapping-list">
              {job.header.map((h, i) => {
                const name = h || t('imports.columnN', { n: i + 1 });
                const sample = job.sample_rows.map((r) => r[i]).find((v) => v);
                const suggested = job.suggestions.find((s) => s.column === i)?.field;
                return (
                  <li key={i} className="mapping-row">
                    <SelectField
                      className="compact"
                      label={t('imports.mapColumn', { column: name })}
                      name={`column-${i}`}
                      value={targets[i] ?? ''}
                      error={fieldError(mapErr, `columns.${i}`)}
                      hint={
                        <>
                          {sample ? t('imports.example', { value: sample }) : t('imports.noExample')}
                          {suggested ? ` · ${t('imports.suggested')}` : ''}
                        </>
                      }
                      onChange={(e) => setTargets((list) => list.map((v, j) => (j === i ? e.target.value : v)))}
                      options={targetOptions}
                    />
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('imports.everyRowLegend')}</legend>
            <p className="field-hint">{t('imports.everyRowHint')}</p>
            <SelectField
              label={t('imports.defaultCountry')}
              name="default_country"
              value={defaultCountry}
              hint={t('imports.defaultCountryHint')}
              error={fieldError(mapErr, 'default_country')}
              onChange={(e) => setDefaultCountry(e.target.value)}
              options={countryOptions}
            />
            {constants.length === 0 ? <p className="muted small">{t('imports.noConstants')}</p> : null}
            <ul className="constant-list">
              {constants.map((c, i) => (
                <li key={i} className="constant-row">
                  <SelectField
                    className="compact"
                    label={t('imports.constantField')}
                    name={`constant-field-${i}`}
                    value={c.target}
                    onChange={(e) => setConstant(i, { target: e.target.value })}
                    options={targetOptions.map((o) =>
                      o.value === ''
                        ? { value: '', label: t('customers.choose') }
                        : { ...o, disabled: o.value !== c.target && constants.some((x) => x.target === o.value) },
                    )}
                  />
                  <TextField
                    className="compact"
                    label={t('imports.constantValue')}
                    name={`constant-value-${i}`}
                    value={c.value}
                    maxLength={1000}
                    hint={t('imports.constantValueHint')}
                    error={c.target ? fieldError(mapErr, `constants.${c.target}`) : undefined}
                    onChange={(e) => setConstant(i, { value: e.target.value })}
                  />
                  <button
                    type="button"
                    className="icon-button small-icon-button"
                    onClick={() => setConstants((list) => list.filter((_, j) => j !== i))}
                  >
                    <Icon name="trash" size={16} />
                    <span className="visually-hidden">{t('imports.removeConstant')}</span>
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button-small"
              onClick={() => setConstants((list) => [...list, { target: '', value: '' }])}
            >
              <Icon name="plus" size={16} />
              {t('imports.addConstant')}
            </button>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('imports.sourceLegend')}</legend>
            <div className="form-grid">
              <SelectField
                label={t('customers.dataKind')}
                name="data_kind"
                value={dataKind}
                hint={t(`provenance.kindsDescribe.${dataKind}`)}
                error={fieldError(mapErr, 'source.data_kind')}
                onChange={(e) => setDataKind(e.target.value as DataKind)}
                options={DATA_KINDS.map((k) => ({ value: k, label: t(`provenance.kinds.${k}`) }))}
              />
              <TextField
                label={t('imports.sourceName')}
                name="source_label"
                maxLength={200}
                value={label}
                hint={t('imports.sourceNameHint')}
                error={fieldError(mapErr, 'source.label')}
                onChange={(e) => setLabel(e.target.value)}
              />
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('imports.matchLegend')}</legend>
            <p className="field-hint">{t('imports.matchHint')}</p>
            {keys.map((k) => (
              <CheckboxField
                key={k}
                label={fieldLabel(jobEntity, k, [], t)}
                name={`match-${k}`}
                checked={effectiveMatchOn.includes(k)}
                disabled={!mapped.has(k)}
                hint={!mapped.has(k) ? t('imports.notMapped') : undefined}
                onChange={(e) =>
                  setMatchOn(e.target.checked ? [...effectiveMatchOn, k] : effectiveMatchOn.filter((x) => x !== k))
                }
              />
            ))}
            {effectiveMatchOn.length === 0 ? <p className="muted small">{t('imports.noMatching')}</p> : null}
          </fieldset>
          {isAdmin ? (
            <fieldset className="fieldset">
              <legend>{t('imports.invalidLegend')}</legend>
              <CheckboxField
                label={t('imports.flagInvalid')}
                name="flag-invalid"
                checked={flagInvalid}
                hint={t('imports.flagInvalidHint')}
                onChange={(e) => setFlagInvalid(e.target.checked)}
              />
            </fieldset>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={dryRun.isPending}>
              {dryRun.isPending ? t('imports.checking') : t('imports.check')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setStep('upload');
                setJob(null);
              }}
            >
              {t('imports.otherFile')}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'check' && job && report ? (
        <div className="form">
          <h2 ref={headingRef} tabIndex={-1} className="section-title">
            {t('imports.checkTitle')}
          </h2>
          <dl className="facts dry-run-summary">
            <div className="fact-row">
              <dt>{t('imports.rows')}</dt>
              <dd>{fmt.number(report.rows_total)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.wouldCreate')}</dt>
              <dd data-testid="would-create">{fmt.number(report.would_create)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.wouldUpdate')}</dt>
              <dd>{fmt.number(report.would_update)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.unchanged')}</dt>
              <dd>{fmt.number(report.unchanged)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.rejected')}</dt>
              <dd data-testid="would-reject">{fmt.number(report.rejected)}</dd>
            </div>
            <div className="fact-row">
              <dt>{t('imports.flagged')}</dt>
              <dd data-testid="would-flag">{fmt.number(report.flagged)}</dd>
            </div>
          </dl>
          {report.rejected === 0 ? (
            <Alert tone="success">{t('imports.allGood')}</Alert>
          ) : (
            <>
              <Alert tone="warning">{t('imports.badRows', fmt.count(report.rejected))}</Alert>
              <RowsTable rows={report.rejected_rows} caption={t('imports.rejectedCaption')} testId="rejected-rows" />
              {report.rejected_rows_truncated ? <p className="muted small">{t('imports.truncated')}</p> : null}
            </>
          )}
          {report.flagged > 0 ? (
            <>
              <Alert tone="warning">{t('imports.flaggedRows', fmt.count(report.flagged))}</Alert>
              <RowsTable rows={report.flagged_rows} caption={t('imports.flaggedCaption')} testId="flagged-rows" />
              {report.flagged_rows_truncated ? <p className="muted small">{t('imports.truncated')}</p> : null}
            </>
          ) : null}
          <div aria-live="polite">{start.isError ? <ProblemAlert error={start.error} /> : null}</div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onStart} disabled={start.isPending}>
              {t('imports.start')}
            </button>
            <button type="button" className="button" onClick={() => setStep('map')}>
              {t('imports.backToMapping')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

export function ImportProgressPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const job = useImportJob(id);
  const cancel = useCancelImport(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const j = job.data;
  const finished = !!j && FINISHED.includes(j.status);
  useEffect(() => {
    if (finished) headingRef.current?.focus();
  }, [finished]);

  if (job.isPending) return <Loading />;
  if (job.isError || !j)
    return (
      <section>
        <PageHeader title={t('imports.title')} />
        <ProblemAlert error={job.error} />
        <Link to="/import" className="button">
          {t('imports.another')}
        </Link>
      </section>
    );
  const percent = Math.max(0, Math.min(100, j.percent));
  const list = `/${ENTITIES[j.entity].path}`;
  return (
    <section>
      <PageHeader title={t('imports.progressTitle', { file: j.filename })} description={t(`imports.entities.${j.entity}`)} />
      <Steps current="run" />
      <div className="card import-progress">
        <h2 ref={headingRef} tabIndex={-1} className="section-title">
          {t(`imports.status.${j.status}`)}
        </h2>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('imports.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t('imports.percent', { n: fmt.number(percent) })}
        >
          <span className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
        <p className="progress-text" aria-live="polite">
          <span className="progress-percent">{t('imports.percent', { n: fmt.number(percent) })}</span> ·{' '}
          {t('imports.rowsDone', { count: j.rows_total, done: fmt.number(j.rows_done), total: fmt.number(j.rows_total) })}
        </p>
        <dl className="facts import-counts">
          <div className="fact-row">
            <dt>{t('imports.imported')}</dt>
            <dd data-testid="imported">{fmt.number(j.created + j.updated)}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('imports.created')}</dt>
            <dd>{fmt.number(j.created)}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('imports.updated')}</dt>
            <dd>{fmt.number(j.updated)}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('imports.unchanged')}</dt>
            <dd>{fmt.number(j.unchanged)}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('imports.rejected')}</dt>
            <dd data-testid="rejected">{fmt.number(j.rejected)}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('imports.flagged')}</dt>
            <dd data-testid="flagged">{fmt.number(j.flagged)}</dd>
          </div>
        </dl>
        {j.status === 'completed' ? <Alert tone="success">{t('imports.done')}</Alert> : null}
        {j.status === 'failed' ? <Alert tone="error">{t('imports.failed', { detail: j.error ?? '' })}</Alert> : null}
        {j.status === 'cancelled' ? <Alert tone="info">{t('imports.cancelled')}</Alert> : null}
        {cancel.isError ? <ProblemAlert error={cancel.error} /> : null}
        <div className="form-actions">
          {!finished ? (
            <button type="button" className="button button-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
              {t('imports.cancel')}
            </button>
          ) : null}
          {finished && j.created + j.updated > 0 ? (
            <Link to={importedRecordsPath(list, j.id)} className="button button-primary" data-testid="see-imported">
              {t(`imports.seeImported.${j.entity}`, fmt.count(j.created + j.updated))}
            </Link>
          ) : null}
          {finished ? (
            <>
              <Link to={list} className="button">
                {t(`imports.see.${j.entity}`)}
              </Link>
              <Link to="/import" className="button">
                {t('imports.another')}
              </Link>
              <Link to="/imports" className="button">
                {t('imports.history.link')}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      {finished ? <RejectedRows job={j} /> : null}
    </section>
  );
}
