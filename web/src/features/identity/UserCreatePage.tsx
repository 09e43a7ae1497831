import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { assignableRoles, can } from '../../auth/permissions';
import { isLanguage, LANGUAGES, LANGUAGE_NAMES } from '../../i18n';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { useCreateUser, type NewUser } from './api';

const FIELDS = ['email', 'display_name', 'role', 'language', 'password'];

export function UserCreatePage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, create.error);
  const [form, setForm] = useState({ email: '', display_name: '', role: 'member' as Role, language: '', password: '' });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = create.error;
  const allowed = can(me, 'users.create');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Send what was typed as it is: the server validates and says what is wrong, field by field.
    const body: NewUser = { email: form.email.trim(), display_name: form.display_name.trim(), role: form.role };
    if (isLanguage(form.language)) body.language = form.language;
    if (form.password) body.password = form.password;
    create.mutate(body, {
      onSuccess: (user) =>
        navigate('/settings/users', {
          state: { flash: t('users.createdFlash', { name: user.display_name, email: user.email }) },
        }),
    });
  };

  return (
    <section>
      <PageHeader title={t('users.addTitle')} description={t('users.addDescription')} />
      {!allowed ? <Alert tone="warning">{t('users.cannotCreate')}</Alert> : null}
      <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
        <div aria-live="assertive">{err ? <ProblemAlert error={err} fields={FIELDS} /> : null}</div>
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          autoComplete="off"
          inputMode="email"
          required
          value={form.email}
          error={fieldError(err, 'email')}
          onChange={(e) => set('email', e.target.value)}
        />
        <TextField
          label={t('users.name')}
          name="display_name"
          autoComplete="off"
          required
          value={form.display_name}
          error={fieldError(err, 'display_name')}
          onChange={(e) => set('display_name', e.target.value)}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          required
          value={form.role}
          error={fieldError(err, 'role')}
          hint={t(`roles.describe.${form.role}`)}
          onChange={(e) => set('role', e.target.value as Role)}
          options={assignableRoles(me).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          label={t('users.language')}
          name="language"
          value={form.language}
          error={fieldError(err, 'language')}
          onChange={(e) => set('language', e.target.value)}
          options={[
            { value: '', label: t('users.languageDefault') },
            ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
          ]}
        />
        <TextField
          label={t('users.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          hint={t('users.passwordHint')}
          error={fieldError(err, 'password')}
          onChange={(e) => set('password', e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending || !allowed}>
            {create.isPending ? t('common.saving') : t('users.create')}
          </button>
          <Link to="/settings/users" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
