// The Customer Relationships screen's pure parts: how a type's status shows, how a figure reads
// (a missing one gives its reason, never 0), money from cents, a metric's value in its unit, one
// sentence per gap, the period from date inputs, and the differences between two blocks.
import type { TFunction } from 'i18next';
import { formatMoney, formatNumber, localeFor } from '../../../i18n/format';
import { figureHref } from '../canvas';
import {
  BLOCK_TYPES,
  type BlockGap,
  type BlockSegment,
  type BlockSegmentRef,
  type BlockType,
  type Figure,
  type RelationshipType,
  type RelationshipsBlock,
  type TypeStatus,
} from './types';

const DAY = 24 * 60 * 60 * 1000;

/** How a status shows: planned and there (ok), planned and missing (gap, red), there without a plan (amber), neither (muted). */
export type Tone = 'ok' | 'gap' | 'unplanned' | 'muted';

export function statusTone(status: TypeStatus): Tone {
  switch (status) {
    case 'expected_established':
      return 'ok';
    case 'expected_not_established':
      return 'gap';
    case 'established_not_planned':
      return 'unplanned';
    default:
      return 'muted';
  }
}

/** True when a figure has no value (its reason says why). */
export function isMissing(figure: Figure | null | undefined): boolean {
  return figure === null || figure === undefined || figure.value === null || figure.value === undefined;
}

/** The value of a figure, or null when it is missing: never 0 in its place. */
export function valueOfFigure(figure: Figure | null | undefined): number | null {
  return isMissing(figure) ? null : (figure!.value as number);
}

/** A figure as text: `format` for a value, the translated reason for a missing one. */
export function figureText(t: TFunction, figure: Figure | null | undefined, format: (v: number) => string): string {
  const v = valueOfFigure(figure);
  if (v !== null) return format(v);
  return reasonText(t, figure?.reason ?? 'no_data');
}

/** Why a figure is missing, in words (the canvas's reasons; an unknown one reads as no data). */
export function reasonText(t: TFunction, reason: string): string {
  return t(`canvas.reasons.${reason}`, { defaultValue: t('canvas.reasons.no_data') });
}

/** An amount held in cents, in the workspace's currency (a plain number when it has none). */
export function moneyText(cents: number, currency: string | null, language: string): string {
  if (!currency) return formatNumber(cents / 100, language);
  return formatMoney(cents / 100, currency, language);
}

/** A change of an amount in cents, signed ("+€12.50", "−€3.00"). */
export function moneyDeltaText(cents: number, currency: string | null, language: string): string {
  const locale = localeFor(language);
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency, signDisplay: 'exceptZero' }
    : { maximumFractionDigits: 2, signDisplay: 'exceptZero' };
  try {
    return new Intl.NumberFormat(locale, options).format(cents / 100);
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(cents / 100);
  }
}

/** A change of a count, signed ("+10", "−3"). */
export function countDeltaText(n: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { signDisplay: 'exceptZero' }).format(n);
}

/** The metrics (and threshold measures) whose values are percentages, 0..100 in this endpoint. */
const PERCENT = new Set(['owner_coverage_share', 'retention_rate', 'sla_compliance_share', 'customers_touched_percent']);
const HOURS = new Set(['first_response_business_hours', 'resolution_business_hours']);

/** A metric's (or threshold measure's) value in its unit, in the reader's language; `signed` for a change. */
export function metricText(t: TFunction, metric: string, value: number, language: string, signed = false): string {
  const locale = localeFor(language);
  const sign: Intl.NumberFormatOptions = signed ? { signDisplay: 'exceptZero' } : {};
  if (PERCENT.has(metric)) {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, ...sign }).format(value / 100);
  }
  if (metric === 'contact_interval_days') {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'day',
      unitDisplay: 'long',
      maximumFractionDigits: 1,
      ...sign,
    }).format(value);
  }
  // Small values keep two significant digits (0.009 interactions per customer is not 0.01).
  const digits: Intl.NumberFormatOptions =
    metric === 'nps'
      ? { maximumFractionDigits: 0 }
      : Math.abs(value) < 0.1
        ? { maximumSignificantDigits: 2 }
        : { maximumFractionDigits: 2 };
  const n = new Intl.NumberFormat(locale, { ...digits, ...sign }).format(value);
  if (HOURS.has(metric)) return t('canvas.relationships.businessHours', { n });
  return n;
}

