// The comparison of two CRM Model Canvases (period A, period B): for each block, each figure's
// two values and how B differs from A — in percentage points for shares, in the figure's own
// unit otherwise, and no difference when either side has no value (a missing value is not 0).
import { figureKind } from '../canvas';
import { BLOCKS, type BlockName, type CanvasFigure, type CanvasSection, type CrmCanvas } from '../types';

export type DeltaUnit = 'points' | 'absolute' | 'none';

export interface FigureDiff {
  key: string;
  a: CanvasFigure | undefined;
  b: CanvasFigure | undefined;
  /** B − A: percentage points for shares, the figure's unit otherwise; null when not comparable. */
  delta: number | null;
  unit: DeltaUnit;
}

export interface BlockDiff {
  block: BlockName;
  a: CanvasSection | undefined;
  b: CanvasSection | undefined;
  figures: FigureDiff[];
}

/** Cuts the float noise of a subtraction (0.3 − 0.1) without rounding real decimals. */
function clean(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** How B's value differs from A's, for a figure of this key. */
export function figureDelta(
  key: string,
  a: CanvasFigure | undefined,
  b: CanvasFigure | undefined,
): { delta: number | null; unit: DeltaUnit } {
  const kind = figureKind(key);
  if (kind === 'time') return { delta: null, unit: 'none' };
  const unit: DeltaUnit = kind === 'share' ? 'points' : 'absolute';
  const va = a?.value;
  const vb = b?.value;
  if (typeof va !== 'number' || typeof vb !== 'number') return { delta: null, unit };
  // Shares are fractions (0..1): their difference reads in percentage points.
  return { delta: clean(kind === 'share' ? (vb - va) * 100 : vb - va), unit };
}

/** The figures of a block on both sides: A's order first, then those only B has. */
export function compareSection(a: CanvasSection | undefined, b: CanvasSection | undefined): FigureDiff[] {
  const keys = [...Object.keys(a?.figures ?? {})];
  for (const k of Object.keys(b?.figures ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => {
    const fa = a?.figures[key];
    const fb = b?.figures[key];
    return { key, a: fa, b: fb, ...figureDelta(key, fa, fb) };
  });
}

/** The nine blocks, in the canvas's reading order, each with its figures compared. */
export function compareCanvases(a: CrmCanvas, b: CrmCanvas): BlockDiff[] {
  return BLOCKS.map((block) => ({
    block,
    a: a.blocks[block],
    b: b.blocks[block],
    figures: compareSection(a.blocks[block], b.blocks[block]),
  }));
}

/** A day (YYYY-MM-DD, local time) as the instant it starts; null for anything else. */
export function dayStart(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) return null;
  return d.getTime();
}

/** A local day as YYYY-MM-DD. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The period from the first day's start to the last day's end (exclusive); null if invalid or reversed. */
export function periodOfDays(first: string, last: string): { from: number; to: number } | null {
  const from = dayStart(first);
  const lastStart = dayStart(last);
  if (from === null || lastStart === null || lastStart < from) return null;
  const next = new Date(lastStart);
  next.setDate(next.getDate() + 1);
  return { from, to: next.getTime() };
}

/** The default comparison: the last `days` days (B, today included) against the `days` before (A). */
export function defaultDays(now: number, days = 90): { a: [string, string]; b: [string, string] } {
  const shift = (n: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + n);
    return dayOf(d.getTime());
  };
  return { a: [shift(-2 * days + 1), shift(-days)], b: [shift(-days + 1), shift(0)] };
}

/** Two days as an address parameter: "2026-01-01_2026-03-31". */
export function daysParam(days: [string, string]): string {
  return `${days[0]}_${days[1]}`;
}

/** The two days an address parameter names, if they make a period; null otherwise. */
export function parseDaysParam(value: string | null): [string, string] | null {
  const parts = (value ?? '').split('_');
  if (parts.length !== 2 || periodOfDays(parts[0], parts[1]) === null) return null;
  return [parts[0], parts[1]];
}
