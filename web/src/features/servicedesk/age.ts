// How long a customer has been waiting, in words ("3 hours", "2 days"), in the interface
// language through Intl: the largest whole unit, never "0 days".
import { localeFor } from '../../i18n/format';

export type AgeUnit = 'minute' | 'hour' | 'day';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The whole minutes, hours or days from `since` to `now` (null under a minute, or in the future). */
export function ageParts(since: number, now: number): { value: number; unit: AgeUnit } | null {
  const ms = now - since;
  if (!Number.isFinite(ms) || ms < MINUTE) return null;
  if (ms < HOUR) return { value: Math.floor(ms / MINUTE), unit: 'minute' };
  if (ms < DAY) return { value: Math.floor(ms / HOUR), unit: 'hour' };
  return { value: Math.floor(ms / DAY), unit: 'day' };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "3 hours", "1 day", "12 minuti"; `justNow` (translated) under a minute. */
export function formatAge(since: number, now: number, language: string, justNow: string): string {
  const parts = ageParts(since, now);
  if (!parts) return justNow;
  const locale = localeFor(language);
  const key = `${locale}:${parts.unit}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit: parts.unit, unitDisplay: 'long' });
    formatters.set(key, f);
  }
  return f.format(parts.value);
}
