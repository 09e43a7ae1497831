// An import's rejected rows on its finish page: each row's number and line, its values under
// the file's headers, and every problem with the column it came from; more rows a page at a
// time, and the whole set as CSV to fix and import again.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ProblemAlert } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { rejectedCsvUrl, useRejectedRows, type ImportJob, type RejectedRow } from './api';

/** The row's non-empty values as "header: value" pairs, in the file's column order. */
export function rowValues(header: string[], row: RejectedRow): { column: string; value: string }[] {
  return row.fields.map((value, i) => ({ column: header[i] ?? `#${i + 1}`, value })).filter((v) => v.value.trim() !== '');
}

/** Why a row was refused: each problem, with the file's column it is about. */
export function ReasonList({ row }: { row: RejectedRow }) {
  return (
    <ul className="reason-list">
      {row.errors.map((e, i) => (
        <li key={i}>
          {e.column ? <strong>{e.column}: </strong> : null}
          {e.detail}
        </li>
      ))}
    </ul>
  );
}

export function RejectedRows({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rows = useRejectedRows(job.id, job.rejected > 0);
  if (job.rejected === 0) return null;
  return (
    <section className="card rejected-rows" aria-labelledby="rejected-rows-title">
      <h2 id="rejected-rows-title" className="section-title">
        {t('imports.rejectedRows.title', fmt.count(job.rejected))}
      </h2>
      <p className="muted">{t('imports.rejectedRows.hint')}</p>
      <p>
        <a className="button" href={rejectedCsvUrl(job.id)} download data-testid="download-rejected">
          <Icon name="download" size={18} />
          {t('imports.downloadRejected', { n: fmt.number(job.rejected) })}
        </a>
      </p>
      {rows.isError ? <ProblemAlert error={rows.error} /> : null}
      <div className="table-wrap">
        <table className="table responsive rejected-table" data-testid="finish-rejected-rows">
          <caption className="visually-hidden">{t('imports.rejectedRows.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.row')}</th>
              <th scope="col">{t('imports.rejectedRows.values')}</th>
              <th scope="col">{t('imports.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((r) => (
              <tr key={r.row}>
                <th scope="row" data-label={t('imports.row')} className="nowrap">
                  {t('imports.rowLine', { row: fmt.number(r.row), line: fmt.number(r.line) })}
                </th>
                <td data-label={t('imports.rejectedRows.values')}>
                  <dl className="row-values">
                    {rowValues(job.header, r).map((v, i) => (
                      <div key={i}>
                        <dt>{v.column}</dt>
                        <dd className="break-anywhere">{v.value}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
                <td data-label={t('imports.reasons')}>
                  <ReasonList row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.hasNextPage ? (
        <button type="button" className="button" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
          {t('imports.rejectedRows.more', { shown: fmt.number(rows.items.length), total: fmt.number(job.rejected) })}
        </button>
      ) : null}
    </section>
  );
}
