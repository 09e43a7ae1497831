import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { SCOPES, type ResponseOf, type Role, type RoleGrant, type Scope } from '../../api/types';
import { meKey, useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { describeError, fieldError } from '../../ui/errors';
import { useFormat } from '../../i18n/format';

const rolesKey = ['roles'] as const;
type Draft = Partial<Record<Role, { read: Scope; write: Scope }>>;

export function RolesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const qc = useQueryClient();
  const roles = useQuery({
    queryKey: rolesKey,
    queryFn: ({ signal }) => api.get<ResponseOf<'/api/v1/roles', 'get'>>('/roles', { signal }),
  });
  const canEdit = can(me, 'roles.edit');
  const [draft, setDraft] = useState<Draft>({});
  const [rowErrors, setRowErrors] = useState<Partial<Record<Role, unknown>>>({});
  const [savedCount, setSavedCount] = useState<number | null>(null);

  const items = roles.data?.items ?? [];
  const value = (g: RoleGrant) => draft[g.role] ?? { read: g.read, write: g.write };
  const changed = items.filter((g) => {
    const v = draft[g.role];
    return v && (v.read !== g.read || v.write !== g.write);
  });

  const save = useMutation({
    mutationFn: async (rows: RoleGrant[]) => {
      // One PUT per changed role; a failed row keeps its draft and shows its own message.
      const errors: Partial<Record<Role, unknown>> = {};
      let ok = 0;
      for (const row of rows) {
        try {
          await api.put<RoleGrant>(`/roles/${row.role}`, { read: row.read, write: row.write });
          ok++;
        } catch (e) {
          errors[row.role] = e;
        }
      }
      return { errors, ok };
    },
    onSuccess: ({ errors, ok }) => {
      setRowErrors(errors);
      setSavedCount(ok);
      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([role]) => role in errors)) as Draft);
      void qc.invalidateQueries({ queryKey: rolesKey });
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSavedCount(null);
    save.mutate(changed.map((g) => ({ role: g.role, ...value(g) })));
  };
  const set = (g: RoleGrant, key: 'read' | 'write', scope: Scope) => {
    setSavedCount(null);
    setDraft((d) => ({ ...d, [g.role]: { ...value(g), [key]: scope } }));
  };
  const failed = Object.keys(rowErrors).length;

  return (
    <section>
      <PageHeader title={t('rolesPage.title')} description={t('rolesPage.description')} />
      {!canEdit ? <Alert tone="info">{t('rolesPage.ownersOnly')}</Alert> : null}
      {roles.isPending ? <Loading /> : null}
      {roles.isError ? <ProblemAlert error={roles.error} /> : null}
      {items.length > 0 ? (
        <form onSubmit={onSubmit} className="form">
          <div aria-live="polite">
            {savedCount !== null && failed === 0 ? <Alert tone="success">{t('common.saved')}</Alert> : null}
            {failed > 0 ? <Alert tone="error">{t('rolesPage.someFailed')}</Alert> : null}
          </div>
          <div className="table-wrap">
            <table className="table grid-table">
              <caption className="visually-hidden">{t('rolesPage.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rolesPage.role')}</th>
                  <th scope="col">{t('rolesPage.read')}</th>
                  <th scope="col">{t('rolesPage.write')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((g) => {
                  const v = value(g);
                  const err = rowErrors[g.role];
                  const errId = `role-${g.role}-error`;
                  return (
                    <tr key={g.role} className={draft[g.role] ? 'row-changed' : undefined}>
                      <th scope="row">
                        {t(`roles.${g.role}`)}
                        {g.role === me.role ? <span className="badge badge-quiet">{t('rolesPage.yours')}</span> : null}
                        {err ? (
                          <p className="field-error" id={errId}>
                            {fieldError(err, 'read') ?? fieldError(err, 'write') ?? describeError(err, t)}
                          </p>
                        ) : null}
                      </th>
                      {(['read', 'write'] as const).map((key) => (
                        <td key={key}>
                          {canEdit ? (
                            <select
                              aria-label={t(`rolesPage.${key}For`, { role: t(`roles.${g.role}`) })}
                              value={v[key]}
                              aria-invalid={err ? true : undefined}
                              aria-describedby={err ? errId : undefined}
                              onChange={(e) => set(g, key, e.target.value as Scope)}
                            >
                              {SCOPES.map((s) => (
                                <option key={s} value={s}>
                                  {t(`scopes.${s}`)}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <span>{t(`scopes.${v[key]}`)}</span>
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {canEdit ? (
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={changed.length === 0 || save.isPending}>
                {save.isPending ? t('common.saving') : t('rolesPage.save', { n: fmt.number(changed.length) })}
              </button>
              <button
                type="button"
                className="button"
                disabled={changed.length === 0 || save.isPending}
                onClick={() => setDraft({})}
              >
                {t('rolesPage.discard')}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
      <h2 className="section-title">{t('rolesPage.scopesTitle')}</h2>
      <dl className="facts">
        {SCOPES.map((s) => (
          <div key={s} className="fact-row">
            <dt>{t(`scopes.${s}`)}</dt>
            <dd>{t(`scopes.describe.${s}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
