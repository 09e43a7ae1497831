// The Customer Relationships block as a standalone SVG: one card per segment (its plan, members
// and cost, then the six relationship types with whether each is expected and established, the
// targets met and missed, and what it costs), gaps in red, and the gaps touching the most
// customers listed below. The sheet is A3 wide and as tall as its cards.
import { formatMoney, formatNumber } from '../../../i18n/format';
import { figureText, periodText } from './figureText';
import type { RelationshipGap, RelationshipSegment, RelationshipsBlock, RelationshipTypeEntry } from './relationshipsBlock';
import { charsThatFit, escapeXml, rect, svgDocument, text, truncate, type TextStyle, type Translate } from './svg';
import type { CanvasFigure } from '../types';

const WIDTH = 1587;
const MARGIN = 24;
const HEADER = 64;
const GAP = 16;
const COLUMNS = 2;
const ROW = 20;
const MAX_GAPS = 15;

export const STATUS_COLOR: Record<string, string> = {
  expected_established: '#067647',
  expected_not_established: '#b42318',
  established_not_planned: '#b54708',
  not_used: '#667085',
};

const CARD_WIDTH = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) / COLUMNS;
/** Name, description, members and cost, the table's header, six types, padding. */
const CARD_HEIGHT = 26 + 18 + 2 * 18 + ROW + 6 * ROW + 16;

export function relationshipsBlockSvg(block: RelationshipsBlock, t: Translate, language: string): string {
  const title = t('canvas.export.relationshipsTitle');
  const period = periodText(block.from, block.to, t, language);
  const body: string[] = [];
  body.push(text(MARGIN, MARGIN + 22, title, { size: 24, bold: true }));
  body.push(text(MARGIN, MARGIN + 44, period, { size: 13, fill: '#475467' }));
  let y = MARGIN + HEADER;
  if (block.segments.length === 0) {
    body.push(text(MARGIN, y + 16, t('canvas.export.noSegments'), { size: 14, italic: true, fill: '#667085' }));
    y += 32;
  }
  block.segments.forEach((segment, i) => {
    const col = i % COLUMNS;
    const row = Math.floor(i / COLUMNS);
    body.push(...card(segment, block.currency, MARGIN + col * (CARD_WIDTH + GAP), y + row * (CARD_HEIGHT + GAP), t, language));
  });
  y += Math.ceil(block.segments.length / COLUMNS) * (CARD_HEIGHT + GAP);

  const gaps = block.gaps.slice(0, MAX_GAPS);
  if (gaps.length > 0) {
    y += 8;
    body.push(text(MARGIN, y + 16, t('canvas.export.gapsTitle'), { size: 16, bold: true }));
    y += 24;
    const max = charsThatFit(WIDTH - 2 * MARGIN, 12);
    for (const gap of gaps) {
      y += 18;
      body.push(
        text(MARGIN, y, truncate(gapText(gap, t, language), max), { size: 12, fill: STATUS_COLOR.expected_not_established }),
      );
    }
    if (block.gaps.length > gaps.length) {
      y += 18;
      body.push(
        text(MARGIN, y, t('canvas.export.more', { count: block.gaps.length - gaps.length }), {
          size: 11,
          italic: true,
          fill: '#667085',
        }),
      );
    }
    y += 8;
  }
  return svgDocument(WIDTH, y + MARGIN, `${title} · ${period}`, body);
}

/** One gap in words: which segment, which type or metric, how many of its customers. */
export function gapText(gap: RelationshipGap, t: Translate, language: string): string {
  return t(`canvas.export.gaps.${gap.kind}`, {
    defaultValue: gap.kind,
    segment: gap.segment.name,
    type: gap.type ? t(`canvas.types.${gap.type}`, { defaultValue: gap.type }) : '',
    metric: gap.metric ? t(`relationships.metrics.${gap.metric}`, { defaultValue: gap.metric }) : '',
    customers: formatNumber(gap.customers, language),
    of: formatNumber(gap.of, language),
  });
}

function money(figure: CanvasFigure, currency: string | null, t: Translate, language: string): string {
  if (currency && typeof figure.value === 'number') return formatMoney(figure.value / 100, currency, language);
  return figureText('total', figure, t, language);
}

/** The targets of a type: "2 met · 1 missed", or a dash when it has none. */
export function targetsText(type: RelationshipTypeEntry, t: Translate, language: string): string {
  if (type.targets.length === 0) return t('canvas.none');
  const met = type.targets.filter((x) => x.met === true).length;
  const missed = type.targets.filter((x) => x.met === false).length;
  const unmeasured = type.targets.length - met - missed;
  const parts = [t('canvas.export.targetsMet', { count: met, n: formatNumber(met, language) })];
  parts.push(t('canvas.export.targetsMissed', { count: missed, n: formatNumber(missed, language) }));
  if (unmeasured > 0)
    parts.push(t('canvas.export.targetsUnmeasured', { count: unmeasured, n: formatNumber(unmeasured, language) }));
  return parts.join(' · ');
}

