// A figure as text, outside React (the SVG exports and the comparison use it; the canvas
// screen's figures read the same): shares as percentages, durations in a readable unit, and
// an absent value as its translated reason, never as 0.
import { formatDate, formatDateTime, formatMoney, formatNumber, localeFor } from '../../../i18n/format';
import { durationParts, figureKind } from '../canvas';
import type { CanvasFigure } from '../types';
import type { Translate } from './svg';

/** The figure's label, translated (the key itself for a figure the app does not know yet). */
export function figureLabel(key: string, t: Translate): string {
  return t(`canvas.figures.${key}`, { defaultValue: key });
}

/** Why a figure has no value, translated. */
export function reasonText(reason: string | null | undefined, t: Translate): string {
  return t(`canvas.reasons.${reason ?? 'no_data'}`, { defaultValue: t('canvas.none') });
}

/** Money kept in cents (minor units), in the cost model's currency when there is one. */
export function isMoney(key: string): boolean {
  return key.endsWith('_cents');
}

/** A value of the kind its key says, in the language's notation. */
export function valueText(key: string, value: number, t: Translate, language: string, currency: string | null = null): string {
  const locale = localeFor(language);
  if (isMoney(key)) {
    if (currency) return formatMoney(value / 100, currency, language);
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
  }
  // A plan entry's or target's yes/no (1/0).
  if (key === 'met' || key === 'established') return value ? t('canvas.export.yes') : t('canvas.export.no');
  switch (figureKind(key)) {
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'decimal':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case 'time':
      return formatDateTime(value, language);
    case 'duration': {
      const { unit, value: n } = durationParts(value);
      return t(`canvas.units.${unit}`, { count: n, n: formatNumber(n, language) });
    }
    default:
      return formatNumber(value, language);
  }
}

/** The figure as the canvas shows it. */
export function figureText(
  key: string,
  figure: CanvasFigure | undefined,
  t: Translate,
  language: string,
  currency: string | null = null,
): string {
  if (!figure) return t('canvas.none');
  if (figure.value === null || figure.value === undefined) return reasonText(figure.reason, t);
  return valueText(key, figure.value, t, language, currency);
}

/** The period as the sheet's subtitle says it (`to` is exclusive, so the last day is the one before). */
export function periodText(from: number, to: number, t: Translate, language: string): string {
  return t('canvas.export.period', { from: formatDate(from, language), to: formatDate(Math.max(from, to - 1), language) });
}
