// A segment's card and the comparison, rendered from fixtures shaped as the API contract says.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderPage } from '../../../test/render';
import { Comparison } from './Comparison';
import { block, emptySegment, figure, ownerGap, premiumSegment } from './fixtures';
import { SegmentCard } from './SegmentCard';

// The chart itself is ECharts' business; here it only has to receive the costs.
vi.mock('../Chart', () => ({
  BarFigure: ({ title, points }: { title: string; points: { name: string; value: number }[] }) => (
    <div role="img" aria-label={`${title}: ${points.map((p) => `${p.name} ${p.value}`).join(', ')}`} />
  ),
}));

describe('SegmentCard', () => {
  it('answers the five questions with each status at a glance and the gaps in red, linked', async () => {
    await renderPage(<SegmentCard segment={premiumSegment()} gaps={[ownerGap()]} currency="EUR" noContactDays={90} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Premium B2B' })).toBeTruthy();
    expect(screen.getByText('Plan version 3, 14 Nov 2023, by ana@x.test')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Relationship types of Premium B2B' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    const dedicated = rows[1]!;
    expect(dedicated.getAttribute('data-status')).toBe('expected_established');
    expect(within(dedicated).getByText('Expected and established').className).toContain('rel-status-ok');
    expect(within(dedicated).getByText('45.5% (needs 10%)')).toBeTruthy();
    expect(within(dedicated).getByText('Customers with an account owner: 69.2%, target at least 100%')).toBeTruthy();
    expect(within(dedicated).getByText('missed').className).toContain('badge-off');
    expect(within(dedicated).getByText('Average CSAT: no data yet, target at least 4.5')).toBeTruthy();
    expect(within(dedicated).getByText('€1,832.50')).toBeTruthy();
    expect(screen.getByText('time €1,575.00, messages €19.50, fixed €250.00')).toBeTruthy();
    expect(within(dedicated).getByText('Key accounts')).toBeTruthy();
    expect(within(dedicated).getByText('Email, Phone')).toBeTruthy();
    expect(within(rows[2]!).getByText('Established, not planned').className).toContain('rel-status-unplanned');
    expect(within(rows[0]!).getByText('Not used').className).toContain('rel-status-muted');
    // An unmeasured cost says so; it is never a zero.
    expect(within(rows[0]!).getByText('not yet measured')).toBeTruthy();
    const gap = screen.getByRole('link', {
      name: 'Premium B2B expects dedicated assistance: 37 of 120 companies have no account owner',
    });
    expect(decodeURIComponent(gap.getAttribute('href') ?? '')).toBe(
      '/companies?filter={"field":"owner_user_id","op":"is_empty"}',
    );
    expect(await screen.findByRole('img', { name: /Dedicated personal assistance 1832.5, Self-service 12$/ })).toBeTruthy();
  });

  it('shows a segment without members, plan or cost model by its reasons', async () => {
    await renderPage(<SegmentCard segment={emptySegment()} gaps={[]} currency={null} noContactDays={90} />);
    expect(screen.getByText('No relationship plan for this segment.')).toBeTruthy();
    expect(screen.getAllByText('no customers')).toHaveLength(6);
    expect(screen.getByText('No cost measured in this period.')).toBeTruthy();
    const cost = screen.getByText('Cost in the period').parentElement!;
    expect(within(cost).getByText('not yet measured')).toBeTruthy();
  });
});

describe('Comparison', () => {
  it('puts the two sides next to each other with the changes', async () => {
    const a = block();
    const b = block();
    b.segments[0]!.types[1]!.status = 'expected_not_established';
    b.segments[0]!.types[1]!.cost.total_cents = figure(150000);
    await renderPage(<Comparison a={a} b={b} sides="A: Version 2 · B: Version 3" />);
    const table = screen.getByRole('table', { name: 'Differences from A to B' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-diff'))).toEqual(['status', 'cost']);
    expect(within(rows[0]!).getByText('Expected and established')).toBeTruthy();
    expect(within(rows[0]!).getByText('Expected, not established')).toBeTruthy();
    expect(within(rows[1]!).getByText('-€332.50')).toBeTruthy();
  });
});