/** The word family of a segment's members: companies or people. */
export function entityOf(segment: BlockSegmentRef): 'company' | 'person' {
  return segment.entity_type === 'company' ? 'company' : 'person';
}

/** The metrics whose missed target has a sentence of its own; the others share one. */
const OWN_SENTENCE = new Set(['owner_coverage_share', 'contact_interval_days', 'retention_rate', 'interactions_per_customer']);

/**
 * One sentence per gap, with plurals on the customers it touches: "Premium B2B expects dedicated
 * assistance: 37 of 120 companies have no account owner".
 */
export function gapSentence(t: TFunction, gap: BlockGap, noContactDays: number, language: string): string {
  const entity = entityOf(gap.segment);
  const options = {
    count: gap.customers,
    n: formatNumber(gap.customers, language),
    of: formatNumber(gap.of, language),
    segment: gap.segment.name,
    type: gap.type ? t(`canvas.relationships.typeInSentence.${gap.type}`) : '',
    days: formatNumber(noContactDays, language),
    metric: gap.metric ? t(`relationships.metrics.${gap.metric}`, { defaultValue: gap.metric }) : '',
    measured: gap.metric && gap.measured !== null ? metricText(t, gap.metric, gap.measured, language) : t('canvas.none'),
    target: gap.metric && gap.target !== null ? metricText(t, gap.metric, gap.target, language) : t('canvas.none'),
  };
  if (gap.kind === 'target_missed') {
    const which = gap.metric && OWN_SENTENCE.has(gap.metric) ? gap.metric : 'other';
    return t(`canvas.relationships.gaps.target_missed.${which}.${entity}`, options);
  }
  return t(`canvas.relationships.gaps.${gap.kind}.${entity}`, options);
}

/** The address of the records behind a gap (the list, filtered), or null when it has none. */
export function gapHref(gap: BlockGap): string | null {
  return figureHref(gap.link);
}

