// The one way the web app talks to the server: JSON over fetch, same origin, session cookie.
//
// - Every non-GET request carries `X-CSRF-Token` (the token comes from sign-in or GET /me).
// - Errors are RFC 9457 problems (application/problem+json). They are thrown as `ApiError`,
//   whose `fieldErrors` maps a form field name to the server's message for it
//   (JSON pointer "/email" -> "email", "/members/0/user_id" -> "members.0.user_id").
// - A 401 on any call tells the listeners (the session) that the sign-in has ended.

import type { components } from './schema.gen';

export const API_BASE = '/api/v1';

/** An RFC 9457 problem as the server sends it (application/problem+json). */
export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

/** Status 0 is used for failures that never reached the server (offline, DNS, aborted). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly fieldErrors: Record<string, string>;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.fieldErrors = fieldErrorsOf(problem);
  }

  get isValidation(): boolean {
    return this.status === 422 || (this.problem.errors?.length ?? 0) > 0;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** "/email" -> "email"; "/members/0/user_id" -> "members.0.user_id"; "?limit" stays "?limit". */
export function pointerToField(pointer: string): string {
  if (!pointer.startsWith('/')) return pointer;
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Field name -> message; several messages for one field are joined with "; ". */
export function fieldErrorsOf(problem: Pick<Problem, 'errors'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const key = pointerToField(e.pointer);
    out[key] = out[key] ? `${out[key]}; ${e.detail}` : e.detail;
  }
  return out;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Turns any error response into a Problem, whether or not the body is a proper problem+json. */
export function toProblem(status: number, statusText: string, body: unknown, rawText = ''): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors)
      ? b.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ pointer: asString(e.pointer) ?? '', detail: asString(e.detail) ?? asString(e.message) ?? '' }))
      : undefined;
    return {
      type: asString(b.type) ?? 'about:blank',
      title: asString(b.title) ?? statusText,
      status: typeof b.status === 'number' ? b.status : status,
      detail: asString(b.detail) ?? asString(b.title) ?? statusText,
      instance: asString(b.instance),
      request_id: asString(b.request_id),
      errors,
    };
  }
  const text = rawText.trim();
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    // A short plain-text body (a proxy's message, say) is more useful than the status text.
    detail: text && text.length < 300 && !text.startsWith('<') ? text : statusText || `HTTP ${status}`,
  };
}

export async function problemFromResponse(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  let body: unknown = undefined;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return toProblem(res.status, res.statusText, body, text);
}

// --- session-wide state -------------------------------------------------------------------

let csrfToken: string | null = null;
let acceptLanguage = 'en';
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}
export function setRequestLanguage(lang: string): void {
  acceptLanguage = lang;
}
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

// --- requests ---------------------------------------------------------------------------

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A body sent as it is (a file upload), with `contentType`; `body` is then ignored. */
  rawBody?: Blob | string;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not announce a 401 to the session (sign-in itself, and the first GET /me). */
  quietUnauthorized?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  const safe = method === 'GET' || method === 'HEAD';
  if (!safe && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'network',
    });
  }
  if (!res.ok) {
    const problem = await problemFromResponse(res);
    if (res.status === 401 && !options.quietUnauthorized) unauthorizedListeners.forEach((l) => l());
    throw new ApiError(problem);
  }
  if (res.status === 204 || res.status === 205) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  del: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
