// Dates and numbers in the interface language, through Intl (formatters are cached).
import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, toLanguage } from './index';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

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

export function formatNumber(n: number, language: string): string {
  const locale = localeFor(language);
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
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
    relative: (ms: number) => formatRelative(ms, lang),
  };
}
