import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { can } from '../../auth/permissions';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n';
import { FlashAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { useUsersList } from './api';
import { CellText } from '../../ui/CellText';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const users = useUsersList();
  const canEdit = can(me, 'users.edit');

  return (
    <section>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can(me, 'users.create') ? (
            <Link to="/settings/users/new" className="button button-primary">
              {t('users.add')}
            </Link>
          ) : null
        }
      />
      <FlashAlert />
      <PagedTable
        list={users}
        caption={t('users.title')}
        columns={[
          t('users.name'),
          t('users.email'),
          t('users.role'),
          t('users.language'),
          t('users.status'),
          t('users.createdAt'),
        ]}
        actionsColumn
        empty={<p>{t('users.empty')}</p>}
      >
        {users.items.map((u) => {
          const self = u.id === me.user?.id;
          return (
            <tr key={u.id}>
              <th scope="row" data-label={t('users.name')}>
                {u.display_name}
                {self ? <span className="badge badge-quiet">{t('users.you')}</span> : null}
              </th>
              <td data-label={t('users.email')}>
                <CellText text={u.email} />
              </td>
              <td data-label={t('users.role')}>{t(`roles.${u.role}`)}</td>
              <td data-label={t('users.language')}>
                {isLanguage(u.language) ? LANGUAGE_NAMES[u.language] : t('users.languageDefault')}
              </td>
              <td data-label={t('users.status')}>
                <span className={`badge ${u.active ? 'badge-ok' : 'badge-off'}`}>
                  {u.active ? t('users.active') : t('users.inactive')}
                </span>
              </td>
              <td data-label={t('users.createdAt')} className="nowrap">
                {fmt.date(u.created_at)}
              </td>
              <td className="actions-cell">
                {canEdit || self ? (
                  <Link to={`/settings/users/${u.id}`} className="button button-small">
                    {t('common.edit')}
                    <span className="visually-hidden"> {u.display_name}</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          );
        })}
      </PagedTable>
    </section>
  );
}
