// Pure helpers of the portfolio screens: the list links the manager's view gives, percentages in
// the interface language, and the order of owners.
import { localeFor } from '../../i18n/format';
import type { PortfolioOwner } from './types';

/** The companies or people list filtered to those with no owner (the list's ?filter= JSON). */
export function unownedListPath(kind: 'company' | 'person'): string {
  const filter = JSON.stringify({ field: 'owner_user_id', op: 'is_empty' });
  return `/${kind === 'company' ? 'companies' : 'people'}?filter=${encodeURIComponent(filter)}`;
}

/** The companies or people list filtered to one owner's records. */
export function ownerListPath(kind: 'company' | 'person', userId: string): string {
  const filter = JSON.stringify({ field: 'owner_user_id', op: 'eq', value: userId });
  return `/${kind === 'company' ? 'companies' : 'people'}?filter=${encodeURIComponent(filter)}`;
}

/** A share from 0 to 1 as a whole percentage ("33 %", "33%"), or "–" when there is none. */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Lowest coverage first (who needs help), an empty portfolio last, then by name. */
export function byCoverage(a: PortfolioOwner, b: PortfolioOwner): number {
  const ca = a.coverage ?? 2;
  const cb = b.coverage ?? 2;
  if (ca !== cb) return ca - cb;
  return a.display_name.localeCompare(b.display_name);
}
