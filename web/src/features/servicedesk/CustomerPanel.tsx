// The customer beside the conversation: the person's (or company's) key facts and the latest
// entries of their timeline, from the customers and timeline areas' own API calls.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading } from '../../ui/Alert';
import { useRecord } from '../customers/api';
import { recordName } from '../customers/schema';
import { useTimeline } from '../timeline/api';
import type { Conversation } from './types';

const PERSON_FACTS = ['email', 'phone', 'city', 'country', 'language'];
const COMPANY_FACTS = ['email', 'phone', 'city', 'country', 'website'];

export function CustomerPanel({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const entity = c.person ? 'person' : c.company ? 'company' : null;
  const id = c.person?.id ?? c.company?.id;
  return (
    <section className="card sd-customer-panel" aria-labelledby="sd-customer-title">
      <h2 id="sd-customer-title" className="section-title">
        {t('servicedesk.customer.title')}
      </h2>
      {entity && id ? <CustomerFacts entity={entity} id={id} c={c} /> : <p className="muted">{t('servicedesk.customer.none')}</p>}
    </section>
  );
}

function CustomerFacts({ entity, id, c }: { entity: 'person' | 'company'; id: string; c: Conversation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const record = useRecord(entity, id);
  const timeline = useTimeline(entity, id, 5);
  const path = `/${entity === 'person' ? 'people' : 'companies'}/${encodeURIComponent(id)}`;
  const fields = record.data?.fields ?? {};
  const facts = (entity === 'person' ? PERSON_FACTS : COMPANY_FACTS)
    .map((k) => [k, fields[k]] as const)
    .filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  return (
    <>
      <p>
        <Link to={path}>{record.data ? recordName(record.data) : (c.person?.name ?? c.company?.name)}</Link>
        {entity === 'person' && c.company ? (
          <>
            {' · '}
            <Link to={`/companies/${encodeURIComponent(c.company.id)}`}>{c.company.name}</Link>
          </>
        ) : null}
      </p>
      {record.isPending ? <Loading /> : null}
      {facts.length > 0 ? (
        <dl className="facts sd-facts">
          {facts.map(([k, v]) => (
            <div key={k} className="fact-row">
              <dt>{t(`servicedesk.customer.fields.${k}`)}</dt>
              <dd className="fact-value">
                {k === 'country' ? fmt.country(String(v)) : k === 'language' ? fmt.languageName(String(v)) : String(v)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {record.data && record.data.tags.length > 0 ? (
        <p className="chip-list">
          {record.data.tags.map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <h3 className="small">{t('servicedesk.customer.recent')}</h3>
      {timeline.isSuccess && timeline.items.length === 0 ? (
        <p className="muted small">{t('servicedesk.customer.nothing')}</p>
      ) : null}
      <ul className="plain-list sd-recent">
        {timeline.items.slice(0, 5).map((i) => (
          <li key={i.id}>
            <span className="muted small">{fmt.date(i.occurred_at)}</span>{' '}
            {i.subject || t(`servicedesk.customer.kinds.${i.kind}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
