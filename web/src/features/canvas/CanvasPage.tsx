// The CRM Model Canvas, computed from the workspace: nine blocks laid out as the canvas, every
// figure a link to what it counts, charts where a picture reads faster, a period picker, and a
// segment's established measures per relationship type beside it.
import { createContext, lazy, Suspense, useContext, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import './canvas.css';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useCrmCanvas, useEstablished, type Period } from './api';
import { durationParts, entries, figureHref, figureKind, periodOf, valueOf } from './canvas';
import type { Point } from './Chart';
import { crmCanvasSvg } from './export/crmCanvasSvg';
import { ExportMenu } from './export/ExportMenu';

// The chart library comes in its own chunk, after the figures: they never wait for it.
const PieFigure = lazy(() => import('./Chart').then((m) => ({ default: m.PieFigure })));
const BarFigure = lazy(() => import('./Chart').then((m) => ({ default: m.BarFigure })));
const LineFigure = lazy(() => import('./Chart').then((m) => ({ default: m.LineFigure })));
import {
  BLOCKS,
  PERIODS,
  RELATIONSHIP_TYPES,
  type BlockName,
  type CanvasFigure,
  type CanvasSection,
  type CrmCanvas,
  type PeriodDays,
} from './types';

// The currency of the cost model, for the figures kept in cents (the costs block's facts).
const CurrencyContext = createContext<string | null>(null);

export function CanvasPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<PeriodDays>(90);
  // The period is fixed when chosen, so the queries keep their keys between renders.
  const period = useMemo(() => periodOf(days, Date.now()), [days]);
  const canvas = useCrmCanvas(period);
  return (
    <section className="canvas canvas-printable">
      <PageHeader
        title={t('canvas.title')}
        description={t('canvas.subtitle')}
        actions={
          <>
            <Link to="/canvas/relationships" className="button">
              {t('canvas.relationships.openBlock')}
            </Link>
            <Link to="/canvas/compare" className="button">
              {t('canvas.compare.open')}
            </Link>
            {canvas.data ? <CanvasExports canvas={canvas.data} /> : null}
          </>
        }
      />
      <div className="form-grid">
        <SelectField
          label={t('canvas.period')}
          name="period"
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value) as PeriodDays)}
          options={PERIODS.map((d) => ({ value: String(d), label: t('canvas.lastDays', { count: d }) }))}
        />
      </div>
      {canvas.isPending ? <Loading /> : null}
      <ProblemAlert error={canvas.error} />
      {canvas.data ? (
        <>
          <CurrencyContext.Provider value={canvas.data.blocks.costs?.facts?.currency ?? null}>
            <div className="canvas-grid" data-testid="crm-canvas">
              {BLOCKS.map((name) => (
                <Block key={name} name={name} section={canvas.data.blocks[name]} canvas={canvas.data} />
              ))}
            </div>
          </CurrencyContext.Provider>
          <EstablishedPanel canvas={canvas.data} period={period} />
        </>
      ) : null}
    </section>
  );
}

function CanvasExports({ canvas }: { canvas: CrmCanvas }) {
  const { t, i18n } = useTranslation();
  return (
    <ExportMenu filename="crm-canvas" data={canvas} svg={() => crmCanvasSvg(canvas, t, i18n.resolvedLanguage ?? i18n.language)} />
  );
}

function useFigureText() {
  const { t } = useTranslation();
  const f = useFormat();
  const currency = useContext(CurrencyContext);
  return (key: string, figure: CanvasFigure | undefined): string => {
    if (!figure) return t('canvas.none');
    if (figure.value === null || figure.value === undefined) {
      return t(`canvas.reasons.${figure.reason ?? 'no_data'}`, { defaultValue: t('canvas.none') });
    }
    const v = figure.value;
    switch (figureKind(key)) {
      case 'share':
        return new Intl.NumberFormat(f.language, { style: 'percent', maximumFractionDigits: 1 }).format(v);
      case 'decimal':
        return new Intl.NumberFormat(f.language, { maximumFractionDigits: 2 }).format(v);
      case 'time':
        return f.dateTime(v);
      case 'money':
        return currency
          ? new Intl.NumberFormat(f.language, { style: 'currency', currency }).format(v / 100)
          : new Intl.NumberFormat(f.language, { minimumFractionDigits: 2 }).format(v / 100);
      case 'flag':
        return v ? t('canvas.yes') : t('canvas.no');
      case 'duration': {
        const { unit, value } = durationParts(v);
        return t(`canvas.units.${unit}`, { count: value, n: f.number(value) });
      }
      default:
        return f.number(v);
    }
  };
}

