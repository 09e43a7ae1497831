import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { useSession } from '../../auth/session';
import { assignableRoles, can } from '../../auth/permissions';
import { isLanguage, LANGUAGES, LANGUAGE_NAMES } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { CheckboxField, SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { useUpdateUser, useUser, type UserChanges } from './api';

const FIELDS = ['display_name', 'role', 'language', 'active', 'password', 'email'];

export function UserEditPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser(userId);
  return (
    <section>
      {user.isPending ? <Loading /> : null}
      {user.isError ? (
        <>
          <PageHeader title={t('users.editTitle')} />
          <ProblemAlert error={user.error} />
          <Link to="/settings/users" className="button">
            {t('users.backToList')}
          </Link>
        </>
      ) : null}
      {/* Keyed by id only: a refetch after saving must not wipe what is being typed. */}
      {user.data ? <UserEditForm key={user.data.id} user={user.data} /> : null}
    </section>
  );
}

function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const update = useUpdateUser(user.id);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, update.error);
  const [form, setForm] = useState({
    display_name: user.display_name,
    role: user.role,
    language: user.language ?? '',
    active: user.active,
    password: '',
  });
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const self = me.user?.id === user.id;
  const isAdmin = can(me, 'users.edit');
  // Owners' access is changed only by owners; access (role, active) only by admins.
  const canChangeAccess = isAdmin && (user.role !== 'owner' || can(me, 'users.grantOwner'));
  const canChangeProfile = self || isAdmin;
  const canSetPassword = self || can(me, 'users.setPassword');
  const base = update.data ?? user;
  const err = update.error;

  const roleOptions = assignableRoles(me);
  if (!roleOptions.includes(form.role)) roleOptions.unshift(form.role);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const changes: UserChanges = {};
    if (form.display_name !== base.display_name) changes.display_name = form.display_name.trim();
    if (form.role !== base.role) changes.role = form.role;
    if (form.active !== base.active) changes.active = form.active;
    if (isLanguage(form.language) && form.language !== (base.language ?? '')) changes.language = form.language;
    if (form.password) changes.password = form.password;
    if (Object.keys(changes).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        setSaved(true);
        setForm((f) => ({ ...f, password: '' }));
      },
    });
  };

  return (
    <>
      <PageHeader title={t('users.editTitle')} description={`${base.display_name} · ${base.email}`} />
      <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
        <div aria-live="polite">
          {err ? <ProblemAlert error={err} fields={FIELDS} /> : null}
          {saved && !err ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        </div>
        {!canChangeProfile ? <Alert tone="info">{t('users.readOnly')}</Alert> : null}
        <TextField
          label={t('users.email')}
          name="email"
          value={user.email}
          readOnly
          hint={t('users.emailFixed')}
          error={fieldError(err, 'email')}
        />
        <TextField
          label={t('users.name')}
          name="display_name"
          required
          value={form.display_name}
          disabled={!canChangeProfile}
          error={fieldError(err, 'display_name')}
          onChange={(e) => set('display_name', e.target.value)}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={form.role}
          disabled={!canChangeAccess}
          hint={canChangeAccess ? t(`roles.describe.${form.role}`) : t('users.accessNeedsAdmin')}
          error={fieldError(err, 'role')}
          onChange={(e) => set('role', e.target.value as Role)}
          options={roleOptions.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          label={t('users.language')}
          name="language"
          value={form.language}
          disabled={!canChangeProfile}
          error={fieldError(err, 'language')}
          onChange={(e) => set('language', e.target.value)}
          options={[
            { value: '', label: t('users.languageDefault'), disabled: !!base.language },
            ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
          ]}
        />
        <CheckboxField
          label={t('users.activeLabel')}
          name="active"
          checked={form.active}
          disabled={!canChangeAccess}
          hint={t('users.activeHint')}
          error={fieldError(err, 'active')}
          onChange={(e) => set('active', e.target.checked)}
        />
        {canSetPassword ? (
          <TextField
            label={t('users.newPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            hint={t('users.newPasswordHint')}
            error={fieldError(err, 'password')}
            onChange={(e) => set('password', e.target.value)}
          />
        ) : null}
        <p className="muted small">
          {t('users.createdOn', { date: fmt.dateTime(base.created_at) })} ·{' '}
          {t('users.updatedOn', { date: fmt.dateTime(base.updated_at) })}
        </p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || !canChangeProfile}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </button>
          <Link to="/settings/users" className="button">
            {t('users.backToList')}
          </Link>
        </div>
      </form>
    </>
  );
}
