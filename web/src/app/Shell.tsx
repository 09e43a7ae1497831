// The signed-in frame: top bar (workspace, user menu), left navigation (a drawer on phones),
// and the page. Navigation entries come from the feature registry.
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { features } from './features';
import { navEntries } from './registry';
import { UserMenu } from './UserMenu';
import { SessionExpiredDialog } from './SessionExpiredDialog';
import { useSession } from '../auth/session';
import { Icon } from '../ui/icons';
import { Loading } from '../ui/Alert';

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // A new page: close the drawer and move focus to the content, as a page load would.
  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setNavOpen(false);
        toggleRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navOpen]);

  const entries = navEntries(features, me);

  return (
    <div className={`shell ${navOpen ? 'nav-open' : ''}`}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <button
          ref={toggleRef}
          type="button"
          className="icon-button nav-toggle"
          aria-expanded={navOpen}
          aria-controls="main-nav"
          onClick={() => setNavOpen((o) => !o)}
        >
          <Icon name={navOpen ? 'close' : 'menu'} />
          <span className="visually-hidden">{navOpen ? t('shell.closeMenu') : t('shell.openMenu')}</span>
        </button>
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Rapport</span>
        </Link>
        <span className="workspace-name" title={me.workspace.slug}>
          <span className="visually-hidden">{t('shell.workspace')}: </span>
          {me.workspace.name}
        </span>
        <UserMenu />
      </header>
      <nav id="main-nav" className="sidenav" aria-label={t('shell.mainNav')}>
        <ul>
          {entries.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to} end={n.end} className="nav-link">
                <Icon name={n.icon} />
                <span>{t(n.labelKey)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {navOpen ? <div className="scrim" aria-hidden="true" onClick={() => setNavOpen(false)} /> : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SessionExpiredDialog />
    </div>
  );
}
