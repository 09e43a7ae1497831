// The CRM Model Canvas of two periods side by side (A and B): every block's figures for both,
// and how B differs from A (percentage points for shares). Two GET /canvas/crm requests.
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../canvas.css';
import './compare.css';
import { formatDate } from '../../../i18n/format';
import { Loading, ProblemAlert } from '../../../ui/Alert';
import { TextField } from '../../../ui/fields';
import { PageHeader } from '../../../ui/Page';
import { useComparedCanvas } from './api';
import { figureLabel, figureText } from '../export/figureText';
import { compareCanvases, daysParam, defaultDays, parseDaysParam, periodOfDays, type BlockDiff } from './diff';
import { deltaText, direction } from './deltaText';

/** The costs block's money figures (cents) named without the "_cents" suffix (the others have it). */
const COSTS_MONEY = new Set(['total', 'time', 'messages', 'fixed']);

export function ComparePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // The periods live in the address too (?a=2026-01-01_2026-03-31&b=...), so a comparison can be shared.
  const [params, setParams] = useSearchParams();
  const initial = useMemo(() => defaultDays(Date.now()), []);
  const [a, setA] = useState<[string, string]>(() => parseDaysParam(params.get('a')) ?? initial.a);
  const [b, setB] = useState<[string, string]>(() => parseDaysParam(params.get('b')) ?? initial.b);
  const choose = (side: 'a' | 'b') => (days: [string, string]) => {
    (side === 'a' ? setA : setB)(days);
    if (periodOfDays(days[0], days[1]) === null) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(side, daysParam(days));
        return next;
      },
      { replace: true },
    );
  };
  const periodA = useMemo(() => periodOfDays(a[0], a[1]), [a]);
  const periodB = useMemo(() => periodOfDays(b[0], b[1]), [b]);
  const canvasA = useComparedCanvas(periodA);
  const canvasB = useComparedCanvas(periodB);
  const diffs = useMemo(
    () => (canvasA.data && canvasB.data ? compareCanvases(canvasA.data, canvasB.data) : null),
    [canvasA.data, canvasB.data],
  );
  // The cost model's currency (the costs block's facts) prices every money figure.
  const currency = canvasB.data?.blocks.costs?.facts.currency ?? canvasA.data?.blocks.costs?.facts.currency ?? null;
  const label = (p: { from: number; to: number } | null) =>
    p ? t('canvas.export.period', { from: formatDate(p.from, language), to: formatDate(p.to - 1, language) }) : t('canvas.none');

  return (
    <section className="canvas canvas-compare">
      <PageHeader
        title={t('canvas.compare.title')}
        description={t('canvas.compare.subtitle')}
        actions={
          <Link to="/canvas" className="button">
            {t('canvas.compare.back')}
          </Link>
        }
      />
      <div className="compare-periods">
        <PeriodFields side="a" value={a} onChange={choose('a')} valid={periodA !== null} />
        <PeriodFields side="b" value={b} onChange={choose('b')} valid={periodB !== null} />
      </div>
      {canvasA.isFetching || canvasB.isFetching ? <Loading /> : null}
      <ProblemAlert error={canvasA.error ?? canvasB.error} />
      {diffs ? (
        <div className="compare-blocks" data-testid="crm-compare">
          {diffs.map((d) => (
            <BlockTable
              key={d.block}
              diff={d}
              labelA={label(periodA)}
              labelB={label(periodB)}
              language={language}
              currency={currency}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function PeriodFields({
  side,
  value,
  onChange,
  valid,
}: {
  side: 'a' | 'b';
  value: [string, string];
  onChange: (v: [string, string]) => void;
  valid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="compare-period" data-period={side}>
      <legend>{t(`canvas.compare.period.${side}`)}</legend>
      <TextField
        label={t('canvas.compare.from')}
        name={`${side}_from`}
        type="date"
        value={value[0]}
        onChange={(e) => onChange([e.target.value, value[1]])}
        error={valid ? undefined : t('canvas.compare.invalid')}
      />
      <TextField
        label={t('canvas.compare.to')}
        name={`${side}_to`}
        type="date"
        value={value[1]}
        onChange={(e) => onChange([value[0], e.target.value])}
      />
    </fieldset>
  );
}

function BlockTable({
  diff,
  labelA,
  labelB,
  language,
  currency,
}: {
  diff: BlockDiff;
  labelA: string;
  labelB: string;
  language: string;
  currency: string | null;
}) {
  const { t } = useTranslation();
  // Read as its kind: the costs block's money figures named without "_cents" read as money too.
  const kindKey = (key: string) => (diff.block === 'costs' && COSTS_MONEY.has(key) ? `${key}_cents` : key);
  const value = (key: string, f: Parameters<typeof figureText>[1]) => figureText(kindKey(key), f, t, language, currency);
  const reason = diff.b?.reason ?? diff.a?.reason ?? null;
  return (
    <article className="canvas-block" data-block={diff.block} aria-labelledby={`compare-${diff.block}`}>
      <h3 id={`compare-${diff.block}`}>{t(`canvas.blocks.${diff.block}`)}</h3>
      {reason ? <p className="canvas-reason">{t(`canvas.reasons.${reason}`, { defaultValue: reason })}</p> : null}
      {diff.figures.length === 0 && !reason ? <p className="muted">{t('canvas.compare.noFigures')}</p> : null}
      {diff.figures.length > 0 ? (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('canvas.compare.figure')}</th>
              <th scope="col">
                {t('canvas.compare.period.a')}
                <span className="compare-range">{labelA}</span>
              </th>
              <th scope="col">
                {t('canvas.compare.period.b')}
                <span className="compare-range">{labelB}</span>
              </th>
              <th scope="col">{t('canvas.compare.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.figures.map((f) => (
              <tr key={f.key} data-figure={f.key}>
                <th scope="row">{figureLabel(f.key, t)}</th>
                <td data-side="a">{value(f.key, f.a)}</td>
                <td data-side="b">{value(f.key, f.b)}</td>
                <td data-side="delta" className={`compare-delta ${direction(f) ?? 'none'}`}>
                  {deltaText({ ...f, key: kindKey(f.key) }, t, language, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
