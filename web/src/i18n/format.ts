// Dates and numbers in the interface language, through Intl (formatters are cached).
import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, toLanguage } from './index';

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames;
const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/**
 * Thousands separators on every number, four-digit ones included: "3.010" in Italian and Spanish,
 * whose default (CLDR's minimum grouping digits) would write "3010". ES2023's `useGrouping`
 * value, which the ES2022 types do not know.
 */
const ALWAYS_GROUP = { useGrouping: 'always' as unknown as boolean } satisfies Intl.NumberFormatOptions;

export function localeFor(language: string): string {
  return INTL_LOCALES[toLanguage(language) ?? 'en'];
}

export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const locale = localeFor(language);
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}

export function formatDate(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const locale = localeFor(language);
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(ms);
}

/** A calendar date written YYYY-MM-DD (a birthday, a custom date field), never shifted by time zones. */
export function formatIsoDate(iso: string | null | undefined, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const locale = localeFor(language);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return cached(`iso:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(ms);
}

export function formatMoney(n: number, currency: string, language: string): string {
  const locale = localeFor(language);
  try {
    return cached(
      `m:${locale}:${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency, ...ALWAYS_GROUP }),
    ).format(n);
  } catch {
    return `${formatNumber(n, language)} ${currency}`;
  }
}

/** "15 min", "1 h 30 min" (short units, in the interface language). */
export function formatMinutes(minutes: number, language: string): string {
  const locale = localeFor(language);
  const unit = (u: 'minute' | 'hour') =>
    cached(`u:${locale}:${u}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }));
  if (minutes < 60) return unit('minute').format(minutes);
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${unit('hour').format(h)} ${unit('minute').format(rest)}` : unit('hour').format(h);
}

/** "Italy" for "IT", in the interface language (the code itself if the browser has no name). */
export function countryName(code: string, language: string): string {
  if (!code) return '';
  const locale = localeFor(language);
  try {
    return cached(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Italian" for "it", in the interface language. */
export function languageName(code: string, language: string): string {
  if (!code) return '';
  const locale = localeFor(language);
  try {
    return cached(`lang:${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatNumber(n: number, language: string): string {
  const locale = localeFor(language);
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale, ALWAYS_GROUP)).format(n);
}

/**
 * The options of a counted string: `count` picks i18next's plural form ("key_one", "key_other"),
 * `n` is the number as the language writes it ("3,010", "3.010"). The strings show {{n}}.
 */
export function countOptions(n: number, language: string): { count: number; n: string } {
  return { count: n, n: formatNumber(n, language) };
}

/** "3 minutes ago", "yesterday", in the interface language. */
export function formatRelative(ms: number, language: string, now = Date.now()): string {
  const locale = localeFor(language);
  const rtf = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(diff / (86400 * 30)), 'month');
  return rtf.format(Math.round(diff / (86400 * 365)), 'year');
}

/** Formatters bound to the current interface language; re-renders when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return {
    language: lang,
    dateTime: (ms: number | null | undefined) => formatDateTime(ms, lang),
    date: (ms: number | null | undefined) => formatDate(ms, lang),
    number: (n: number) => formatNumber(n, lang),
    /** For a counted string: the plural form for n, with n formatted as {{n}}. */
    count: (n: number) => countOptions(n, lang),
    isoDate: (iso: string | null | undefined) => formatIsoDate(iso, lang),
    money: (n: number, currency: string) => formatMoney(n, currency, lang),
    minutes: (n: number) => formatMinutes(n, lang),
    country: (code: string) => countryName(code, lang),
    languageName: (code: string) => languageName(code, lang),
    relative: (ms: number) => formatRelative(ms, lang),
  };
}
