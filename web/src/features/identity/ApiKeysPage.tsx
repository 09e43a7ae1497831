import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorList } from '../../api/paging';
import type { ApiKey, CreatedApiKey, Role } from '../../api/types';
import { useSession } from '../../auth/session';
import { assignableRoles, can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { useAllUsers } from './api';

const keysKey = ['api-keys'] as const;

/** Selects all the text of an element (the token, ready to copy by hand). */
function selectContents(el: HTMLElement) {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const qc = useQueryClient();
  const keys = useCursorList<ApiKey>([...keysKey, 'list'], '/api-keys');
  const users = useAllUsers();
  const canManage = can(me, 'apiKeys.manage');
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState({ name: '', role: 'member' as Role });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; role: Role }) => api.post<CreatedApiKey>('/api-keys', body),
    onSuccess: (key) => {
      setCreated(key);
      setForm({ name: '', role: form.role });
      void qc.invalidateQueries({ queryKey: keysKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api.del(`/api-keys/${encodeURIComponent(key.id)}`),
    onSuccess: (_v, key) => {
      setRevokedName(key.name);
      void qc.invalidateQueries({ queryKey: keysKey });
    },
    onSettled: () => setRevoking(null),
  });
  useFocusFirstInvalid(formRef, create.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    setRevokedName(null);
    create.mutate({ name: form.name.trim(), role: form.role });
  };
  const creatorName = (id: string | null) => (id ? (users.data?.find((u) => u.id === id)?.display_name ?? id) : '—');

  return (
    <section>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} />

      {created ? (
        <div className="token-panel" role="status">
          <h2>{t('apiKeys.createdTitle', { name: created.name })}</h2>
          <p>{t('apiKeys.tokenOnce')}</p>
          <p id="new-token-label" className="token-label">
            {t('apiKeys.token')}
          </p>
          <div className="token-row">
            {/* The token whole, as a read-only text block (an input clipped its underscores). */}
            <div
              id="new-token"
              className="token"
              role="textbox"
              aria-readonly="true"
              aria-multiline="true"
              aria-labelledby="new-token-label"
              tabIndex={0}
              onFocus={(e) => selectContents(e.currentTarget)}
            >
              {created.token}
            </div>
            <CopyButton text={created.token} />
          </div>
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t('apiKeys.tokenSaved')}
          </button>
        </div>
      ) : null}
      {revokedName ? <Alert tone="success">{t('apiKeys.revokedFlash', { name: revokedName })}</Alert> : null}

      {canManage ? (
        <form ref={formRef} className="form form-inline card" onSubmit={onSubmit} noValidate aria-labelledby="new-key-title">
          <h2 id="new-key-title">{t('apiKeys.newTitle')}</h2>
          <div aria-live="assertive">
            {create.isError ? <ProblemAlert error={create.error} fields={['name', 'role']} /> : null}
          </div>
          <div className="form-grid">
            <TextField
              label={t('apiKeys.name')}
              name="name"
              required
              hint={t('apiKeys.nameHint')}
              value={form.name}
              error={fieldError(create.error, 'name')}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
            <SelectField
              label={t('apiKeys.role')}
              name="role"
              required
              value={form.role}
              hint={t('apiKeys.roleHint')}
              error={fieldError(create.error, 'role')}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
              options={assignableRoles(me).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('apiKeys.create')}
            </button>
          </div>
        </form>
      ) : (
        <Alert tone="info">{t('apiKeys.adminsOnly')}</Alert>
      )}

      <h2 className="section-title">{t('apiKeys.listTitle')}</h2>
      {revoke.isError ? <ProblemAlert error={revoke.error} /> : null}
      <PagedTable
        list={keys}
        caption={t('apiKeys.listTitle')}
        columns={[
          t('apiKeys.name'),
          t('apiKeys.role'),
          t('apiKeys.createdBy'),
          t('apiKeys.createdAt'),
          t('apiKeys.lastUsed'),
          t('apiKeys.status'),
        ]}
        actionsColumn
        empty={<p>{t('apiKeys.empty')}</p>}
      >
        {keys.items.map((k) => (
          <tr key={k.id} className={k.revoked_at ? 'row-muted' : undefined}>
            <th scope="row" data-label={t('apiKeys.name')}>
              {k.name}
            </th>
            <td data-label={t('apiKeys.role')}>{t(`roles.${k.role}`)}</td>
            <td data-label={t('apiKeys.createdBy')}>{creatorName(k.created_by_user_id)}</td>
            <td data-label={t('apiKeys.createdAt')} className="nowrap">
              {fmt.dateTime(k.created_at)}
            </td>
            <td data-label={t('apiKeys.lastUsed')} className="nowrap">
              {k.last_used_at ? fmt.dateTime(k.last_used_at) : t('apiKeys.never')}
            </td>
            <td data-label={t('apiKeys.status')}>
              {k.revoked_at ? (
                <span className="badge badge-off">{t('apiKeys.revokedOn', { date: fmt.date(k.revoked_at) })}</span>
              ) : (
                <span className="badge badge-ok">{t('apiKeys.active')}</span>
              )}
            </td>
            <td className="actions-cell">
              {!k.revoked_at && canManage ? (
                <button type="button" className="button button-small button-danger" onClick={() => setRevoking(k)}>
                  {t('apiKeys.revoke')}
                  <span className="visually-hidden"> {k.name}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </PagedTable>

      <ConfirmDialog
        open={!!revoking}
        title={t('apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        <p>{t('apiKeys.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
