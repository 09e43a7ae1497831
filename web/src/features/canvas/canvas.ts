// The canvas screen's pure parts: where a figure links to, how a figure reads, the period.
import type { CanvasFigure, CanvasLink } from './types';

const DAY = 24 * 60 * 60 * 1000;

/** The last `days` days up to and including now. */
export function periodOf(days: number, now: number): { from: number; to: number } {
  return { from: now - days * DAY, to: now + 1 };
}

/** The address a figure opens: its route, with the list filter when it has one; null for none. */
export function figureHref(link: CanvasLink | undefined | null): string | null {
  if (!link || !link.route) return null;
  if (link.filter === null || link.filter === undefined) return link.route;
  return `${link.route}?filter=${encodeURIComponent(JSON.stringify(link.filter))}`;
}

export type FigureKind = 'share' | 'duration' | 'decimal' | 'time' | 'count' | 'money' | 'flag';

/** How a figure's key says its value reads. */
export function figureKind(key: string): FigureKind {
  if (
    key.endsWith('_share') ||
    key === 'share' ||
    key.endsWith('_rate') ||
    key === 'profile_completeness' ||
    key === 'sla_compliance' ||
    key === 'consent_coverage'
  ) {
    return 'share';
  }
  if (key.endsWith('_ms')) return 'duration';
  // Money is kept in cents (minor units); the block's facts give the currency.
  if (key.endsWith('_cents')) return 'money';
  if (key === 'met' || key === 'established') return 'flag';
  if (key === 'measured' || key === 'target') return 'decimal';
  if (key === 'finished_at') return 'time';
  if (key === 'activity_per_100' || key === 'interactions_per_customer' || key.endsWith('_average')) return 'decimal';
  return 'count';
}

/** A duration in the largest whole unit that keeps it readable. */
export function durationParts(ms: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  const minutes = ms / 60000;
  if (minutes < 120) return { unit: 'minutes', value: Math.round(minutes) };
  const hours = minutes / 60;
  if (hours < 48) return { unit: 'hours', value: Math.round(hours * 10) / 10 };
  return { unit: 'days', value: Math.round((hours / 24) * 10) / 10 };
}

/** The figures of a section or row, in the server's order, without those absent. */
export function entries(figures: Record<string, CanvasFigure> | undefined): [string, CanvasFigure][] {
  return figures ? Object.entries(figures) : [];
}

/** A number for charts: an absent figure is no data, not zero (charts leave it out). */
export function valueOf(figures: Record<string, CanvasFigure> | undefined, key: string): number | null {
  const v = figures?.[key]?.value;
  return typeof v === 'number' ? v : null;
}
