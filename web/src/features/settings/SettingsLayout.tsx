// The Settings screen's frame: the sections' subnavigation (those the user may use) and the
// section's page beside it; /settings itself opens the first section.
import { Suspense } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Loading } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { useVisibleSettingsSections } from '../../app/registry';

export function SettingsLayout() {
  const { t } = useTranslation();
  const sections = useVisibleSettingsSections(useSession());
  return (
    <div className="settings">
      <nav className="subnav" aria-label={t('settings.nav')}>
        <ul>
          {sections.map((s) => (
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
  const first = useVisibleSettingsSections(useSession())[0];
  return <Navigate to={first ? `/settings/${first.path}` : '/'} replace />;
}
