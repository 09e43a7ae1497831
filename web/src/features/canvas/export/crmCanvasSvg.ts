// The CRM Model Canvas as a standalone SVG, an A3 landscape sheet: the nine blocks in the
// canvas's classic places (strategies and processes on the left, data and its sources in the
// middle, executors, customer and market on the right, costs and technology along the bottom),
// each with its figures, facts and first rows. What does not fit a block is counted ("+ 4 more"),
// never drawn outside it.
import { entries } from '../canvas';
import type { BlockName, CanvasFigure, CanvasSection, CrmCanvas } from '../types';
import { figureLabel, figureText, periodText } from './figureText';
import { Column, rect, svgDocument, text, truncate, charsThatFit, type TextStyle, type Translate } from './svg';

/** A3 landscape at 96 px per inch. */
export const SHEET = { width: 1587, height: 1123 } as const;

const MARGIN = 24;
const HEADER = 64;
const GAP = 12;

/** Where each block sits: column, row, columns spanned, rows spanned (five columns, three rows). */
export const PLACES: Record<BlockName, [number, number, number, number]> = {
  strategies: [0, 0, 1, 2],
  processes: [1, 0, 1, 2],
  data: [2, 0, 1, 1],
  data_sources: [2, 1, 1, 1],
  executors: [3, 0, 1, 2],
  customer: [4, 0, 1, 1],
  market: [4, 1, 1, 1],
  costs: [0, 2, 2, 1],
  technology: [2, 2, 3, 1],
};

/** The costs block's money figures (cents) named without the "_cents" suffix (the others have it). */
const COSTS_MONEY = new Set(['total', 'time', 'messages', 'fixed']);

const STYLE = {
  title: { size: 15, bold: true, fill: '#ffffff' } as TextStyle,
  label: { size: 11, fill: '#475467' } as TextStyle,
  value: { size: 12, bold: true } as TextStyle,
  missing: { size: 10, italic: true, fill: '#667085' } as TextStyle,
  reason: { size: 11, italic: true, fill: '#667085' } as TextStyle,
  group: { size: 11, bold: true, fill: '#1d2939' } as TextStyle,
  row: { size: 10, bold: true } as TextStyle,
  rowFigures: { size: 9, fill: '#475467' } as TextStyle,
  more: { size: 9, italic: true, fill: '#667085' } as TextStyle,
};

export function crmCanvasSvg(crm: CrmCanvas, t: Translate, language: string): string {
  const title = t('canvas.title');
  const body: string[] = [];
  body.push(text(MARGIN, MARGIN + 22, truncate(title, 80), { size: 24, bold: true }));
  body.push(text(MARGIN, MARGIN + 44, periodText(crm.from, crm.to, t, language), { size: 13, fill: '#475467' }));

  const top = MARGIN + HEADER;
  const gridWidth = SHEET.width - 2 * MARGIN;
  const gridHeight = SHEET.height - top - MARGIN;
  const colWidth = (gridWidth - 4 * GAP) / 5;
  const rowHeights = [(gridHeight - 2 * GAP) * 0.37, (gridHeight - 2 * GAP) * 0.37, (gridHeight - 2 * GAP) * 0.26];
  // The cost model's currency (the costs block's facts) prices every money figure on the canvas.
  const currency = crm.blocks.costs?.facts.currency ?? null;
  const rowTop = (row: number) => top + rowHeights.slice(0, row).reduce((a, b) => a + b + GAP, 0);

  for (const [name, [col, row, cols, rows]] of Object.entries(PLACES) as [BlockName, [number, number, number, number]][]) {
    const x = MARGIN + col * (colWidth + GAP);
    const y = rowTop(row);
    const width = cols * colWidth + (cols - 1) * GAP;
    const height = rowHeights.slice(row, row + rows).reduce((a, b) => a + b, 0) + (rows - 1) * GAP;
    body.push(...blockSvg(name, crm.blocks[name], currency, x, y, width, height, t, language));
  }
  return svgDocument(SHEET.width, SHEET.height, `${title} · ${periodText(crm.from, crm.to, t, language)}`, body);
}

function blockSvg(
  name: BlockName,
  section: CanvasSection | undefined,
  currency: string | null,
  x: number,
  y: number,
  width: number,
  height: number,
  t: Translate,
  language: string,
): string[] {
  const out = [`<g data-block="${name}">`, rect(x, y, width, height, { fill: '#f9fafb' })];
  out.push(`<path d="M${x} ${y + 6} a6 6 0 0 1 6 -6 h${width - 12} a6 6 0 0 1 6 6 v22 h${-width} z" fill="#10213f"/>`);
  const blockTitle = t(`canvas.blocks.${name}`);
  out.push(text(x + 10, y + 20, truncate(blockTitle, charsThatFit(width - 20, STYLE.title.size, true)), STYLE.title));

  const reserved = STYLE.more.size * 1.3;
  const column = new Column(x + 10, y + 34, width - 20, y + height - 8 - reserved);
  if (!section) {
    column.line(t('canvas.none'), STYLE.reason);
  } else {
    const figure = (key: string, f: CanvasFigure) =>
      figureText(name === 'costs' && COSTS_MONEY.has(key) ? `${key}_cents` : key, f, t, language, currency);
    if (section.reason) column.paragraph(t(`canvas.reasons.${section.reason}`, { defaultValue: section.reason }), STYLE.reason);
    for (const [key, value] of Object.entries(section.facts)) {
      const shown = key === 'engine' ? t(`canvas.engines.${value}`, { defaultValue: value }) : value;
      if (!column.pair(t(`canvas.facts.${key}`, { defaultValue: key }), shown, STYLE.label, STYLE.value)) column.left += 1;
    }
    for (const [key, f] of entries(section.figures)) {
      const missing = f.value === null || f.value === undefined;
      if (!column.pair(figureLabel(key, t), figure(key, f), STYLE.label, missing ? STYLE.missing : STYLE.value)) column.left += 1;
    }
    for (const [group, rows] of Object.entries(section.rows)) {
      if (rows.length === 0) continue;
      column.gap(4);
      if (!column.line(t(`canvas.rows.${group}`, { defaultValue: group }), STYLE.group)) {
        column.left += rows.length;
        continue;
      }
      for (const row of rows) {
        if (column.free < (STYLE.row.size + STYLE.rowFigures.size) * 1.3) {
          column.left += 1;
          continue;
        }
        const label =
          group === 'sources' || group === 'channels'
            ? t(`canvas.sources.${row.label}`, { defaultValue: row.label })
            : group === 'types'
              ? t(`canvas.types.${row.label}`, { defaultValue: row.label })
              : row.label;
        // A row's kind: a team's or segment's kind, a relationship type, or a plan target's metric.
        const kind = row.kind
          ? t(`canvas.kinds.${row.kind}`, {
              defaultValue: t(`canvas.types.${row.kind}`, {
                defaultValue: t(`relationships.metrics.${row.kind}`, { defaultValue: row.kind }),
              }),
            })
          : '';
        column.line(kind ? `${label} · ${kind}` : label, STYLE.row);
        const figures = entries(row.figures).map(([key, f]) => `${figureLabel(key, t)}: ${figure(key, f)}`);
        if (figures.length > 0) column.paragraph(figures.join(' · '), STYLE.rowFigures, 2);
      }
    }
  }
  column.more(t('canvas.export.more', { count: column.left }), STYLE.more, reserved);
  out.push(...column.parts, '</g>');
  return out;
}
