// The history of imports: when, who, which file, what it held, what it created, updated and
// rejected, and how it ended; each opens the import's finish page.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useImportHistory } from './api';

export function ImportHistoryPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useImportHistory();
  return (
    <section>
      <PageHeader
        title={t('imports.history.title')}
        description={t('imports.history.description')}
        actions={
          <Link to="/import" className="button button-primary">
            {t('imports.history.new')}
          </Link>
        }
      />
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ProblemAlert error={history.error} /> : null}
      {history.isSuccess && history.items.length === 0 ? <p>{t('imports.history.empty')}</p> : null}
      {history.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table responsive" data-testid="import-history">
            <caption className="visually-hidden">{t('imports.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.history.when')}</th>
                <th scope="col">{t('imports.history.file')}</th>
                <th scope="col">{t('imports.history.who')}</th>
                <th scope="col" className="num">
                  {t('imports.created')}
                </th>
                <th scope="col" className="num">
                  {t('imports.updated')}
                </th>
                <th scope="col" className="num">
                  {t('imports.rejected')}
                </th>
                <th scope="col">{t('imports.history.status')}</th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((j) => (
                <tr key={j.id} data-import-id={j.id}>
                  <td data-label={t('imports.history.when')} className="nowrap">
                    {fmt.dateTime(j.created_at)}
                  </td>
                  <th scope="row" data-label={t('imports.history.file')}>
                    <Link to={`/import/${j.id}`} className="break-anywhere">
                      {j.filename}
                    </Link>
                    <div className="small muted">{t(`imports.entities.${j.entity}`)}</div>
                  </th>
                  <td data-label={t('imports.history.who')}>{j.created_by}</td>
                  <td data-label={t('imports.created')} className="num">
                    {fmt.number(j.created)}
                  </td>
                  <td data-label={t('imports.updated')} className="num">
                    {fmt.number(j.updated)}
                  </td>
                  <td data-label={t('imports.rejected')} className="num">
                    {fmt.number(j.rejected)}
                  </td>
                  <td data-label={t('imports.history.status')}>{t(`imports.history.statuses.${j.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {history.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void history.fetchNextPage()}
          disabled={history.isFetchingNextPage}
        >
          {t('imports.history.more')}
        </button>
      ) : null}
    </section>
  );
}
