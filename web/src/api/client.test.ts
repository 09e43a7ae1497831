import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, fieldErrorsOf, onUnauthorized, pointerToField, setCsrfToken, toProblem } from './client';

function jsonResponse(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const validationProblem = {
  type: '/problems/validation',
  title: 'The request is not valid',
  status: 422,
  detail: 'the user cannot be created',
  instance: '/api/v1/users',
  request_id: 'abc-1',
  errors: [
    { pointer: '/email', detail: 'not a valid email address' },
    { pointer: '/display_name', detail: 'required' },
    { pointer: '/members/0/user_id', detail: 'required: a user id (string)' },
    { pointer: '/email', detail: 'already taken' },
  ],
};

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('pointerToField', () => {
  it('turns JSON pointers into form field names', () => {
    expect(pointerToField('/email')).toBe('email');
    expect(pointerToField('/members/0/user_id')).toBe('members.0.user_id');
    expect(pointerToField('/a~1b/c~0d')).toBe('a/b.c~d');
  });
  it('leaves query-parameter pointers alone', () => {
    expect(pointerToField('?limit')).toBe('?limit');
  });
});

describe('problem parsing', () => {
  it('maps every field error, joining two for one field', () => {
    expect(fieldErrorsOf(validationProblem)).toEqual({
      email: 'not a valid email address; already taken',
      display_name: 'required',
      'members.0.user_id': 'required: a user id (string)',
    });
  });

  it('reads an RFC 9457 body', () => {
    const p = toProblem(422, 'Unprocessable Entity', validationProblem);
    expect(p.status).toBe(422);
    expect(p.detail).toBe('the user cannot be created');
    expect(p.errors).toHaveLength(4);
    expect(p.request_id).toBe('abc-1');
  });

  it('survives bodies that are not problems', () => {
    expect(toProblem(502, 'Bad Gateway', undefined, '<html>proxy</html>').detail).toBe('Bad Gateway');
    expect(toProblem(503, 'Service Unavailable', undefined, 'down for maintenance').detail).toBe('down for maintenance');
    expect(toProblem(500, '', { errors: 'nope' }).errors).toBeUndefined();
  });
});

describe('request', () => {
  it('throws ApiError with field errors on a 422 problem+json', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(422, validationProblem, 'application/problem+json')),
    );
    const err = (await api.post('/users', { email: 'bad' }).then(
      () => null,
      (e: unknown) => e,
    )) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.isValidation).toBe(true);
    expect(err.fieldErrors.email).toBe('not a valid email address; already taken');
    expect(err.message).toBe('the user cannot be created');
  });

  it('sends the CSRF token on writes only, and JSON bodies', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok123');
    await api.get('/me');
    await api.patch('/users/1', { language: 'it' });
    const [getUrl, getInit] = fetchMock.mock.calls[0];
    const [patchUrl, patchInit] = fetchMock.mock.calls[1];
    expect(getUrl).toBe('/api/v1/me');
    expect((getInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect(patchUrl).toBe('/api/v1/users/1');
    expect(patchInit.method).toBe('PATCH');
    expect((patchInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok123');
    expect((patchInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(patchInit.body).toBe('{"language":"it"}');
    expect(patchInit.credentials).toBe('same-origin');
  });

  it('sends a file upload as it is, with its content type and the CSRF token', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => jsonResponse(201, { id: '1' }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok123');
    const file = new Blob(['a;b\n1;2\n'], { type: 'text/csv' });
    await api.post('/imports', undefined, {
      query: { entity: 'person', filename: 'p.csv' },
      rawBody: file,
      contentType: 'text/csv',
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/imports?entity=person&filename=p.csv');
    expect(init.body).toBe(file);
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok123');
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.del('/teams/1')).resolves.toBeUndefined();
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const err = (await api.get('/users').then(
      () => null,
      (e: unknown) => e,
    )) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
  });

  it('announces a 401 unless told to keep quiet', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, { status: 401, title: 'Authentication required', detail: 'sign in first' })),
    );
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    await api.get('/users').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    await api.get('/me', { quietUnauthorized: true }).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    off();
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/audit', { limit: 50, cursor: null, action: '' })).toBe('/api/v1/audit?limit=50');
    expect(buildUrl('/audit', { action: 'auth.login', cursor: 'x y' })).toBe('/api/v1/audit?action=auth.login&cursor=x+y');
  });
});
