import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useHints, useMe, useSignIn, type Credentials } from './session';
import { applyLanguage } from '../i18n';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { ProblemAlert } from '../ui/Alert';
import { TextField, useFocusFirstInvalid } from '../ui/fields';
import { fieldError } from '../ui/errors';
import { usePageTitle } from '../ui/Page';

function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only same-app paths: never follow "//host" or absolute URLs.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const me = useMe();
  const hints = useHints();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, signIn.error);
  const [form, setForm] = useState<Credentials>({ email: '', password: '', workspace: '' });
  const from = safeFrom(location.state);

  if (me.data) return <Navigate to={from} replace />;

  const submit = (creds: Credentials) => {
    signIn.mutate(creds, {
      onSuccess: (who) => {
        if (who) navigate(from, { replace: true });
      },
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(form);
  };
  const demo = hints.data?.demo ?? null;
  const err = signIn.error;

  return (
    <div className="full-page sign-in-page">
      <main className="card sign-in-card" id="main">
        <div className="brand brand-large" aria-hidden="true">
          <img src="/favicon.svg" alt="" width={36} height={36} /> Rapport
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
          <div aria-live="assertive">{err ? <ProblemAlert error={err} fields={['email', 'password', 'workspace']} /> : null}</div>
          <TextField
            label={t('signIn.email')}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={form.email}
            error={fieldError(err, 'email')}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={form.password}
            error={fieldError(err, 'password')}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <details className="disclosure" open={!!fieldError(err, 'workspace') || undefined}>
            <summary>{t('signIn.workspaceToggle')}</summary>
            <TextField
              label={t('signIn.workspace')}
              name="workspace"
              autoComplete="organization"
              hint={t('signIn.workspaceHint')}
              value={form.workspace}
              error={fieldError(err, 'workspace')}
              onChange={(e) => setForm({ ...form, workspace: e.target.value })}
            />
          </details>
          <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
        {demo ? (
          <div className="demo-login">
            <p className="muted">{t('signIn.demoIntro')}</p>
            <button
              type="button"
              className="button button-block"
              disabled={signIn.isPending}
              onClick={() => {
                const creds = { email: demo.email, password: demo.password, workspace: '' };
                setForm(creds);
                submit(creds);
              }}
            >
              {t('signIn.useDemo')}
            </button>
          </div>
        ) : null}
        <div className="sign-in-footer">
          <LanguageSelect className="compact" onChange={(lang) => void applyLanguage(lang, true)} />
          {hints.data?.version ? (
            <span className="muted small">{t('signIn.version', { version: hints.data.version })}</span>
          ) : null}
        </div>
      </main>
    </div>
  );
}
