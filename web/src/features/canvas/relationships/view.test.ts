// The Customer Relationships screen's pure parts, against fixtures shaped as the API contract says.
import { describe, expect, it } from 'vitest';
import i18n, { initI18n } from '../../../i18n';
import { block, emptySegment, figure, ownerGap, premiumSegment } from './fixtures';
import type { BlockGap, RelationshipsBlock } from './types';
import {
  compareBlocks,
  costPoints,
  defaultDates,
  figureText,
  gapHref,
  gapSentence,
  isMissing,
  metricText,
  moneyDeltaText,
  moneyText,
  periodOfDates,
  previousDates,
  statusTone,
  valueOfFigure,
} from './view';

async function tIn(lang: 'en' | 'it' | 'es' | 'pt') {
  await initI18n(lang);
  return i18n.getFixedT(lang);
}

describe('statusTone', () => {
  it('shows each status at a glance: ok, red gap, amber unplanned, muted unused', () => {
    expect(statusTone('expected_established')).toBe('ok');
    expect(statusTone('expected_not_established')).toBe('gap');
    expect(statusTone('established_not_planned')).toBe('unplanned');
    expect(statusTone('not_used')).toBe('muted');
  });
});

describe('figures', () => {
  it('gives a missing figure its translated reason, never 0', async () => {
    const t = await tIn('en');
    const fmt = (v: number) => String(v);
    expect(figureText(t, figure(null, 'no_customers'), fmt)).toBe('no customers');
    expect(figureText(t, figure(null, 'not_yet_measured'), fmt)).toBe('not yet measured');
    expect(figureText(t, figure(null, 'stale_filter'), fmt)).toBe('filter out of date (a custom field was removed)');
    expect(figureText(t, figure(0), fmt)).toBe('0');
    expect(figureText(t, undefined, fmt)).toBe('no data yet');
    expect(figureText(t, figure(null, 'period_too_long'), fmt)).toBe('period too long for costs (at most ten years)');
    expect(figureText(t, figure(null, 'something_new'), fmt)).toBe('no data yet');
    expect(isMissing(figure(null, 'no_data'))).toBe(true);
    expect(valueOfFigure(figure(null, 'no_snapshot'))).toBeNull();
    expect(valueOfFigure(figure(0))).toBe(0);
    const it_ = await tIn('it');
    expect(figureText(it_, figure(null, 'not_visible'), fmt)).not.toBe('0');
    expect(figureText(it_, figure(null, 'not_yet_measured'), fmt)).toBe('non ancora misurato');
  });

  it('writes cents as money in the reader language, and changes signed', () => {
    expect(moneyText(183250, 'EUR', 'en')).toBe('€1,832.50');
    expect(moneyText(183250, 'EUR', 'it').replace(/\s/g, ' ')).toBe('1.832,50 €');
    expect(moneyText(183250, null, 'en')).toBe('1,832.5');
    expect(moneyDeltaText(-30000, 'EUR', 'en')).toBe('-€300.00');
    expect(moneyDeltaText(1250, 'EUR', 'en')).toBe('+€12.50');
  });

  it('writes a metric in its unit: percentages 0..100, business hours, days', async () => {
    const t = await tIn('en');
    expect(metricText(t, 'owner_coverage_share', 69.2, 'en')).toBe('69.2%');
    expect(metricText(t, 'customers_touched_percent', 10, 'en')).toBe('10%');
    expect(metricText(t, 'first_response_business_hours', 4, 'en')).toBe('4 business hours');
    expect(metricText(t, 'contact_interval_days', 90, 'en')).toBe('90 days');
    expect(metricText(t, 'csat_average', 4.456, 'en')).toBe('4.46');
    expect(metricText(t, 'interactions_per_customer', 0.009041591320072333, 'en')).toBe('0.009');
    expect(metricText(t, 'interactions_per_customer', 0.0003, 'en', true)).toBe('+0.0003');
    expect(metricText(t, 'nps', 12.4, 'en')).toBe('12');
    expect(metricText(t, 'retention_rate', -2.5, 'en', true)).toBe('-2.5%');
    expect(metricText(t, 'interactions_per_100_customers', 3, 'en', true)).toBe('+3');
  });
});

