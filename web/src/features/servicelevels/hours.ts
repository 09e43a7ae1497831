// The logic of the service levels settings, kept apart from the screens so it can be tested:
// weekly hours (the server's {"mon": [{"start": "09:00", "end": "13:00"}], ...}), their short
// summary, the time zones to pick from, and business-minute targets typed as text.
import type { Schemas } from '../../api/types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Interval = Schemas['SlaOpeningInterval'];
export type WeeklyHours = Record<Weekday, Interval[]>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Every day closed. */
export function emptyHours(): WeeklyHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** Monday to Friday, 09:00–13:00 and 14:00–18:00: what a new calendar starts from. */
export function officeHours(): WeeklyHours {
  const day = () => [
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '18:00' },
  ];
  return { ...emptyHours(), mon: day(), tue: day(), wed: day(), thu: day(), fri: day() };
}

/** The server's hours with every weekday present. */
export function completeHours(hours: Partial<Record<Weekday, Interval[]>> | undefined): WeeklyHours {
  const out = emptyHours();
  for (const d of WEEKDAYS) out[d] = [...(hours?.[d] ?? [])];
  return out;
}

/** A time input cannot say 24:00: a closing time of 00:00 means midnight, sent as 24:00. */
export function closingMidnight(hours: WeeklyHours): WeeklyHours {
  const out = emptyHours();
  for (const d of WEEKDAYS) out[d] = hours[d].map((i) => (i.end === '00:00' ? { ...i, end: '24:00' } : i));
  return out;
}

export interface DayGroup {
  from: Weekday;
  to: Weekday;
  intervals: Interval[];
}

const sameIntervals = (a: Interval[], b: Interval[]) =>
  a.length === b.length && a.every((x, i) => x.start === b[i].start && x.end === b[i].end);

/** Runs of consecutive open weekdays with the same intervals (closed days are left out). */
export function groupDays(hours: WeeklyHours): DayGroup[] {
  const groups: DayGroup[] = [];
  let previous: Weekday | null = null;
  for (const d of WEEKDAYS) {
    const intervals = hours[d];
    const last = groups[groups.length - 1];
    if (intervals.length > 0 && last && last.to === previous && sameIntervals(last.intervals, intervals)) {
      last.to = d;
    } else if (intervals.length > 0) {
      groups.push({ from: d, to: d, intervals });
    }
    previous = d;
  }
  return groups;
}

/** "Mon–Fri 09:00–13:00, 14:00–18:00; Sat 10:00–12:00", with `dayName` giving short day names. */
export function summariseHours(hours: WeeklyHours, dayName: (d: Weekday) => string): string {
  return groupDays(hours)
    .map((g) => {
      const days = g.from === g.to ? dayName(g.from) : `${dayName(g.from)}–${dayName(g.to)}`;
      return `${days} ${g.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}`;
    })
    .join('; ');
}

const FALLBACK_ZONES = [
  'UTC',
  'Europe/Rome',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Lisbon',
  'America/Sao_Paulo',
  'America/New_York',
];

/** The IANA time zones the browser knows, sorted, with UTC first; `current` is kept even if unknown. */
export function timeZones(current?: string, supported?: () => string[]): string[] {
  let zones: string[];
  try {
    zones = supported ? supported() : Intl.supportedValuesOf('timeZone');
  } catch {
    zones = FALLBACK_ZONES;
  }
  const set = new Set(zones.filter((z) => z !== 'UTC'));
  if (current && current !== 'UTC') set.add(current);
  return ['UTC', ...[...set].sort()];
}

/** The browser's own time zone (a sensible default for a new calendar). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A target typed in a field: empty is "no target" (null); a whole number is sent as is (the
 * server checks its range); anything else is sent as text so the server names the field.
 */
export function targetValue(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A target as the form shows it. */
export function targetText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The UTC milliseconds of a wall time ("2026-01-12T10:00", as a datetime-local input gives it)
 * in `timeZone`: the instant whose local time there is that wall time.
 */
export function zonedWallTimeToUtc(wall: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at a guess, then at the corrected instant (right across DST changes).
  const offsetAt = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(ms / 60000) * 60000;
  };
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}
