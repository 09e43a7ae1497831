import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/session';
import { can } from '../../../auth/permissions';
import { useFormat } from '../../../i18n/format';
import { LANGUAGE_NAMES, isLanguage } from '../../../i18n';
import { Alert, Loading, ProblemAlert } from '../../../ui/Alert';
import { PageHeader } from '../../../ui/Page';
import { useUsersList } from './api';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const location = useLocation();
  const users = useUsersList();
  const flash = (location.state as { flash?: string } | null)?.flash;
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
      {flash ? <Alert tone="success">{flash}</Alert> : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ProblemAlert error={users.error} /> : null}
      {users.isSuccess ? (
        users.items.length === 0 ? (
          <p>{t('users.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table responsive">
              <caption className="visually-hidden">{t('users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.language')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.createdAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.items.map((u) => {
                  const self = u.id === me.user?.id;
                  return (
                    <tr key={u.id}>
                      <th scope="row" data-label={t('users.name')}>
                        {u.display_name}
                        {self ? <span className="badge badge-quiet">{t('users.you')}</span> : null}
                      </th>
                      <td data-label={t('users.email')}>{u.email}</td>
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
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {users.hasNextPage ? (
        <button type="button" className="button" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {users.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      ) : null}
      {users.isFetchNextPageError ? <ProblemAlert error={users.error} /> : null}
    </section>
  );
}
