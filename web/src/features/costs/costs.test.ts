import { describe, expect, it } from 'vitest';
import {
  allocationTotal,
  amountText,
  byCategory,
  draftFrom,
  inputOf,
  lastDays,
  monthPeriod,
  parseAmount,
  parsePercent,
  percentText,
} from './costs';
import type { CostModel } from './types';

describe('amounts in minor units', () => {
  it('reads what people type', () => {
    expect(parseAmount('45', 2)).toBe(4500);
    expect(parseAmount('45.5', 2)).toBe(4550);
    expect(parseAmount('45,05', 2)).toBe(4505);
    expect(parseAmount(' 1 234.50 ', 2)).toBe(123450);
    expect(parseAmount('1500', 0)).toBe(1500);
    expect(parseAmount('1.5', 0)).toBeNull();
    expect(parseAmount('4.555', 2)).toBeNull();
    expect(parseAmount('-3', 2)).toBeNull();
    expect(parseAmount('abc', 2)).toBeNull();
    expect(parseAmount('', 2)).toBeNull();
  });
  it('writes them back for inputs', () => {
    expect(amountText(4505, 2)).toBe('45.05');
    expect(amountText(5, 2)).toBe('0.05');
    expect(amountText(1500, 0)).toBe('1500');
    expect(amountText(1234, 3)).toBe('1.234');
  });
});

describe('shares', () => {
  it('are percents with two decimals on screen and basis points on the wire', () => {
    expect(parsePercent('33.33')).toBe(3333);
    expect(parsePercent('50')).toBe(5000);
    expect(parsePercent('100.01')).toBeNull();
    expect(percentText(3333)).toBe('33.33');
    expect(percentText(5000)).toBe('50');
    expect(percentText(2550)).toBe('25.5');
    expect(
      allocationTotal([
        { relationship_type: 'personal_assistance', percent: '60' },
        { relationship_type: 'community', percent: '40' },
      ]),
    ).toBe(10000);
  });
});

describe('periods', () => {
  it('default to the calendar month (UTC), end excluded', () => {
    expect(monthPeriod(Date.UTC(2026, 11, 7, 22))).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthPeriod(Date.UTC(2024, 1, 29))).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(lastDays(Date.UTC(2026, 0, 10, 5), 10)).toEqual({ from: '2026-01-01', to: '2026-01-11' });
  });
});

const model: CostModel = {
  version_id: '1',
  effective_from: '2026-01-01',
  currency: 'EUR',
  minor_digits: 2,
  note: 'budget',
  team_rates: [{ team_id: '7', cents_per_hour: 6000 }],
  role_rates: [{ role: 'member', cents_per_hour: 3050 }],
  fixed_costs: [
    {
      name: 'CRM',
      category: 'software',
      monthly_cents: 99900,
      allocation: [{ relationship_type: 'personal_assistance', basis_points: 10000 }],
    },
  ],
  channel_rates: [{ channel: 'whatsapp', cents_per_message: 5 }],
  created_at: 0,
  created_by_user_id: null,
};

describe('the draft of a model', () => {
  it('round-trips a version into an input effective from another day', () => {
    const draft = draftFrom(model, '2026-03-01');
    expect(draft.role_rates[0].amount).toBe('30.50');
    expect(draft.fixed_costs[0].allocation[0].percent).toBe('100');
    const { body, invalid } = inputOf(draft, 2);
    expect(invalid).toEqual([]);
    expect(body.effective_from).toBe('2026-03-01');
    expect(body.role_rates?.[0].cents_per_hour).toBe(3050);
    expect(body.fixed_costs?.[0].monthly_cents).toBe(99900);
    expect(body.fixed_costs?.[0].allocation?.[0].basis_points).toBe(10000);
    expect(body.channel_rates?.[0]).toEqual({ channel: 'whatsapp', cents_per_message: 5 });
  });
  it('names the amounts that are not numbers by their API pointer', () => {
    const draft = draftFrom(model, '2026-03-01');
    draft.fixed_costs[0].amount = 'lots';
    draft.fixed_costs[0].allocation[0].percent = 'half';
    expect(inputOf(draft, 2).invalid).toEqual(['/fixed_costs/0/monthly_cents', '/fixed_costs/0/allocation/0/basis_points']);
  });
  it('starts empty without a model', () => {
    expect(draftFrom(null, '2026-01-01').fixed_costs).toEqual([]);
  });
});

describe('fixed costs by category', () => {
  it('sums and ranks them', () => {
    expect(
      byCategory([
        { category: 'training', cents: 100 },
        { category: 'software', cents: 500 },
        { category: 'training', cents: 450 },
      ]),
    ).toEqual([
      { category: 'training', cents: 550 },
      { category: 'software', cents: 500 },
    ]);
  });
});
