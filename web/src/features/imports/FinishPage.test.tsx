import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { RejectedRows, rowValues } from './RejectedRows';
import { ImportHistoryPage } from './ImportHistoryPage';
import { importedRecordsPath } from './api';
import type { ImportJob } from './api';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const job: ImportJob = {
  id: '77',
  entity: 'person',
  filename: 'contatti.csv',
  status: 'completed',
  size_bytes: 120,
  encoding: 'UTF-8',
  encoding_reason: '',
  delimiter: ',',
  delimiter_name: 'comma',
  delimiter_reason: '',
  has_bom: false,
  header: ['Nome', 'Cognome', 'Email'],
  rows_total: 1204,
  rows_done: 1204,
  percent: 100,
  created: 1200,
  updated: 1,
  unchanged: 0,
  rejected: 3,
  flagged: 0,
  mapping: null,
  created_by: 'demo@rapport.test',
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_000_000,
  started_at: 1_700_000_000_000,
  finished_at: 1_700_000_000_000,
  error: null,
};

const row = (n: number, email: string) => ({
  row: n,
  line: n + 1,
  fields: ['Bo', '', email],
  errors: [{ field: 'email', column: 'Email', detail: 'not a valid email address' }],
});

describe('the finish page', () => {
  it('lists each rejected row with its values and problems, page by page', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://x');
        calls.push(u.pathname + u.search);
        if (u.pathname === '/api/v1/imports/77/rejected' && !u.searchParams.get('cursor'))
          return json(200, { items: [row(2, 'nope'), row(5, 'a@b@c')], next_cursor: '5' });
        if (u.pathname === '/api/v1/imports/77/rejected') return json(200, { items: [row(9, 'x')], next_cursor: null });
        return json(404, {});
      }),
    );
    await renderPage(<RejectedRows job={job} />);
    const table = await screen.findByTestId('finish-rejected-rows');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('heading', { name: '3 rejected rows' })).toBeTruthy();
    expect(within(table).getByText('Row 2 (line 3)')).toBeTruthy();
    expect(within(table).getByText('nope')).toBeTruthy();
    expect(within(table).getAllByText('not a valid email address')).toHaveLength(2);
    expect(screen.getByTestId('download-rejected').getAttribute('href')).toBe('/api/v1/imports/77/rejected.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Show more (2 of 3)' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(calls.some((c) => c.includes('cursor=5'))).toBe(true);
  });

  it('shows a row as its non-empty values under the file headers', () => {
    expect(rowValues(['Nome', 'Cognome', 'Email'], row(2, 'nope'))).toEqual([
      { column: 'Nome', value: 'Bo' },
      { column: 'Email', value: 'nope' },
    ]);
  });

  it('links to exactly the imported records', () => {
    const path = importedRecordsPath('/people', '77');
    const filter = new URLSearchParams(path.split('?')[1]).get('filter');
    expect(path.startsWith('/people?')).toBe(true);
    expect(JSON.parse(filter ?? '')).toEqual({ field: 'imports', op: 'has_tag', value: '77' });
  });
});

describe('the history of imports', () => {
  it('lists imports newest first with counts, each opening its finish page', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://x');
        if (u.pathname === '/api/v1/imports')
          return json(200, { items: [job, { ...job, id: '76', filename: 'old.csv', status: 'failed' }], next_cursor: null });
        return json(404, {});
      }),
    );
    await renderPage(<ImportHistoryPage />);
    const table = await screen.findByTestId('import-history');
    const link = within(table).getByRole('link', { name: 'contatti.csv' });
    expect(link.getAttribute('href')).toBe('/import/77');
    expect(within(table).getAllByText('1,200')).toHaveLength(2);
    expect(within(table).getByText('Failed')).toBeTruthy();
    expect(within(table).getByText('Finished')).toBeTruthy();
  });
});
