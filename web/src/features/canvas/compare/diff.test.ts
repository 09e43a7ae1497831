// The comparison of two periods: differences per figure (percentage points for shares, none when
// a side has no value), the blocks in reading order, the periods chosen as days.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../i18n';
import type { Translate } from '../export/svg';
import type { CanvasFigure, CanvasSection, CrmCanvas } from '../types';
import { BLOCKS } from '../types';
import { deltaText, direction } from './deltaText';
import {
  compareCanvases,
  compareSection,
  dayOf,
  dayStart,
  daysParam,
  defaultDays,
  figureDelta,
  parseDaysParam,
  periodOfDays,
} from './diff';

const fig = (value: number | null, reason: string | null = null): CanvasFigure => ({
  value,
  reason,
  link: { route: null, filter: null },
});
const section = (figures: Record<string, CanvasFigure>): CanvasSection => ({ facts: {}, figures, reason: null, rows: {} });

describe('figureDelta', () => {
  it('gives shares in percentage points and counts in their unit', () => {
    expect(figureDelta('b2b_share', fig(0.1), fig(0.3))).toEqual({ delta: 20, unit: 'points' });
    expect(figureDelta('retention_rate', fig(0.955), fig(0.9))).toEqual({ delta: -5.5, unit: 'points' });
    expect(figureDelta('customers', fig(1200), fig(1150))).toEqual({ delta: -50, unit: 'absolute' });
    expect(figureDelta('first_response_median_ms', fig(60_000), fig(180_000))).toEqual({ delta: 120_000, unit: 'absolute' });
  });
  it('gives no difference when a side has no value (absent is not 0), nor for instants', () => {
    expect(figureDelta('customers', fig(null, 'no_data'), fig(5)).delta).toBeNull();
    expect(figureDelta('customers', fig(5), undefined).delta).toBeNull();
    expect(figureDelta('finished_at', fig(1), fig(2))).toEqual({ delta: null, unit: 'none' });
  });
});

describe('compareSection and compareCanvases', () => {
  it("lists A's figures in order, then those only B has", () => {
    const diffs = compareSection(section({ customers: fig(1), b2b: fig(2) }), section({ b2b: fig(5), b2c: fig(7) }));
    expect(diffs.map((d) => d.key)).toEqual(['customers', 'b2b', 'b2c']);
    expect(diffs.map((d) => d.delta)).toEqual([null, 3, null]);
    expect(compareSection(undefined, undefined)).toEqual([]);
  });
  it('compares the nine blocks in reading order', () => {
    const a: CrmCanvas = { from: 0, to: 1, blocks: { customer: section({ customers: fig(10) }) } };
    const b: CrmCanvas = { from: 1, to: 2, blocks: { customer: section({ customers: fig(12) }) } };
    const diffs = compareCanvases(a, b);
    expect(diffs.map((d) => d.block)).toEqual([...BLOCKS]);
    expect(diffs[0].figures[0]).toMatchObject({ key: 'customers', delta: 2 });
    expect(diffs[1].figures).toEqual([]);
  });
});

describe('periods as days', () => {
  it('reads a day as its local start and refuses anything else', () => {
    expect(dayStart('2026-03-01')).toBe(new Date(2026, 2, 1).getTime());
    expect(dayStart('2026-02-30')).toBeNull();
    expect(dayStart('')).toBeNull();
    expect(dayOf(new Date(2026, 2, 1, 15).getTime())).toBe('2026-03-01');
  });
  it('spans from the first day to the end of the last, and refuses a reversed one', () => {
    expect(periodOfDays('2026-03-01', '2026-03-31')).toEqual({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 3, 1).getTime(),
    });
    expect(periodOfDays('2026-03-02', '2026-03-01')).toBeNull();
    expect(periodOfDays('2026-03-01', 'x')).toBeNull();
  });
  it('writes the two days of a period in the address and reads back only a valid period', () => {
    expect(daysParam(['2026-01-01', '2026-03-31'])).toBe('2026-01-01_2026-03-31');
    expect(parseDaysParam('2026-01-01_2026-03-31')).toEqual(['2026-01-01', '2026-03-31']);
    expect(parseDaysParam('2026-03-31_2026-01-01')).toBeNull();
    expect(parseDaysParam('2026-01-01')).toBeNull();
    expect(parseDaysParam(null)).toBeNull();
  });
  it('compares the last 90 days with the 90 before by default', () => {
    const now = new Date(2026, 11, 8, 10).getTime();
    const { a, b } = defaultDays(now);
    expect(b).toEqual(['2026-09-10', '2026-12-08']);
    expect(a).toEqual(['2026-06-12', '2026-09-09']);
  });
});

describe('deltaText', () => {
  let en: Translate;
  let es: Translate;
  beforeAll(async () => {
    const i18n = await initI18n('es');
    es = i18n.getFixedT('es');
    await applyLanguage('en');
    en = i18n.getFixedT('en');
  });
  const d = (key: string, a: number | null, b: number | null) => ({
    key,
    a: fig(a),
    b: fig(b),
    ...figureDelta(key, fig(a), fig(b)),
  });

  it('writes signed differences in the language, shares in percentage points', () => {
    expect(deltaText(d('customers', 1000, 3500), en, 'en')).toBe('+2,500');
    expect(deltaText(d('customers', 3500, 1000), es, 'es')).toBe('-2.500');
    expect(deltaText(d('customers', 5, 5), en, 'en')).toBe('0');
    expect(deltaText(d('b2b_share', 0.1, 0.125), en, 'en')).toBe('+2.5 pp');
    expect(deltaText(d('b2b_share', 0.125, 0.1), es, 'es')).toBe('-2,5 p. p.');
    expect(deltaText(d('first_response_median_ms', 60_000, 180_000), en, 'en')).toBe('+2 minutes');
    expect(deltaText(d('csat_average', 4.2, 4.55), en, 'en')).toBe('+0.35');
  });
  it('writes money in the currency and a dash when there is no difference to give', () => {
    expect(deltaText(d('total_cents', 10_000, 12_550), en, 'en', 'EUR')).toBe('+€25.50');
    expect(deltaText(d('time_cents', 12_550, 10_000), en, 'en', 'EUR')).toBe('-€25.50');
    expect(deltaText(d('time_cents', 12_550, 10_000), en, 'en')).toBe('-25.5');
    expect(deltaText(d('total', 10_000, 12_550), en, 'en', 'EUR')).toBe('+2,550');
    expect(deltaText(d('customers', null, 5), en, 'en')).toBe('—');
    expect(direction(d('customers', null, 5))).toBeNull();
    expect(direction(d('customers', 1, 5))).toBe('up');
    expect(direction(d('customers', 5, 1))).toBe('down');
  });
});