/** One figure: its label and its value, the value a link to what it counts. */
function FigureItem({ name, figure }: { name: string; figure: CanvasFigure | undefined }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const href = figureHref(figure?.link);
  const missing = figure?.value === null || figure?.value === undefined;
  const value = text(name, figure);
  return (
    <div className="canvas-figure" data-figure={name}>
      <dt>{t(`canvas.figures.${name}`, { defaultValue: name })}</dt>
      <dd className={missing ? 'muted' : undefined}>{href && !missing ? <Link to={href}>{value}</Link> : value}</dd>
    </div>
  );
}

function Figures({ figures }: { figures: Record<string, CanvasFigure> | undefined }) {
  const list = entries(figures);
  if (list.length === 0) return null;
  return (
    <dl className="canvas-figures">
      {list.map(([name, figure]) => (
        <FigureItem key={name} name={name} figure={figure} />
      ))}
    </dl>
  );
}

function Rows({ section }: { section: CanvasSection }) {
  const { t } = useTranslation();
  // A row's kind: a team's or segment's kind, a relationship type, or a plan target's metric.
  const kindLabel = (kind: string) =>
    t(`canvas.kinds.${kind}`, {
      defaultValue: t(`canvas.types.${kind}`, { defaultValue: t(`canvas.metrics.${kind}`, { defaultValue: kind }) }),
    });
  return (
    <>
      {Object.entries(section.rows).map(([group, rows]) =>
        rows.length === 0 ? null : (
          <div key={group} className="canvas-rows">
            <h4>{t(`canvas.rows.${group}`, { defaultValue: group })}</h4>
            <ul>
              {rows.map((row) => (
                <li key={row.id}>
                  <span className="canvas-row-label">
                    {group === 'sources' || group === 'channels'
                      ? t(`canvas.sources.${row.label}`, { defaultValue: row.label })
                      : group === 'types'
                        ? t(`canvas.types.${row.label}`, { defaultValue: t('canvas.untyped') })
                        : row.label}
                  </span>
                  {row.kind ? <span className="canvas-kind"> · {kindLabel(row.kind)}</span> : null}
                  <span className="canvas-row-figures">
                    {entries(row.figures).map(([name, figure]) => (
                      <FigureInline key={name} name={name} figure={figure} />
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </>
  );
}

function FigureInline({ name, figure }: { name: string; figure: CanvasFigure }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const href = figureHref(figure.link);
  const value = text(name, figure);
  const label = t(`canvas.figures.${name}`, { defaultValue: name });
  return (
    <span title={label}>
      <span className="canvas-inline-label">{label}: </span>
      {href && figure.value !== null ? <Link to={href}>{value}</Link> : value}
    </span>
  );
}

function Block({ name, section, canvas }: { name: BlockName; section: CanvasSection | undefined; canvas: CrmCanvas }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!section) return null;
  const chart = blockChart(name, canvas, t);
  return (
    <article className={`canvas-block canvas-${name}`} aria-labelledby={`block-${name}`} data-block={name}>
      <h3 id={`block-${name}`}>{t(`canvas.blocks.${name}`)}</h3>
      {section.reason ? <p className="canvas-reason">{t(`canvas.reasons.${section.reason}`)}</p> : null}
      {Object.keys(section.facts).length > 0 ? (
        <dl className="canvas-figures">
          {Object.entries(section.facts).map(([k, v]) => (
            <div key={k} className="canvas-figure">
              <dt>{t(`canvas.facts.${k}`, { defaultValue: k })}</dt>
              <dd>{k === 'engine' ? t(`canvas.engines.${v}`, { defaultValue: v }) : v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Figures figures={section.figures} />
      {chart && chart.points.length > 0 ? (
        <Suspense fallback={null}>
          <PieFigure title={chart.title} points={chart.points} format={f.number} />
        </Suspense>
      ) : null}
      <Rows section={section} />
    </article>
  );
}

// The B2B / B2C / B2B2C split and the data kinds read best as pies.
function blockChart(name: BlockName, canvas: CrmCanvas, t: (key: string) => string): { title: string; points: Point[] } | null {
  const pick = (section: CanvasSection | undefined, keys: string[], labels: string) =>
    keys
      .map((k) => ({ name: t(`canvas.${labels}.${k}`), value: valueOf(section?.figures, k) }))
      .filter((p): p is Point => p.value !== null && p.value > 0);
  if (name === 'customer') {
    return { title: t('canvas.charts.split'), points: pick(canvas.blocks.customer, ['b2b', 'b2c', 'b2b2c'], 'figures') };
  }
  if (name === 'data') {
    return {
      title: t('canvas.charts.dataKinds'),
      points: pick(canvas.blocks.data, ['zero_party', 'first_party', 'second_party', 'third_party'], 'figures'),
    };
  }
  return null;
}

function EstablishedPanel({ canvas, period }: { canvas: CrmCanvas; period: Period }) {
  const { t } = useTranslation();
  const f = useFormat();
  const segments = canvas.blocks.customer?.rows.segments ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [daysText, setDaysText] = useState('90');
  const noContactDays = Math.min(3650, Math.max(1, Number.parseInt(daysText, 10) || 90));
  const segmentId = chosen ?? segments[0]?.id ?? null;
  const established = useEstablished(segmentId, period, noContactDays);
  if (segments.length === 0) {
    return (
      <section className="canvas-established">
        <h2>{t('canvas.established.title')}</h2>
        <p>{t('canvas.established.noSegments')}</p>
      </section>
    );
  }
  const data = established.data;
  const activity: Point[] = data
    ? RELATIONSHIP_TYPES.map((type) => ({
        name: t(`canvas.types.${type}`),
        value: valueOf(data.types[type]?.figures, 'activity_per_100') ?? 0,
      }))
    : [];
  const trend: Point[] = data ? data.trend.map((p) => ({ name: f.isoDate(p.day), value: p.members })) : [];
  return (
    <section className="canvas-established" aria-labelledby="established-title">
      <h2 id="established-title">{t('canvas.established.title')}</h2>
      <p>{t('canvas.established.subtitle')}</p>
      <div className="form-grid">
        <SelectField
          label={t('canvas.established.segment')}
          name="segment"
          value={segmentId ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          options={segments.map((s) => ({ value: s.id, label: s.label }))}
        />
        <TextField
          label={t('canvas.established.noContactDays')}
          name="no_contact_days"
          type="number"
          value={daysText}
          onChange={(e) => setDaysText(e.target.value)}
        />
      </div>
      {established.isPending && segmentId ? <Loading /> : null}
      <ProblemAlert error={established.error} />
      {data ? (
        <>
          <div className="canvas-type-grid">
            {RELATIONSHIP_TYPES.map((type) => {
              const section = data.types[type];
              if (!section) return null;
              return (
                <article key={type} className="canvas-block" data-type={type}>
                  <h3>{t(`canvas.types.${type}`)}</h3>
                  <Figures figures={section.figures} />
                  <Rows section={section} />
                </article>
              );
            })}
          </div>
          <div className="canvas-type-grid">
            <article className="canvas-block" data-type="metrics">
              <h3>{t('canvas.established.metrics')}</h3>
              <Figures figures={data.metrics.figures} />
            </article>
            <article className="canvas-block">
              <Suspense fallback={null}>
                <h3>{t('canvas.charts.activity')}</h3>
                <BarFigure title={t('canvas.charts.activity')} points={activity} format={f.number} />
                {trend.length > 0 ? (
                  <>
                    <h3>{t('canvas.charts.trend')}</h3>
                    <LineFigure title={t('canvas.charts.trend')} points={trend} format={f.number} />
                  </>
                ) : (
                  <p className="muted">{t('canvas.charts.noTrend')}</p>
                )}
              </Suspense>
            </article>
          </div>
        </>
      ) : null}
    </section>
  );
}
