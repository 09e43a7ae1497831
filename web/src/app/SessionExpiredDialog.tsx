// When a request answers 401 while someone is working, ask for the password again in place,
// so nothing typed on the page underneath is lost.
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { LoginResponse } from '../api/types';
import { fetchMe, meKey, sessionExpired, useSession, useSessionExpired } from '../auth/session';
import { ProblemAlert } from '../ui/Alert';
import { TextField } from '../ui/fields';
import { fieldError } from '../ui/errors';
import { useModalDialog } from '../ui/useModalDialog';

export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const expired = useSessionExpired();
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const email = me.user?.email ?? '';

  const relogin = useMutation({
    mutationFn: async () => {
      const res = await api.post<LoginResponse>('/auth/login', { email, password }, { quietUnauthorized: true });
      setCsrfToken(res.csrf_token);
      const fresh = await fetchMe();
      queryClient.setQueryData(meKey, fresh);
    },
    onSuccess: () => {
      setPassword('');
      sessionExpired.set(false);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });

  const ref = useModalDialog(expired, () => passwordRef.current?.focus());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    relogin.mutate();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="expired-title" onCancel={(e) => e.preventDefault()}>
      {/* The form exists only while needed, so its fields never shadow those of the page. */}
      {expired ? (
        <>
          <h2 id="expired-title">{t('session.expiredTitle')}</h2>
          <p>{t('session.expiredBody')}</p>
          <form onSubmit={onSubmit} className="form" noValidate>
            {relogin.isError ? <ProblemAlert error={relogin.error} fields={['password']} /> : null}
            <TextField label={t('signIn.email')} name="email" type="email" value={email} readOnly autoComplete="username" />
            <TextField
              label={t('signIn.password')}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              error={fieldError(relogin.error, 'password')}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  sessionExpired.set(false);
                  setCsrfToken(null);
                  queryClient.clear();
                  queryClient.setQueryData(meKey, null);
                  navigate('/sign-in');
                }}
              >
                {t('session.signInAsSomeoneElse')}
              </button>
              <button type="submit" className="button button-primary" disabled={relogin.isPending}>
                {t('signIn.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </dialog>
  );
}