describe('gapSentence', () => {
  it('says the example sentence of the issue, and its records open the list filtered', async () => {
    const t = await tIn('en');
    expect(gapSentence(t, ownerGap(), 90, 'en')).toBe(
      'Premium B2B expects dedicated assistance: 37 of 120 companies have no account owner',
    );
    expect(gapSentence(t, { ...ownerGap(), customers: 1 }, 90, 'en')).toBe(
      'Premium B2B expects dedicated assistance: 1 of 120 companies has no account owner',
    );
    const href = gapHref(ownerGap());
    expect(href?.startsWith('/companies?filter=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(href!.slice('/companies?filter='.length)))).toEqual({
      field: 'owner_user_id',
      op: 'is_empty',
    });
    expect(gapHref({ ...ownerGap(), link: { route: null, filter: null } })).toBeNull();
  });

  it('has one sentence per kind and metric, with plurals and people or companies', async () => {
    const t = await tIn('en');
    const people = { id: '14', name: 'Newsletter readers', entity_type: 'person' } as const;
    const noPlan: BlockGap = { ...ownerGap(), kind: 'no_plan', segment: people, type: null, metric: null, customers: 1, of: 1 };
    expect(gapSentence(t, noPlan, 90, 'en')).toBe('Newsletter readers has no relationship plan: 1 person is served without one');
    expect(gapSentence(t, { ...noPlan, customers: 3010, of: 3010 }, 90, 'en')).toBe(
      'Newsletter readers has no relationship plan: 3,010 people are served without one',
    );
    const notEstablished: BlockGap = {
      ...ownerGap(),
      kind: 'expected_not_established',
      metric: null,
      measured: null,
      target: null,
    };
    expect(gapSentence(t, notEstablished, 90, 'en')).toBe(
      'Premium B2B expects dedicated assistance, not established: 37 of 120 companies were not reached by it',
    );
    const unplanned: BlockGap = { ...notEstablished, kind: 'established_not_planned', type: 'self_service', customers: 17 };
    expect(gapSentence(t, unplanned, 90, 'en')).toBe(
      'Premium B2B gets self-service without a plan for it: 17 of 120 companies were reached by it',
    );
    const contact: BlockGap = { ...ownerGap(), metric: 'contact_interval_days', measured: 120, target: 90 };
    expect(gapSentence(t, contact, 60, 'en')).toBe(
      'Premium B2B expects dedicated assistance: 37 of 120 companies had no contact in 60 days',
    );
    const retention: BlockGap = { ...ownerGap(), metric: 'retention_rate', customers: 4, measured: 85.5, target: 90 };
    expect(gapSentence(t, retention, 90, 'en')).toBe(
      'Premium B2B expects dedicated assistance: retention 85.5% against a target of 90%, 4 companies lost',
    );
    const csat: BlockGap = { ...ownerGap(), metric: 'csat_average', customers: 120, measured: 4.1, target: 4.5 };
    expect(gapSentence(t, csat, 90, 'en')).toBe(
      'Premium B2B misses its “Average CSAT” target in dedicated assistance: 4.1 against 4.5 (120 of 120 companies)',
    );
    const hours: BlockGap = { ...csat, metric: 'first_response_business_hours', measured: 6, target: 4 };
    expect(gapSentence(t, hours, 90, 'en')).toContain('6 business hours against 4 business hours');
  });

  it('reads in Italian and Brazilian Portuguese with their plurals and thousands separators', async () => {
    const it_ = await tIn('it');
    expect(gapSentence(it_, ownerGap(), 90, 'it')).toBe(
      'Premium B2B prevede assistenza dedicata: 37 aziende su 120 non hanno un referente',
    );
    expect(gapSentence(it_, { ...ownerGap(), customers: 1 }, 90, 'it')).toBe(
      'Premium B2B prevede assistenza dedicata: 1 azienda su 120 non ha un referente',
    );
    const pt = await tIn('pt');
    expect(gapSentence(pt, { ...ownerGap(), customers: 1200, of: 3010 }, 90, 'pt')).toBe(
      'Premium B2B espera assistência dedicada: 1.200 de 3.010 empresas não têm responsável de conta',
    );
  });
});

