// A difference as text: signed, in the language's notation ("+1.234", "-3,5 p. p.", "+2 hours").
import { formatMoney, localeFor } from '../../../i18n/format';
import { durationParts, figureKind } from '../canvas';
import { isMoney } from '../export/figureText';
import type { Translate } from '../export/svg';
import type { FigureDiff } from './diff';

const ALWAYS_GROUP = { useGrouping: 'always' as unknown as boolean } satisfies Intl.NumberFormatOptions;

function signed(n: number, language: string, fractionDigits: number): string {
  return new Intl.NumberFormat(localeFor(language), {
    signDisplay: 'exceptZero',
    maximumFractionDigits: fractionDigits,
    ...ALWAYS_GROUP,
  }).format(n);
}

/** The difference B − A of a compared figure (money in cents, priced in `currency`); a dash when there is none. */
export function deltaText(diff: FigureDiff, t: Translate, language: string, currency: string | null = null): string {
  const { delta } = diff;
  if (delta === null) return t('canvas.none');
  if (isMoney(diff.key)) {
    if (currency === null) return signed(delta / 100, language, 2);
    const text = formatMoney(Math.abs(delta) / 100, currency, language);
    return delta > 0 ? `+${text}` : delta < 0 ? `-${text}` : text;
  }
  switch (figureKind(diff.key)) {
    case 'share':
      return t('canvas.compare.points', { n: signed(delta, language, 1) });
    case 'decimal':
      return signed(delta, language, 2);
    case 'duration': {
      const { unit, value } = durationParts(Math.abs(delta));
      const text = t(`canvas.units.${unit}`, { count: value, n: signed(value, language, 1).replace(/^\+/, '') });
      return delta > 0 ? `+${text}` : delta < 0 ? `-${text}` : text;
    }
    default:
      return signed(delta, language, 0);
  }
}

/** Which way a figure moved, for its style: up, down, or the same. */
export function direction(diff: FigureDiff): 'up' | 'down' | 'same' | null {
  if (diff.delta === null) return null;
  return diff.delta > 0 ? 'up' : diff.delta < 0 ? 'down' : 'same';
}
