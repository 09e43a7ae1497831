// The Customer Relationships block as SVG: a card per segment with each type's status, targets
// and cost, gaps in red and listed, text escaped, in the interface language.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../i18n';
import type { CanvasFigure } from '../types';
import type { RelationshipsBlock, RelationshipTypeEntry } from './relationshipsBlock';
import { gapText, relationshipsBlockSvg, STATUS_COLOR, targetsText } from './relationshipsBlockSvg';
import type { Translate } from './svg';

const fig = (value: number | null, reason: string | null = null): CanvasFigure => ({
  value,
  reason,
  link: { route: null, filter: null },
});
const TYPES = ['personal_assistance', 'dedicated_assistance', 'self_service', 'automated', 'community', 'co_creation'];

function type(name: string, patch: Partial<RelationshipTypeEntry> = {}): RelationshipTypeEntry {
  return {
    type: name,
    expected: false,
    established: false,
    status: 'not_used',
    targets: [],
    cost: { total_cents: fig(0) },
    ...patch,
  };
}

function fixture(): RelationshipsBlock {
  return {
    from: Date.UTC(2026, 8, 9),
    to: Date.UTC(2026, 11, 8),
    currency: 'EUR',
    segments: [
      {
        segment: { id: '12', name: 'Premium <B2B> & Co.', kind: 'b2b', entity_type: 'company' },
        plan: { version: 3 },
        members: fig(1200),
        cost_total: fig(250075),
        types: TYPES.map((name) =>
          name === 'dedicated_assistance'
            ? type(name, {
                expected: true,
                established: false,
                status: 'expected_not_established',
                targets: [
                  { metric: 'owner_coverage_share', met: false },
                  { metric: 'contact_interval_days', met: true },
                  { metric: 'nps', met: null },
                ],
                cost: { total_cents: fig(150000) },
              })
            : name === 'self_service'
              ? type(name, {
                  expected: true,
                  established: true,
                  status: 'expected_established',
                  cost: { total_cents: fig(2500) },
                })
              : type(name),
        ),
      },
      {
        segment: { id: '13', name: 'Consumers', kind: 'b2c', entity_type: 'person' },
        plan: null,
        members: fig(null, 'no_customers'),
        cost_total: fig(null, 'not_yet_measured'),
        types: TYPES.map((name) => type(name, { established: null, cost: { total_cents: fig(null, 'not_yet_measured') } })),
      },
    ],
    gaps: [
      {
        kind: 'expected_not_established',
        segment: { id: '12', name: 'Premium <B2B> & Co.' },
        type: 'dedicated_assistance',
        metric: null,
        customers: 1037,
        of: 1200,
      },
      { kind: 'no_plan', segment: { id: '13', name: 'Consumers' }, type: null, metric: null, customers: 0, of: 0 },
    ],
  };
}

let en: Translate;
let pt: Translate;
beforeAll(async () => {
  const i18n = await initI18n('pt');
  pt = i18n.getFixedT('pt');
  await applyLanguage('en');
  en = i18n.getFixedT('en');
});

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return doc;
}

const texts = (el: Element | Document) => [...el.getElementsByTagName('text')].map((t) => t.textContent ?? '');

describe('relationshipsBlockSvg', () => {
  it('draws one card per segment with its plan, members, cost and the six types', () => {
    const doc = parse(relationshipsBlockSvg(fixture(), en, 'en'));
    const premium = doc.querySelector('g[data-segment="12"]')!;
    const shown = texts(premium);
    expect(shown[0]).toBe('Premium <B2B> & Co.');
    expect(shown).toContain('B2B · companies · Plan version 3');
    expect(shown).toContain('1,200');
    expect(shown).toContain('€2,500.75');
    expect(shown).toContain('Dedicated personal assistance');
    expect(shown).toContain('Expected, not established');
    expect(shown).toContain('Expected, established');
    expect(shown.filter((s) => s === 'Not used')).toHaveLength(4);
    expect(shown).toContain('1 met · 1 missed · 1 not measured');
    expect(shown).toContain('€1,500.00');
  });

  it('shows gaps in red: a missing expected type, a missed target, a segment without a plan', () => {
    const doc = parse(relationshipsBlockSvg(fixture(), en, 'en'));
    const red = STATUS_COLOR.expected_not_established;
    const premium = doc.querySelector('g[data-segment="12"]')!;
    const status = [...premium.getElementsByTagName('text')].find((t) => t.textContent === 'Expected, not established')!;
    expect(status.getAttribute('fill')).toBe(red);
    const targets = [...premium.getElementsByTagName('text')].find((t) => t.textContent?.includes('missed'))!;
    expect(targets.getAttribute('fill')).toBe(red);
    expect(premium.getElementsByTagName('rect')[0].getAttribute('stroke')).toBe(red);
    const consumers = doc.querySelector('g[data-segment="13"]')!;
    const plan = [...consumers.getElementsByTagName('text')].find((t) => t.textContent?.includes('No plan'))!;
    expect(plan.getAttribute('fill')).toBe(red);
    const all = texts(doc);
    expect(all).toContain('Premium <B2B> & Co. expects Dedicated personal assistance: 1,037 of 1,200 customers not reached');
    expect(all).toContain('Consumers has no relationship plan (0 customers)');
  });

  it('shows absent figures as their reason, never as 0', () => {
    const shown = texts(parse(relationshipsBlockSvg(fixture(), en, 'en')).querySelector('g[data-segment="13"]')!);
    expect(shown).toContain('no customers');
    expect(shown.filter((s) => s === 'not yet measured').length).toBe(7);
    expect(shown).not.toContain('€0.00');
  });

  it('escapes the workspace text and reads in Brazilian Portuguese', () => {
    const svg = relationshipsBlockSvg(fixture(), pt, 'pt');
    expect(svg).not.toContain('<B2B>');
    const shown = texts(parse(svg));
    expect(shown).toContain('Relacionamento com clientes');
    expect(shown).toContain('1.200');
    expect(shown).toContain('Previsto, não estabelecido');
  });

  it('says so when there are no segments', () => {
    const shown = texts(parse(relationshipsBlockSvg({ ...fixture(), segments: [], gaps: [] }, en, 'en')));
    expect(shown).toContain('No segments yet.');
  });
});

describe('targetsText and gapText', () => {
  it('counts targets met and missed, a dash without targets', () => {
    expect(targetsText(type('automated'), en, 'en')).toBe('—');
    expect(targetsText(type('automated', { targets: [{ metric: 'nps', met: true }] }), en, 'en')).toBe('1 met · 0 missed');
  });
  it('names the metric of a missed target', () => {
    const text = gapText(
      {
        kind: 'target_missed',
        segment: { id: '1', name: 'S' },
        type: 'automated',
        metric: 'owner_coverage_share',
        customers: 5,
        of: 10,
      },
      en,
      'en',
    );
    expect(text).toBe('S, Automated services: target missed on Customers with an account owner (5 of 10 customers)');
  });
});
