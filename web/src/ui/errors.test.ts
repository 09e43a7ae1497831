import { beforeAll, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { ApiError } from '../api/client';
import { initI18n } from '../i18n';
import { describeError, fieldError, otherFieldErrors } from './errors';

beforeAll(async () => {
  await initI18n('en');
});

const problem = (status: number, detail: string, errors?: { pointer: string; detail: string }[]) =>
  new ApiError({ type: 'x', title: 't', status, detail, errors });

describe('describeError', () => {
  const t = (...args: Parameters<typeof i18n.t>) => i18n.t(...args);
  it("uses the server's detail, as a sentence", () => {
    const badLogin = new ApiError({
      type: '/problems/unauthenticated',
      title: 'Authentication required',
      status: 401,
      detail: 'the email or password is not correct',
      instance: '/api/v1/auth/login',
    });
    expect(describeError(badLogin, t as never)).toBe('The email or password is not correct.');
  });
  it('says a 401 elsewhere means the session has ended', () => {
    expect(describeError(problem(401, 'sign in first'), t as never)).toBe('You are signed out. Sign in again to carry on.');
  });
  it('explains 403, 429 and network failures in plain words', () => {
    expect(describeError(problem(403, 'only owners can do that'), t as never)).toBe(
      'You are not allowed to do this. Only owners can do that.',
    );
    expect(describeError(problem(429, 'try again in 30 seconds'), t as never)).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    expect(describeError(problem(0, 'network'), t as never)).toMatch(/could not be reached/);
  });
});

describe('field errors', () => {
  const err = problem(422, 'the user cannot be created', [
    { pointer: '/email', detail: 'not a valid email address' },
    { pointer: '/members/0/user_id', detail: 'unknown user' },
  ]);
  it('gives each field its message', () => {
    expect(fieldError(err, 'email')).toBe('Not a valid email address.');
    expect(fieldError(err, 'display_name')).toBeUndefined();
    expect(fieldError(new Error('x'), 'email')).toBeUndefined();
  });
  it('lists the messages no visible field shows', () => {
    expect(otherFieldErrors(err, ['email'])).toEqual([{ field: 'members.0.user_id', message: 'Unknown user.' }]);
  });
});
