// The signed-in frame: top bar (workspace, user menu), left navigation (a drawer on phones),
// and the page. Navigation entries come from the feature registry; so do the settings sections,
// which the shell hands to the pages below it (the settings screen, the home page).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { features, settingsSections } from './features';
import { navEntries, SettingsSectionsContext } from './registry';
import { UserMenu } from './UserMenu';
import { SessionExpiredDialog } from './SessionExpiredDialog';
import { PartnerBanner } from './PartnerBanner';
import { useSession } from '../auth/session';
import { Icon } from '../ui/icons';
import { Loading } from '../ui/Alert';

// The search dialog loads the first time it is opened.
const SearchDialog = lazy(() => import('../features/search/SearchDialog'));

/** "Ctrl K" or "⌘ K", as this computer writes it. */
function searchShortcut(): string {
  const platform = typeof navigator !== 'undefined' ? navigator.platform || navigator.userAgent : '';
  return /Mac|iPhone|iPad/i.test(platform) ? '⌘ K' : 'Ctrl K';
}

export function Shell() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  const searchButtonRef = useRef<HTMLButtonElement>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const [searchLoaded, setSearchLoaded] = useState(false);

  const openSearch = () => {
    setSearchLoaded(true);
    setSearchOpen(true);
  };
  const closeSearch = () => {
    setSearchOpen(false);
    searchButtonRef.current?.focus();
  };

  // Ctrl+K / Cmd+K opens the search from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearchLoaded(true);
        setSearchOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

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
  const shellWidgets = features.flatMap((f) => f.shellWidgets ?? []);

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
        <button
          ref={searchButtonRef}
          type="button"
          className="search-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="Control+K Meta+K"
          onClick={openSearch}
        >
          <Icon name="search" size={18} />
          <span className="search-button-label">{t('search.button')}</span>
          <kbd className="search-button-keys" aria-hidden="true">
            {searchShortcut()}
          </kbd>
        </button>
        <UserMenu />
      </header>
      <nav id="main-nav" className="sidenav" aria-label={t('shell.mainNav')}>
        <ul>
          {entries.map((n) => (
            <li key={n.to}>
              <NavLink to={n.to} end={n.end} className="nav-link">
                <Icon name={n.icon} />
                <span>{t(n.labelKey)}</span>
                {n.badge ? <n.badge /> : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {navOpen ? <div className="scrim" aria-hidden="true" onClick={() => setNavOpen(false)} /> : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        {me.partner_company_id ? <PartnerBanner companyId={me.partner_company_id} /> : null}
        {shellWidgets.map((Widget, i) => (
          <Widget key={i} />
        ))}
        <SettingsSectionsContext value={settingsSections}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </SettingsSectionsContext>
      </main>
      {searchLoaded ? (
        <Suspense fallback={null}>
          <SearchDialog open={searchOpen} onClose={closeSearch} />
        </Suspense>
      ) : null}
      <SessionExpiredDialog />
    </div>
  );
}
