// Pure helpers of the costs screens: money in minor units to and from what people type,
// allocation shares in percent (basis points on the wire), the default period, and the form's
// draft of a cost model to and from the API's shape.
import type { CostModel, CostModelInput, FixedCategory, RelationshipType } from './types';

/** Minor units as a plain decimal for an input ("1234.5" → 123450 with 2 digits and back as "1234.50"). */
export function amountText(cents: number, digits: number): string {
  if (digits === 0) return String(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** What someone typed ("1234.5", "1234,50", "1 234.50") as minor units; null when it is not an amount. */
export function parseAmount(text: string, digits: number): number | null {
  const clean = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(clean);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Basis points as a percent for an input (3333 → "33.33"). */
export function percentText(basisPoints: number): string {
  return amountText(basisPoints, 2)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

/** A typed percent ("33.33", "50") as basis points; null when it is not one. */
export function parsePercent(text: string): number | null {
  const bp = parseAmount(text, 2);
  return bp === null || bp > 10000 ? null : bp;
}

/** The money of `cents` minor units, for display. */
export function fromCents(cents: number, digits: number): number {
  return cents / 10 ** digits;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar month holding `now` (UTC) as [from, to). */
export function monthPeriod(now: number): { from: string; to: string } {
  const d = new Date(now);
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return { from: isoDay(from), to: isoDay(to) };
}

/** The last `days` days up to today (UTC) as [from, to). */
export function lastDays(now: number, days: number): { from: string; to: string } {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return { from: isoDay(new Date(today - (days - 1) * 86_400_000)), to: isoDay(new Date(today + 86_400_000)) };
}

export interface ShareDraft {
  relationship_type: RelationshipType;
  percent: string;
}
export interface FixedDraft {
  name: string;
  category: FixedCategory;
  amount: string;
  allocation: ShareDraft[];
}
export interface ModelDraft {
  effective_from: string;
  currency: string;
  note: string;
  team_rates: { team_id: string; amount: string }[];
  role_rates: { role: string; amount: string }[];
  fixed_costs: FixedDraft[];
  channel_rates: { channel: string; amount: string }[];
}

/** The form's starting point: a copy of `model` effective from `day`, or an empty model. */
export function draftFrom(model: CostModel | null | undefined, day: string, currency = 'EUR'): ModelDraft {
  if (!model) {
    return { effective_from: day, currency, note: '', team_rates: [], role_rates: [], fixed_costs: [], channel_rates: [] };
  }
  const d = model.minor_digits;
  return {
    effective_from: day,
    currency: model.currency,
    note: model.note,
    team_rates: model.team_rates.map((r) => ({ team_id: r.team_id, amount: amountText(r.cents_per_hour, d) })),
    role_rates: model.role_rates.map((r) => ({ role: r.role, amount: amountText(r.cents_per_hour, d) })),
    fixed_costs: model.fixed_costs.map((f) => ({
      name: f.name,
      category: f.category,
      amount: amountText(f.monthly_cents, d),
      allocation: (f.allocation ?? []).map((a) => ({
        relationship_type: a.relationship_type,
        percent: percentText(a.basis_points),
      })),
    })),
    channel_rates: model.channel_rates.map((c) => ({ channel: c.channel, amount: amountText(c.cents_per_message, d) })),
  };
}

/** The sum of a fixed cost's shares in basis points (unreadable shares count 0). */
export function allocationTotal(allocation: ShareDraft[]): number {
  return allocation.reduce((sum, a) => sum + (parsePercent(a.percent) ?? 0), 0);
}

/**
 * The API body of a draft, and the fields that are not amounts (by their API pointer, as the
 * server would name them), so they can be shown before anything is sent.
 */
export function inputOf(draft: ModelDraft, digits: number): { body: CostModelInput; invalid: string[] } {
  const invalid: string[] = [];
  const money = (text: string, pointer: string) => {
    const v = parseAmount(text, digits);
    if (v === null) invalid.push(pointer);
    return v ?? 0;
  };
  const body: CostModelInput = {
    effective_from: draft.effective_from,
    currency: draft.currency.trim().toUpperCase(),
    note: draft.note,
    team_rates: draft.team_rates.map((r, i) => ({
      team_id: r.team_id,
      cents_per_hour: money(r.amount, `/team_rates/${i}/cents_per_hour`),
    })),
    role_rates: draft.role_rates.map((r, i) => ({
      role: r.role as CostModel['role_rates'][number]['role'],
      cents_per_hour: money(r.amount, `/role_rates/${i}/cents_per_hour`),
    })),
    fixed_costs: draft.fixed_costs.map((f, i) => ({
      name: f.name,
      category: f.category,
      monthly_cents: money(f.amount, `/fixed_costs/${i}/monthly_cents`),
      allocation: f.allocation.map((a, j) => {
        const bp = parsePercent(a.percent);
        if (bp === null) invalid.push(`/fixed_costs/${i}/allocation/${j}/basis_points`);
        return { relationship_type: a.relationship_type, basis_points: bp ?? 0 };
      }),
    })),
    channel_rates: draft.channel_rates.map((c, i) => ({
      channel: c.channel.trim().toLowerCase(),
      cents_per_message: money(c.amount, `/channel_rates/${i}/cents_per_message`),
    })),
  };
  return { body, invalid };
}

/** Fixed costs per category (cents), largest first, for the "forgotten costs" view. */
export function byCategory(lines: { category: string; cents: number }[]): { category: string; cents: number }[] {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.category, (sums.get(l.category) ?? 0) + l.cents);
  return [...sums.entries()].map(([category, cents]) => ({ category, cents })).sort((a, b) => b.cents - a.cents);
}