/** A date input's value (YYYY-MM-DD, local time) for an instant. */
export function dateInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function localMidnight(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/**
 * The period of two date inputs, both days included: from the first day's start to the end of
 * the last (the API's `to` is exclusive). Null when a date is missing or the order is wrong.
 */
export function periodOfDates(from: string, to: string): { from: number; to: number } | null {
  const start = localMidnight(from);
  const last = localMidnight(to);
  if (start === null || last === null || last < start) return null;
  const end = new Date(last);
  end.setDate(end.getDate() + 1);
  return { from: start, to: end.getTime() };
}

/** The default dates: the last `days` days up to today. */
export function defaultDates(now: number, days = 90): { from: string; to: string } {
  return { from: dateInputValue(now - days * DAY), to: dateInputValue(now) };
}

/** The period just before the given one, of the same length in days (for a comparison). */
export function previousDates(from: string, to: string): { from: string; to: string } | null {
  const start = localMidnight(from);
  const last = localMidnight(to);
  if (start === null || last === null || last < start) return null;
  const days = Math.round((last - start) / DAY) + 1;
  const prevLast = new Date(start);
  prevLast.setDate(prevLast.getDate() - 1);
  const prevFirst = new Date(start);
  prevFirst.setDate(prevFirst.getDate() - days);
  return { from: dateInputValue(prevFirst.getTime()), to: dateInputValue(prevLast.getTime()) };
}

/** The cost of each type of a segment, for a chart: in currency units, types without a measured cost left out. */
export function costPoints(t: TFunction, segment: BlockSegment): { name: string; value: number }[] {
  return segment.types
    .map((type) => ({ name: t(`canvas.types.${type.type}`), value: valueOfFigure(type.cost.total_cents) }))
    .filter((p): p is { name: string; value: number } => p.value !== null)
    .map((p) => ({ name: p.name, value: p.value / 100 }));
}

// --- comparison ---------------------------------------------------------------------------

/** One difference between two blocks: a status that changed, or a value that moved. */
export type Difference =
  | {
      what: 'status';
      segment: BlockSegmentRef;
      type: RelationshipType;
      a: TypeStatus | null;
      b: TypeStatus | null;
    }
  | {
      what: 'members' | 'cost_total' | 'cost' | 'threshold' | 'target';
      segment: BlockSegmentRef;
      type: RelationshipType | null;
      /** The target's metric, or the threshold's measure. */
      metric: string | null;
      a: number | null;
      b: number | null;
      /** b − a; null when either side is not measured. */
      delta: number | null;
      /** Why a side has no value (a figure's reason); null when the side has no such figure at all. */
      reasonA: string | null;
      reasonB: string | null;
      /** For targets: met on each side (null: not measured or not a target there). */
      metA?: boolean | null;
      metB?: boolean | null;
    };

type ValueDifference = Exclude<Difference, { what: 'status' }>;

function moved(a: Figure | undefined, b: Figure | undefined): boolean {
  return valueOfFigure(a) !== valueOfFigure(b);
}

function numberDifference(
  what: 'members' | 'cost_total' | 'cost' | 'threshold' | 'target',
  segment: BlockSegmentRef,
  type: RelationshipType | null,
  metric: string | null,
  fa: Figure | undefined,
  fb: Figure | undefined,
): ValueDifference {
  const a = valueOfFigure(fa);
  const b = valueOfFigure(fb);
  const reason = (x: Figure | undefined) => (x && isMissing(x) ? (x.reason ?? 'no_data') : null);
  return {
    what,
    segment,
    type,
    metric,
    a,
    b,
    delta: a !== null && b !== null ? b - a : null,
    reasonA: reason(fa),
    reasonB: reason(fb),
  };
}

/**
 * What changed from block `a` to block `b` (two periods, or two plan versions of a segment), per
 * segment in `b`'s order then those only in `a`, and per type in the block's order: members, the
 * segment's cost, then each type's status, threshold measure, cost and targets.
 */
export function compareBlocks(a: RelationshipsBlock, b: RelationshipsBlock): Difference[] {
  const out: Difference[] = [];
  const left = new Map(a.segments.map((s) => [s.segment.id, s]));
  const right = new Map(b.segments.map((s) => [s.segment.id, s]));
  const ids = [...b.segments.map((s) => s.segment.id), ...a.segments.map((s) => s.segment.id).filter((id) => !right.has(id))];
  for (const id of ids) {
    const sa = left.get(id);
    const sb = right.get(id);
    const segment = (sb ?? sa)!.segment;
    const members = [sa?.members, sb?.members] as const;
    if (moved(...members)) out.push(numberDifference('members', segment, null, null, ...members));
    const total = [sa?.cost_total, sb?.cost_total] as const;
    if (moved(...total)) out.push(numberDifference('cost_total', segment, null, null, ...total));
    for (const type of BLOCK_TYPES) {
      const ta: BlockType | undefined = sa?.types.find((x) => x.type === type);
      const tb: BlockType | undefined = sb?.types.find((x) => x.type === type);
      const status = [ta?.status ?? null, tb?.status ?? null] as const;
      if (status[0] !== status[1]) out.push({ what: 'status', segment, type, a: status[0], b: status[1] });
      const measure = tb?.threshold.measure ?? ta?.threshold.measure ?? null;
      // Thresholds measured differently are not comparable as numbers.
      if (!ta || !tb || ta.threshold.measure === tb.threshold.measure) {
        const th = [ta?.threshold.measured, tb?.threshold.measured] as const;
        if (moved(...th)) out.push(numberDifference('threshold', segment, type, measure, ...th));
      }
      const cost = [ta?.cost.total_cents, tb?.cost.total_cents] as const;
      if (moved(...cost)) out.push(numberDifference('cost', segment, type, null, ...cost));
      const metrics = [...(tb?.targets ?? []), ...(ta?.targets ?? [])]
        .map((x) => x.metric)
        .filter((m, i, all) => all.indexOf(m) === i);
      for (const metric of metrics) {
        const xa = ta?.targets.find((x) => x.metric === metric);
        const xb = tb?.targets.find((x) => x.metric === metric);
        const values = [xa?.measured, xb?.measured] as const;
        const metA = xa ? xa.met : null;
        const metB = xb ? xb.met : null;
        if (moved(...values) || metA !== metB || !xa !== !xb) {
          out.push({ ...numberDifference('target', segment, type, metric, ...values), metA, metB });
        }
      }
    }
  }
  return out;
}
