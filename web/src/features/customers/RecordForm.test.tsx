import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../../test/render';
import { CompanyCreatePage, PersonEditPage } from './RecordFormPage';
import type { CustomField, CustomerRecord } from './types';

afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const budget: CustomField = {
  key: 'budget',
  label: 'Yearly budget',
  type: 'money',
  options: [],
  currency: 'EUR',
  required: false,
  entity_type: 'company',
  created_at: 0,
};

/** A fake server: answers by method and path; records what was sent. */
function fakeServer(routes: Record<string, (body: unknown) => Response>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(url, 'http://x').pathname;
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const handler = routes[`${method} ${path}`];
    if (handler) return handler(body);
    if (method === 'GET' && (path === '/api/v1/users' || path === '/api/v1/teams'))
      return json(200, { items: [], next_cursor: null });
    return json(404, { status: 404, title: 'Not found', detail: `no route ${method} ${path}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function describedText(el: HTMLElement): string[] {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '');
}

describe('the record form', () => {
  it('puts each "/fields/…", "/custom/…" and "/tags/i" message beside its input and keeps what was typed', async () => {
    const calls = fakeServer({
      'GET /api/v1/custom-fields/company': () => json(200, { items: [budget] }),
      'POST /api/v1/companies': () =>
        json(
          422,
          {
            type: '/problems/validation',
            title: 'The request is not valid',
            status: 422,
            detail: 'the company cannot be saved: 3 field(s) need attention',
            errors: [
              { pointer: '/fields/vat_id', detail: 'not a valid Italian VAT number (P.IVA): the check digit is wrong' },
              { pointer: '/custom/budget', detail: 'must be a number' },
              { pointer: '/tags/1', detail: 'a tag has 1 to 60 characters' },
              { pointer: '/source/connector', detail: 'unknown' },
            ],
          },
          'application/problem+json',
        ),
    });
    await renderPage(<CompanyCreatePage />, { path: '/companies/new' });

    const legal = (await screen.findByLabelText(/^Legal name/)) as HTMLInputElement;
    const country = screen.getByLabelText(/^Country/) as HTMLSelectElement;
    const vat = screen.getByLabelText(/^VAT number/) as HTMLInputElement;
    const money = screen.getByLabelText(/^Yearly budget \(EUR\)/) as HTMLInputElement;
    fireEvent.change(legal, { target: { value: 'Torrefazione Rossi S.r.l.' } });
    fireEvent.change(country, { target: { value: 'IT' } });
    fireEvent.change(vat, { target: { value: '00743110158' } });
    fireEvent.change(money, { target: { value: 'a lot' } });
    const tagInput = screen.getByLabelText(/^Tags/) as HTMLInputElement;
    fireEvent.change(tagInput, { target: { value: 'horeca' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    fireEvent.change(tagInput, { target: { value: 'x'.repeat(61) } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Create company' }));

    await waitFor(() => expect(vat.getAttribute('aria-invalid')).toBe('true'));
    // Focus is on the first invalid field as soon as the messages are shown (no frame later).
    expect(document.activeElement).toBe(vat);
    expect(describedText(vat).join(' ')).toContain('Not a valid Italian VAT number (P.IVA): the check digit is wrong.');
    expect(money.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(money).join(' ')).toContain('Must be a number.');
    expect(describedText(tagInput).join(' ')).toContain('A tag has 1 to 60 characters.');
    expect(legal.getAttribute('aria-invalid')).toBeNull();
    // The summary names what no input shows, and says what failed.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The company cannot be saved: 3 field(s) need attention.');
    expect(alert.textContent).toContain('source.connector');
    expect(alert.textContent).not.toContain('vat_id');
    // Nothing typed is lost.
    expect(legal.value).toBe('Torrefazione Rossi S.r.l.');
    expect(country.value).toBe('IT');
    expect(vat.value).toBe('00743110158');
    expect(money.value).toBe('a lot');

    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      fields: { legal_name: 'Torrefazione Rossi S.r.l.', country: 'IT', vat_id: '00743110158' },
      custom: { budget: 'a lot' },
      tags: ['horeca', 'x'.repeat(61)],
    });
  });

  it('edits a person with a PATCH of only what changed', async () => {
    const person: CustomerRecord = {
      id: '55',
      type: 'person',
      fields: { first_name: 'Giulia', last_name: 'Bianchi', email: 'giulia@example.it', kind: 'b2b_contact' },
      custom: {},
      tags: [],
      owner_user_id: '1',
      team_id: null,
      created_at: 1,
      updated_at: 2,
      provenance: {},
    };
    const calls = fakeServer({
      'GET /api/v1/custom-fields/person': () => json(200, { items: [] }),
      'GET /api/v1/people/55': () => json(200, person),
      'PATCH /api/v1/people/55': (body) =>
        json(200, { ...person, fields: { ...person.fields, ...(body as { fields: object }).fields } }),
    });
    const { router } = await renderPage(<PersonEditPage />, { path: '/people/:id/edit' });
    await router.navigate('/people/55/edit');
    const email = (await screen.findByLabelText(/^Email/)) as HTMLInputElement;
    expect(email.value).toBe('giulia@example.it');
    fireEvent.change(email, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/^City/), { target: { value: 'Bologna' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ fields: { email: null, city: 'Bologna' } });
  });
});
