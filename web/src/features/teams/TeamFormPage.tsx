import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { SALES_ROLES, TEAM_KINDS, type SalesRole, type Team, type TeamKind, type TeamMember } from '../../api/types';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { useAllUsers } from '../identity/api';
import { useDeleteTeam, useSaveTeam, useTeam, type TeamInput } from './api';
import { useFormat } from '../../i18n/format';
import { TeamAssignmentSection } from '../servicedesk/TeamAssignmentSection';

export function TeamCreatePage() {
  return <TeamForm />;
}

export function TeamEditPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const team = useTeam(teamId);
  if (team.isPending) return <Loading />;
  if (team.isError)
    return (
      <section>
        <PageHeader title={t('teams.editTitle')} />
        <ProblemAlert error={team.error} />
        <Link to="/settings/teams" className="button">
          {t('teams.backToList')}
        </Link>
      </section>
    );
  return <TeamForm key={team.data.id} team={team.data} />;
}

function TeamForm({ team }: { team?: Team }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession();
  const navigate = useNavigate();
  const users = useAllUsers();
  const save = useSaveTeam(team?.id);
  const remove = useDeleteTeam(team?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const canManage = can(me, 'teams.manage');
  const [form, setForm] = useState({
    name: team?.name ?? '',
    kind: (team?.kind ?? 'sales') as TeamKind,
    description: team?.description ?? '',
  });
  const [members, setMembers] = useState<TeamMember[]>(team?.members ?? []);
  const [filter, setFilter] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState(false);
  // The member list as last sent, to put "/members/3/…" errors beside the right person.
  const [sentMembers, setSentMembers] = useState<TeamMember[]>([]);
  const err = save.error;
  const isSales = form.kind === 'sales';

  const selected = useMemo(() => new Map(members.map((m) => [m.user_id, m])), [members]);
  const memberError = (userId: string): string | undefined => {
    if (!isApiError(err)) return undefined;
    const i = sentMembers.findIndex((m) => m.user_id === userId);
    if (i < 0) return undefined;
    return (
      fieldError(err, `members.${i}.user_id`) ?? fieldError(err, `members.${i}.sales_role`) ?? fieldError(err, `members.${i}`)
    );
  };
  const shownFields = [
    'name',
    'kind',
    'description',
    'members',
    ...sentMembers.flatMap((_, i) => [`members.${i}.user_id`, `members.${i}.sales_role`, `members.${i}`]),
  ];

  const visibleUsers = (users.data ?? []).filter((u) => {
    const q = filter.trim().toLowerCase();
    return !q || selected.has(u.id) || u.display_name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q);
  });

  const toggle = (userId: string, on: boolean) => {
    setSaved(false);
    setMembers((list) => (on ? [...list, { user_id: userId, sales_role: null }] : list.filter((m) => m.user_id !== userId)));
  };
  const setSalesRole = (userId: string, role: SalesRole | null) => {
    setSaved(false);
    setMembers((list) => list.map((m) => (m.user_id === userId ? { ...m, sales_role: role } : m)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const sent = members.map((m) => ({ user_id: m.user_id, sales_role: isSales ? m.sales_role : null }));
    const input: TeamInput = { name: form.name.trim(), kind: form.kind, description: form.description, members: sent };
    setSentMembers(sent);
    save.mutate(input, {
      onSuccess: (saved) => {
        if (team) setSaved(true);
        else navigate('/settings/teams', { state: { flash: t('teams.createdFlash', { name: saved.name }) } });
      },
    });
  };

  const title = team ? t('teams.editTitle') : t('teams.addTitle');
  return (
    <section>
      <PageHeader title={title} description={team ? team.name : t('teams.addDescription')} />
      {!canManage ? <Alert tone="info">{t('teams.readOnly')}</Alert> : null}
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <div aria-live="polite">
          {err ? <ProblemAlert error={err} fields={shownFields} /> : null}
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
          {saved && !err ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        </div>
        <div className="form-grid">
          <TextField
            label={t('teams.name')}
            name="name"
            required
            value={form.name}
            disabled={!canManage}
            error={fieldError(err, 'name')}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, name: e.target.value });
            }}
          />
          <SelectField
            label={t('teams.kind')}
            name="kind"
            required
            value={form.kind}
            disabled={!canManage}
            hint={t(`teamKinds.describe.${form.kind}`)}
            error={fieldError(err, 'kind')}
            onChange={(e) => {
              setSaved(false);
              setForm({ ...form, kind: e.target.value as TeamKind });
            }}
            options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKinds.${k}`) }))}
          />
        </div>
        <TextAreaField
          label={t('teams.descriptionLabel')}
          name="description"
          rows={3}
          value={form.description}
          disabled={!canManage}
          error={fieldError(err, 'description')}
          onChange={(e) => {
            setSaved(false);
            setForm({ ...form, description: e.target.value });
          }}
        />
        <fieldset className="fieldset members-picker" aria-describedby="members-hint">
          <legend>{t('teams.members')}</legend>
          <p id="members-hint" className="field-hint">
            {isSales ? t('teams.membersHintSales') : t('teams.membersHint')}{' '}
            <span aria-live="polite">{t('teams.selectedCount', { n: fmt.number(members.length) })}</span>
          </p>
          {fieldError(err, 'members') ? <p className="field-error">{fieldError(err, 'members')}</p> : null}
          {users.isPending ? <Loading /> : null}
          {users.isError ? <ProblemAlert error={users.error} /> : null}
          {(users.data?.length ?? 0) > 8 ? (
            <TextField
              label={t('teams.findPeople')}
              type="search"
              name="member-filter"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          ) : null}
          <ul className="member-list">
            {visibleUsers.map((u) => {
              const m = selected.get(u.id);
              const id = `member-${u.id}`;
              const error = memberError(u.id);
              return (
                <li key={u.id} className={`member-row ${m ? 'is-selected' : ''} ${error ? 'field-invalid' : ''}`}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={!!m}
                    disabled={!canManage}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(e) => toggle(u.id, e.target.checked)}
                  />
                  <label htmlFor={id} className="member-name">
                    <span>{u.display_name}</span>
                    <span className="muted small">{u.email}</span>
                    {!u.active ? <span className="badge badge-off">{t('users.inactive')}</span> : null}
                  </label>
                  {m && isSales ? (
                    <SelectField
                      className="compact"
                      label={t('teams.salesRoleFor', { name: u.display_name })}
                      name={`sales_role-${u.id}`}
                      value={m.sales_role ?? ''}
                      disabled={!canManage}
                      onChange={(e) => setSalesRole(u.id, (e.target.value || null) as SalesRole | null)}
                      options={[
                        { value: '', label: t('salesRoles.none') },
                        ...SALES_ROLES.map((r) => ({ value: r, label: t(`salesRoles.${r}`) })),
                      ]}
                    />
                  ) : null}
                  {error ? (
                    <p className="field-error" id={`${id}-error`}>
                      {error}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="form-actions">
          {canManage ? (
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : team ? t('common.save') : t('teams.create')}
            </button>
          ) : null}
          <Link to="/settings/teams" className="button">
            {t('teams.backToList')}
          </Link>
          {team && canManage ? (
            <button type="button" className="button button-danger push-right" onClick={() => setConfirmDelete(true)}>
              {t('teams.delete')}
            </button>
          ) : null}
        </div>
      </form>
      {team && canManage ? <TeamAssignmentSection team={team} /> : null}
      {team ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('teams.deleteTitle', { name: team.name })}
          confirmLabel={t('teams.delete')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate('/settings/teams', { state: { flash: t('teams.deletedFlash', { name: team.name }) } }),
              onSettled: () => setConfirmDelete(false),
            })
          }
        >
          <p>{t('teams.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
