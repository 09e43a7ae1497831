import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/Page';
import { Icon } from '../../ui/icons';
import { useVisibleSettingsSections } from '../../app/registry';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const name = me.user?.display_name ?? t('userMenu.apiKey');
  const sections = useVisibleSettingsSections(me);

  return (
    <section>
      <PageHeader title={t('home.title', { name })} description={t('home.subtitle', { workspace: me.workspace.name })} />
      <div className="cards">
        <article className="card" aria-labelledby="home-who">
          <h2 id="home-who">{t('home.whoTitle')}</h2>
          <dl className="facts">
            <dt>{t('home.name')}</dt>
            <dd>{name}</dd>
            {me.user ? (
              <>
                <dt>{t('home.email')}</dt>
                <dd>{me.user.email}</dd>
              </>
            ) : null}
            <dt>{t('home.role')}</dt>
            <dd>
              <span className="badge">{t(`roles.${me.role}`)}</span>
            </dd>
            <dt>{t('home.workspace')}</dt>
            <dd>
              {me.workspace.name} <span className="muted">({me.workspace.slug})</span>
            </dd>
            {me.user ? (
              <>
                <dt>{t('home.memberSince')}</dt>
                <dd>{fmt.date(me.user.created_at)}</dd>
              </>
            ) : null}
          </dl>
          <p>{t(`roles.describe.${me.role}`)}</p>
          <p>
            {t('home.scopes', {
              read: t(`scopes.${me.permissions.read}`),
              write: t(`scopes.${me.permissions.write}`),
            })}
          </p>
        </article>
        <article className="card" aria-labelledby="home-settings">
          <h2 id="home-settings">{t('home.settingsTitle')}</h2>
          <p>{t('home.settingsBody')}</p>
          <ul className="link-list">
            {sections.map((s) => (
              <li key={s.path}>
                <Link to={`/settings/${s.path}`}>
                  <Icon name={s.icon} size={18} />
                  <span>{t(s.labelKey)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </article>
      </div>
    </section>
  );
}
