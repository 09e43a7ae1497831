import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../ui/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeader title={t('notFound.title')} description={t('notFound.body')} />
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </section>
  );
}

/** A page that failed to load or crashed (e.g. an old tab after an upgrade). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : '';
  return (
    <section className="card narrow" role="alert">
      <h1>{t('errors.pageFailed')}</h1>
      <p>{t('errors.pageFailedBody')}</p>
      {detail ? (
        <p>
          <code>{detail}</code>
        </p>
      ) : null}
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </section>
  );
}
