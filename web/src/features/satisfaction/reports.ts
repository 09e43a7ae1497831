// The arithmetic of the Reports page, kept out of the components so it is tested alone: the
// period asked for, bar and line scales for the hand-drawn SVG charts, durations in words,
// and the NPS band of a score.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The [from, to) of the last `days` days ending at `now`, in milliseconds. */
export function periodOf(days: number, now: number): { from: number; to: number } {
  return { from: now - days * DAY_MS, to: now };
}

/** Each value as a fraction (0..1) of the largest; all zero when there is nothing. */
export function barFractions(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 ? Math.max(0, v) / max : 0));
}

/** The points of a polyline of `values` in a width × height box (y grows down), from 0 to the largest value. */
export function linePoints(values: number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((v, i) => `${round(i * step)},${round(height - (Math.max(0, v) / max) * height)}`).join(' ');
}

/** The points of an NPS line: -100 at the bottom, 100 at the top, whatever the scores. */
export function npsPoints(scores: number[], width: number, height: number): string {
  const step = scores.length > 1 ? width / (scores.length - 1) : 0;
  return scores
    .map((s) => Math.min(100, Math.max(-100, s)))
    .map((s, i) => `${round(i * step)},${round(height - ((s + 100) / 200) * height)}`)
    .join(' ');
}

/** A duration as the largest unit that fits: { unit, value } with value rounded to one decimal. */
export function durationParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  const minutes = ms / 60000;
  if (minutes < 90) return { unit: 'minutes', value: Math.round(minutes) };
  const hours = minutes / 60;
  if (hours < 48) return { unit: 'hours', value: Math.round(hours * 10) / 10 };
  return { unit: 'days', value: Math.round((hours / 24) * 10) / 10 };
}

/** promoters (>= 50), good (> 0), neutral (0) or critical (< 0). */
export function npsBand(score: number | null | undefined): 'none' | 'excellent' | 'good' | 'neutral' | 'critical' {
  if (score === null || score === undefined) return 'none';
  if (score >= 50) return 'excellent';
  if (score > 0) return 'good';
  if (score === 0) return 'neutral';
  return 'critical';
}

/** The share (0..100, whole) of `part` in `total`; 0 for an empty total. */
export function share(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