function card(
  segment: RelationshipSegment,
  currency: string | null,
  x: number,
  y: number,
  t: Translate,
  language: string,
): string[] {
  const width = CARD_WIDTH;
  const inner = width - 20;
  const left = x + 10;
  const hasGap =
    segment.plan === null ||
    segment.types.some((ty) => ty.status === 'expected_not_established' || ty.targets.some((g) => g.met === false));
  const out = [`<g data-segment="${escapeXml(segment.segment.id)}">`];
  out.push(
    rect(x, y, width, CARD_HEIGHT, { fill: '#f9fafb', stroke: hasGap ? STATUS_COLOR.expected_not_established : '#98a2b3' }),
  );
  out.push(text(left, y + 20, truncate(segment.segment.name, charsThatFit(inner, 15, true)), { size: 15, bold: true }));
  const described = [
    segment.segment.kind ? t(`canvas.kinds.${segment.segment.kind}`, { defaultValue: segment.segment.kind }) : null,
    segment.segment.entity_type
      ? t(`canvas.kinds.${segment.segment.entity_type}`, { defaultValue: segment.segment.entity_type })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const plan = segment.plan ? t('canvas.export.planVersion', { version: segment.plan.version }) : t('canvas.export.noPlan');
  const line = described ? `${described} · ${plan}` : plan;
  out.push(
    text(left, y + 38, truncate(line, charsThatFit(inner, 11)), {
      size: 11,
      fill: segment.plan ? '#475467' : STATUS_COLOR.expected_not_established,
    }),
  );
  const pair = (row: number, label: string, value: string) => {
    const baseline = y + 56 + row * 18;
    out.push(text(left, baseline, truncate(label, charsThatFit(inner / 2, 11)), { size: 11, fill: '#475467' }));
    out.push(
      text(left + inner, baseline, truncate(value, charsThatFit(inner / 2, 12, true)), { size: 12, bold: true, anchor: 'end' }),
    );
  };
  pair(0, t('canvas.figures.members'), figureText('members', segment.members, t, language));
  pair(1, t('canvas.export.cost'), money(segment.cost_total, currency, t, language));

  // The table: type | status | targets | cost.
  const cols = [left, left + inner * 0.28, left + inner * 0.55, left + inner];
  const widths = [inner * 0.27, inner * 0.26, inner * 0.3, inner * 0.14];
  const head: TextStyle = { size: 10, bold: true, fill: '#344054' };
  let baseline = y + 56 + 2 * 18 + 6;
  out.push(text(cols[0], baseline, truncate(t('canvas.export.type'), charsThatFit(widths[0], 10, true)), head));
  out.push(text(cols[1], baseline, truncate(t('canvas.export.status.title'), charsThatFit(widths[1], 10, true)), head));
  out.push(text(cols[2], baseline, truncate(t('canvas.export.targets'), charsThatFit(widths[2], 10, true)), head));
  out.push(
    text(cols[3], baseline, truncate(t('canvas.export.cost'), charsThatFit(widths[3], 10, true)), { ...head, anchor: 'end' }),
  );
  for (const type of segment.types.slice(0, 6)) {
    baseline += ROW;
    const color = STATUS_COLOR[type.status] ?? '#101828';
    const missed = type.targets.some((g) => g.met === false);
    out.push(
      text(
        cols[0],
        baseline,
        truncate(t(`canvas.types.${type.type}`, { defaultValue: type.type }), charsThatFit(widths[0], 10)),
        { size: 10 },
      ),
    );
    out.push(
      text(
        cols[1],
        baseline,
        truncate(t(`canvas.export.status.${type.status}`, { defaultValue: type.status }), charsThatFit(widths[1], 10)),
        {
          size: 10,
          fill: color,
          bold: type.status === 'expected_not_established',
        },
      ),
    );
    out.push(
      text(cols[2], baseline, truncate(targetsText(type, t, language), charsThatFit(widths[2], 10)), {
        size: 10,
        fill: missed ? STATUS_COLOR.expected_not_established : '#101828',
      }),
    );
    out.push(
      text(cols[3], baseline, truncate(money(type.cost.total_cents, currency, t, language), charsThatFit(widths[3], 10)), {
        size: 10,
        anchor: 'end',
      }),
    );
  }
  out.push('</g>');
  return out;
}
