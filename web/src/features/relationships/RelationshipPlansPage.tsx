import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { usePlans } from './api';
import './relationships.css';

export function RelationshipPlansPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const plans = usePlans();
  return (
    <section>
      <PageHeader title={t('relationships.title')} description={t('relationships.description')} />
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <ProblemAlert error={plans.error} /> : null}
      {plans.data && plans.data.length === 0 ? <p>{t('relationships.noSegments')}</p> : null}
      {plans.data && plans.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="relationship-plans">
            <caption className="visually-hidden">{t('relationships.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('relationships.segment')}</th>
                <th scope="col">{t('relationships.market')}</th>
                <th scope="col">{t('relationships.expectedTypes')}</th>
                <th scope="col">{t('relationships.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <tr key={p.segment.id} data-segment={p.segment.name}>
                  <th scope="row" data-label={t('relationships.segment')}>
                    {p.segment.name}
                  </th>
                  <td data-label={t('relationships.market')}>{t(`relationships.kinds.${p.segment.kind}`)}</td>
                  <td data-label={t('relationships.expectedTypes')} className="plan-types">
                    {p.relationship_types.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      p.relationship_types.map((type) => (
                        <span key={type} className="badge badge-quiet">
                          {t(`relationships.types.${type}`)}
                        </span>
                      ))
                    )}
                  </td>
                  <td data-label={t('relationships.status')}>
                    {p.version === 0
                      ? t('relationships.noPlan')
                      : t('relationships.versionSaved', {
                          version: fmt.number(p.version),
                          date: fmt.date(p.updated_at),
                        })}
                  </td>
                  <td className="actions-cell">
                    <Link to={`/relationship-plans/${p.segment.id}`} className="button button-small">
                      {t('relationships.open')}
                      <span className="visually-hidden"> {p.segment.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
