import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useMe } from './session';
import { applyLanguage, currentLanguage, isLanguage } from '../i18n';
import { ProblemAlert, Loading } from '../ui/Alert';

/** Renders its children for a signed-in person; sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const profileLanguage = me.data?.user?.language;

  // The profile's language wins over this browser's; with none set, keep the current one.
  useEffect(() => {
    if (isLanguage(profileLanguage) && profileLanguage !== currentLanguage()) void applyLanguage(profileLanguage, true);
  }, [profileLanguage]);

  if (me.isPending) {
    return (
      <div className="full-page">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="full-page">
        <div className="card narrow">
          <h1>{t('errors.cannotStart')}</h1>
          <ProblemAlert error={me.error} />
          <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (!me.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <SessionProvider value={me.data}>{children}</SessionProvider>;
}
