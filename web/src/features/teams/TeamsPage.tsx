import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { FlashAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { useAllUsers } from '../identity/api';
import { useTeamsList } from './api';

export function TeamsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const teams = useTeamsList();
  const users = useAllUsers();
  const canManage = can(me, 'teams.manage');
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.display_name ?? t('teams.unknownUser');

  return (
    <section>
      <PageHeader
        title={t('teams.title')}
        description={t('teams.description')}
        actions={
          canManage ? (
            <Link to="/settings/teams/new" className="button button-primary">
              {t('teams.add')}
            </Link>
          ) : null
        }
      />
      <FlashAlert />
      <PagedTable
        list={teams}
        caption={t('teams.title')}
        columns={[t('teams.name'), t('teams.kind'), t('teams.members'), t('teams.updated')]}
        actionsColumn
        empty={<p>{canManage ? t('teams.emptyCanAdd') : t('teams.empty')}</p>}
      >
        {teams.items.map((team) => (
          <tr key={team.id}>
            <th scope="row" data-label={t('teams.name')}>
              {team.name}
              {team.description ? <span className="cell-note">{team.description}</span> : null}
            </th>
            <td data-label={t('teams.kind')}>{t(`teamKinds.${team.kind}`)}</td>
            <td data-label={t('teams.members')}>
              {team.members.length === 0 ? (
                <span className="muted">{t('teams.noMembers')}</span>
              ) : (
                <ul className="inline-list">
                  {team.members.map((m) => (
                    <li key={m.user_id}>
                      {nameOf(m.user_id)}
                      {m.sales_role ? <span className="badge badge-quiet">{t(`salesRoles.${m.sales_role}`)}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td data-label={t('teams.updated')} className="nowrap">
              {fmt.date(team.updated_at)}
            </td>
            <td className="actions-cell">
              <Link to={`/settings/teams/${team.id}`} className="button button-small">
                {canManage ? t('common.edit') : t('common.view')}
                <span className="visually-hidden"> {team.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </PagedTable>
    </section>
  );
}
