import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** A failure in plain words: the server's own `detail`, with a short lead-in where it helps. */
export function describeError(error: unknown, t: TFunction): string {
  if (!error) return '';
  if (isApiError(error)) {
    const detail = sentence(error.problem.detail || error.problem.title);
    switch (error.status) {
      case 0:
        return t('errors.network');
      case 401:
        // Sign-in's own 401 says what was wrong; elsewhere it means the session has ended.
        return error.problem.instance?.endsWith('/auth/login') ? detail : t('errors.unauthenticated');
      case 403:
        return t('errors.forbidden', { detail });
      case 404:
        return t('errors.notFound', { detail });
      case 429:
        return t('errors.rateLimited', { detail });
      default:
        if (error.status >= 500) return t('errors.server', { detail });
        return detail;
    }
  }
  if (error instanceof Error && error.message) return sentence(error.message);
  return t('errors.unknown');
}

/** The server's message for one form field, if the failure was a validation problem. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const msg = error.fieldErrors[field];
  return msg ? sentence(msg) : undefined;
}

/** Field errors that no visible field shows (so the summary can list them). */
export function otherFieldErrors(error: unknown, shown: string[]): { field: string; message: string }[] {
  if (!isApiError(error)) return [];
  return Object.entries(error.fieldErrors)
    .filter(([field]) => !shown.includes(field))
    .map(([field, message]) => ({ field, message: sentence(message) }));
}
