import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { ImportWizardPage } from './ImportPage';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const uploaded = {
  id: '42',
  entity: 'person',
  filename: 'clientes.csv',
  status: 'uploaded',
  size_bytes: 60,
  encoding: 'UTF-8',
  encoding_reason: '',
  delimiter: ',',
  delimiter_name: 'comma',
  delimiter_reason: '',
  has_bom: false,
  header: ['Nombre', 'Apellidos', 'Teléfono'],
  rows_total: 1,
  rows_done: 0,
  percent: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  flagged: 0,
  mapping: null,
  created_by: 'Demo Owner',
  created_at: 1,
  updated_at: 1,
  started_at: null,
  finished_at: null,
  error: null,
  sample_rows: [['Lucía', 'García', '612 34 56 78']],
  suggestions: [
    { column: 0, header: 'Nombre', field: 'first_name', score: 1 },
    { column: 1, header: 'Apellidos', field: 'last_name', score: 1 },
    { column: 2, header: 'Teléfono', field: 'phone', score: 1 },
  ],
  suggested_mapping: { columns: { Nombre: 'first_name', Apellidos: 'last_name', Teléfono: 'phone' } },
};

/** Answers the wizard's calls; the mapping PUT answers `mappingAnswer` and its body is kept. */
function fakeServer(mappingAnswer: () => Response) {
  const mappings: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const key = `${init.method ?? 'GET'} ${new URL(url, 'http://x').pathname}`;
      if (key === 'GET /api/v1/custom-fields/person') return json(200, { items: [] });
      if (key === 'POST /api/v1/imports') return json(201, uploaded);
      if (key === 'PUT /api/v1/imports/42/mapping') {
        mappings.push(JSON.parse(String(init.body)));
        return mappingAnswer();
      }
      if (key === 'POST /api/v1/imports/42/dry-run')
        return json(200, {
          rows_total: 1,
          would_create: 1,
          would_update: 0,
          unchanged: 0,
          rejected: 0,
          rejected_rows: [],
          rejected_rows_truncated: false,
          flagged: 0,
          flagged_rows: [],
          flagged_rows_truncated: false,
        });
      return json(404, { status: 404, title: 'Not found', detail: `no route ${key}` });
    }),
  );
  return mappings;
}

async function uploadFile() {
  await renderPage(<ImportWizardPage />, { path: '/import' });
  const file = new File(['Nombre,Apellidos,Teléfono\nLucía,García,612 34 56 78\n'], 'clientes.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(/^CSV file/), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload and read' }));
  await screen.findByRole('heading', { name: 'Check what was read and map the columns' });
}

describe('the import wizard: values for every row', { timeout: 30_000 }, () => {
  it('sends the default country and the constant values with the mapping', async () => {
    const mappings = fakeServer(() => json(200, { ...uploaded, status: 'mapped' }));
    await uploadFile();
    const country = screen.getByLabelText(/^Default country/) as HTMLSelectElement;
    expect(country.value).toBe('');
    fireEvent.change(country, { target: { value: 'ES' } });
    expect(screen.getByText('No field has a value for every row.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a value for every row' }));
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'tags' } });
    fireEvent.change(screen.getByLabelText(/^Value for every row/), { target: { value: ' feria-2026 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('heading', { name: 'Dry run: what the import would do' });
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({
      columns: { '0': 'first_name', '1': 'last_name', '2': 'phone' },
      default_country: 'ES',
      constants: { tags: 'feria-2026' },
    });
  });

  it("shows the server's message beside the constant it is about, and removes a constant", async () => {
    const mappings = fakeServer(() =>
      json(422, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        detail: 'the mapping cannot be used: 1 constant value(s) are invalid and would be rejected on every row',
        errors: [
          { pointer: '/constants/language', detail: 'must be a two-letter ISO 639-1 language code such as it, es, pt, en' },
        ],
      }),
    );
    await uploadFile();
    fireEvent.click(screen.getByRole('button', { name: 'Add a value for every row' }));
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'language' } });
    const value = screen.getByLabelText(/^Value for every row/);
    fireEvent.change(value, { target: { value: 'español' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    await waitFor(() => expect(value.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Must be a two-letter ISO 639-1 language code such as it, es, pt, en.')).toBeTruthy();
    expect(mappings[0]).toMatchObject({ constants: { language: 'español' }, default_country: null });
    fireEvent.click(screen.getByRole('button', { name: 'Remove this value' }));
    expect(screen.queryByLabelText(/^Value for every row/)).toBeNull();
  });
});
