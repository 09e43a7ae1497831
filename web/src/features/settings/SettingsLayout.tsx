import { Suspense } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Loading } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { visibleSections } from './sections';

export function SettingsLayout() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div className="settings">
      <nav className="subnav" aria-label={t('settings.nav')}>
        <ul>
          {visibleSections(me).map((s) => (
            <li key={s.path}>
              <NavLink to={`/settings/${s.path}`} className="subnav-link">
                <Icon name={s.icon} size={18} />
                <span>{t(s.labelKey)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}

export function SettingsIndex() {
  const me = useSession();
  const first = visibleSections(me)[0];
  return <Navigate to={first ? `/settings/${first.path}` : '/'} replace />;
}