describe('dates', () => {
  it('takes both days of the inputs, the end exclusive the day after', () => {
    const p = periodOfDates('2026-01-01', '2026-01-31')!;
    expect(new Date(p.from).getDate()).toBe(1);
    expect(new Date(p.to).getMonth()).toBe(1);
    expect(new Date(p.to).getDate()).toBe(1);
    expect(periodOfDates('2026-02-01', '2026-01-31')).toBeNull();
    expect(periodOfDates('', '2026-01-31')).toBeNull();
  });
  it('defaults to the last 90 days and compares with the same length before', () => {
    const now = new Date(2026, 3, 30, 15, 0).getTime();
    expect(defaultDates(now)).toEqual({ from: '2026-01-30', to: '2026-04-30' });
    expect(previousDates('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
});

describe('costPoints', () => {
  it('charts the measured costs per type in currency units and leaves the unmeasured out', async () => {
    const t = await tIn('en');
    expect(costPoints(t, premiumSegment())).toEqual([
      { name: 'Dedicated personal assistance', value: 1832.5 },
      { name: 'Self-service', value: 12 },
    ]);
    expect(costPoints(t, emptySegment())).toEqual([]);
  });
});

describe('compareBlocks', () => {
  it('finds nothing between a block and itself', () => {
    expect(compareBlocks(block(), block())).toEqual([]);
  });

  it('lists status changes, measured and cost deltas, and targets met or missed', () => {
    const a = block();
    const b: RelationshipsBlock = block();
    const dedicated = b.segments[0]!.types[1]!;
    dedicated.status = 'expected_not_established';
    dedicated.threshold.measured = figure(8);
    dedicated.cost.total_cents = figure(150000);
    dedicated.targets[0]!.measured = figure(100);
    dedicated.targets[0]!.met = true;
    b.segments[0]!.members = figure(130);
    b.segments[0]!.cost_total = figure(151200);
    const diffs = compareBlocks(a, b);
    expect(diffs.map((d) => [d.what, d.type])).toEqual([
      ['members', null],
      ['cost_total', null],
      ['status', 'dedicated_assistance'],
      ['threshold', 'dedicated_assistance'],
      ['cost', 'dedicated_assistance'],
      ['target', 'dedicated_assistance'],
    ]);
    const [members, total, status, threshold, cost, target] = diffs;
    expect(members).toMatchObject({ a: 120, b: 130, delta: 10 });
    expect(total).toMatchObject({ a: 184450, b: 151200, delta: -33250 });
    expect(status).toMatchObject({ a: 'expected_established', b: 'expected_not_established' });
    expect(threshold).toMatchObject({ metric: 'customers_touched_percent', a: 45.5, b: 8, delta: -37.5 });
    expect(cost).toMatchObject({ a: 183250, b: 150000, delta: -33250 });
    expect(target).toMatchObject({ metric: 'owner_coverage_share', a: 69.2, b: 100, metA: false, metB: true });
  });

  it('gives no delta when one side is not measured, and keeps a target only one version has', () => {
    const a = block();
    const b = block();
    b.segments[1]!.cost_total = figure(500);
    b.segments[0]!.types[1]!.targets.pop();
    const diffs = compareBlocks(a, b);
    expect(diffs).toContainEqual(
      expect.objectContaining({ what: 'cost_total', a: null, b: 500, delta: null, reasonA: 'not_yet_measured', reasonB: null }),
    );
    expect(diffs).toContainEqual(
      expect.objectContaining({
        what: 'target',
        metric: 'csat_average',
        a: null,
        b: null,
        reasonA: 'no_data',
        reasonB: null,
        metB: null,
      }),
    );
  });
});
