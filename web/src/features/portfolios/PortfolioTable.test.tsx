import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { PortfolioTable, type RecordKey } from './PortfolioList';
import type { PortfolioItem } from './types';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 7, 12);

const items: PortfolioItem[] = [
  {
    type: 'person',
    id: '1',
    name: 'Nina Never',
    last_contact_at: null,
    days_since_contact: null,
    next_action: { task_id: '9', subject: 'Call back', due_at: now + day, overdue: false },
    open_tasks: 2,
    open_conversations: 1,
  },
  {
    type: 'company',
    id: '2',
    name: 'Portafoglio SpA',
    last_contact_at: now - 1234 * day,
    days_since_contact: 1234,
    next_action: null,
    open_tasks: 0,
    open_conversations: 0,
  },
];

describe('PortfolioTable', () => {
  it('shows each customer with last contact, days since contact, next action and open items', async () => {
    await renderPage(<PortfolioTable items={items} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const never = within(rows[0]);
    expect(never.getByRole('link', { name: 'Nina Never' }).getAttribute('href')).toBe('/people/1');
    expect(never.getByText('Never')).toBeTruthy();
    expect(never.getByText(/^Call back/)).toBeTruthy();
    expect(never.getByText('2 open tasks · 1 open conversation')).toBeTruthy();
    const company = within(rows[1]);
    expect(company.getByRole('link', { name: 'Portafoglio SpA' }).getAttribute('href')).toBe('/companies/2');
    // Numbers with thousands separators, in the interface language.
    expect(company.getByText('1,234 days')).toBeTruthy();
    expect(company.getByText('None planned')).toBeTruthy();
  });

  it('chooses records for a reassignment', async () => {
    const onChange = vi.fn<(next: Map<string, RecordKey>) => void>();
    await renderPage(<PortfolioTable items={items} selection={{ chosen: new Map(), onChange }} />);
    fireEvent.click(screen.getByLabelText('Choose Portafoglio SpA'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect([...onChange.mock.calls[0][0].values()]).toEqual([{ type: 'company', id: '2' }]);
  });
});
