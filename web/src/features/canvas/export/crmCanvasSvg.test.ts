// The CRM Model Canvas as SVG: valid and standalone, nine blocks in their places, absent
// figures as their reason (never 0), text escaped and kept inside its block.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../../../i18n';
import type { CanvasFigure, CanvasSection, CrmCanvas } from '../types';
import { crmCanvasSvg, PLACES, SHEET } from './crmCanvasSvg';
import { textWidth, type Translate } from './svg';

const fig = (value: number | null, reason: string | null = null): CanvasFigure => ({
  value,
  reason,
  link: { route: null, filter: null },
});
const section = (figures: Record<string, CanvasFigure>, extra: Partial<CanvasSection> = {}): CanvasSection => ({
  facts: {},
  figures,
  reason: null,
  rows: {},
  ...extra,
});

function fixture(): CrmCanvas {
  const manyRows = Array.from({ length: 60 }, (_, i) => ({
    id: String(i),
    label: `Person number ${i} with a rather long display name that goes on and on`,
    kind: null,
    figures: { open_tasks: fig(i), open_conversations: fig(1234) },
  }));
  return {
    from: Date.UTC(2026, 8, 9),
    to: Date.UTC(2026, 11, 8),
    blocks: {
      customer: section(
        { customers: fig(1234), b2b_share: fig(0.625), csat_average: fig(null, 'no_data') },
        { rows: { segments: [{ id: '1', label: 'Premium <B2B> & "friends"', kind: 'b2b', figures: { size: fig(37) } }] } },
      ),
      market: section({ b2b: fig(10), b2c: fig(20) }),
      executors: section({ teams: fig(3) }, { rows: { workload: manyRows } }),
      data: section({ field_values: fig(5000), consent_coverage: fig(null, 'not_yet_measured') }),
      data_sources: section({ records: fig(99) }),
      strategies: section({}, { reason: 'not_visible' }),
      processes: section(
        { targets: fig(3) },
        {
          rows: {
            targets: [
              {
                id: '1:automated:nps',
                label: 'Premium',
                kind: 'nps',
                figures: { measured: fig(41.5), target: fig(50), met: fig(0) },
              },
            ],
          },
        },
      ),
      costs: section(
        { total: fig(123456), time: fig(null, 'not_yet_measured'), fixed_cents: fig(5000) },
        {
          facts: { currency: 'EUR' },
          rows: {
            types: [{ id: 'automated', label: 'automated', kind: null, figures: { total_cents: fig(99), minutes: fig(30) } }],
          },
        },
      ),
      technology: section({ mailboxes: fig(2) }, { facts: { engine: 'sqlite', version: '0.9.0' } }),
    },
  };
}

let en: Translate;
let it_: Translate;
beforeAll(async () => {
  const i18n = await initI18n('it');
  it_ = i18n.getFixedT('it');
  await applyLanguage('en');
  en = i18n.getFixedT('en');
});

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function blockTexts(doc: Document, name: string): string[] {
  const g = doc.querySelector(`g[data-block="${name}"]`);
  return [...(g?.getElementsByTagName('text') ?? [])].map((el) => el.textContent ?? '');
}

describe('crmCanvasSvg', () => {
  it('is a standalone A3 landscape SVG with the nine blocks', () => {
    const svg = crmCanvasSvg(fixture(), en, 'en');
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(SHEET.width));
    expect(root.getAttribute('height')).toBe(String(SHEET.height));
    for (const name of Object.keys(PLACES)) expect(doc.querySelector(`g[data-block="${name}"]`)).not.toBeNull();
    expect(blockTexts(doc, 'customer')[0]).toBe('Customer');
    expect(blockTexts(doc, 'data_sources')[0]).toBe('Data sources');
  });

  it("shows each block's figures in the language's notation, money in the currency", () => {
    const doc = parse(crmCanvasSvg(fixture(), en, 'en'));
    const customer = blockTexts(doc, 'customer');
    expect(customer).toContain('1,234');
    expect(customer).toContain('62.5%');
    expect(blockTexts(doc, 'costs')).toContain('€1,234.56');
    expect(blockTexts(doc, 'costs')).toContain('€50.00');
    // Rows: a relationship type by its name, its cost in money; a target's metric, value and yes/no.
    expect(blockTexts(doc, 'costs')).toContain('Automated services');
    expect(blockTexts(doc, 'costs').some((s) => s.includes('€0.99'))).toBe(true);
    expect(blockTexts(doc, 'processes')).toContain('Premium · NPS');
    expect(blockTexts(doc, 'processes').some((s) => s.includes('41.5') && s.endsWith(': no'))).toBe(true);
    expect(blockTexts(doc, 'technology')).toContain('SQLite (single server)');

    const italian = parse(crmCanvasSvg(fixture(), it_, 'it'));
    expect(blockTexts(italian, 'customer')[0]).toBe('Cliente');
    expect(blockTexts(italian, 'customer')).toContain('1.234');
    expect(blockTexts(italian, 'customer')).toContain('62,5%');
  });

  it('shows an absent figure as its reason, never as 0', () => {
    const doc = parse(crmCanvasSvg(fixture(), en, 'en'));
    const customer = blockTexts(doc, 'customer');
    const at = customer.indexOf('CSAT average');
    expect(at).toBeGreaterThan(0);
    expect(customer[at + 1]).toBe('no data yet');
    expect(blockTexts(doc, 'data')).toContain('not yet measured');
    expect(blockTexts(doc, 'costs')).toContain('not yet measured');
    expect(blockTexts(doc, 'costs')).not.toContain('€0.00');
    expect(blockTexts(doc, 'strategies').join(' ')).toContain('beyond what you may read');
  });

  it('escapes text from the workspace', () => {
    const svg = crmCanvasSvg(fixture(), en, 'en');
    expect(svg).not.toContain('<B2B>');
    expect(svg).toContain('Premium &lt;B2B&gt; &amp; &quot;friends&quot;');
    expect(blockTexts(parse(svg), 'customer').some((s) => s.startsWith('Premium <B2B> & "friends"'))).toBe(true);
  });

  it('keeps every text inside its block and counts the rows that do not fit', () => {
    const doc = parse(crmCanvasSvg(fixture(), en, 'en'));
    for (const name of Object.keys(PLACES)) {
      const g = doc.querySelector(`g[data-block="${name}"]`)!;
      const box = g.getElementsByTagName('rect')[0];
      const [bx, by, bw, bh] = ['x', 'y', 'width', 'height'].map((a) => Number(box.getAttribute(a)));
      for (const el of g.getElementsByTagName('text')) {
        const x = Number(el.getAttribute('x'));
        const y = Number(el.getAttribute('y'));
        const width = textWidth(
          el.textContent ?? '',
          Number(el.getAttribute('font-size')),
          el.getAttribute('font-weight') === 'bold',
        );
        const left = el.getAttribute('text-anchor') === 'end' ? x - width : x;
        expect(left, `${name}: ${el.textContent}`).toBeGreaterThanOrEqual(bx);
        expect(left + width, `${name}: ${el.textContent}`).toBeLessThanOrEqual(bx + bw + 0.5);
        expect(y, `${name}: ${el.textContent}`).toBeLessThanOrEqual(by + bh);
        expect(y).toBeGreaterThan(by);
      }
    }
    const executors = blockTexts(doc, 'executors');
    const more = executors.at(-1)!;
    expect(more).toMatch(/^\+ \d+ more$/);
    const shownRows = executors.filter((s) => s.startsWith('Person number')).length;
    expect(shownRows + Number(more.replace(/\D/g, ''))).toBe(60);
  });
});
