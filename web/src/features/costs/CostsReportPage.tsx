// The costs of a period: the total (time, messages, fixed), per relationship type, per segment
// beside the benefits measured (retention, revenue: "not yet measured" until the data exists),
// the fixed costs by category, and the most costly customers. Amounts in the model's currency,
// formatted with Intl.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useSegmentsList } from '../segments/api';
import { useCosts } from './api';
import { byCategory, fromCents, monthPeriod } from './costs';
import type { CostBreakdown, Costs } from './types';
import './costs.css';

export function CostsReportPage() {
  const { t } = useTranslation();
  const initial = useMemo(() => monthPeriod(Date.now()), []);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [segment, setSegment] = useState('');
  const segments = useSegmentsList();
  const period = useMemo(() => ({ from, to }), [from, to]);
  const costs = useCosts(period, segment);
  const segmentOptions = [
    { value: '', label: t('costs.report.allSegments') },
    ...(segments.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <section className="costs-report">
      <PageHeader title={t('costs.report.title')} description={t('costs.report.subtitle')} />
      <div className="form-grid">
        <TextField
          label={t('costs.report.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField label={t('costs.report.to')} name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <SelectField
          label={t('costs.report.segment')}
          name="segment"
          value={segment}
          onChange={(e) => setSegment(e.target.value)}
          options={segmentOptions}
        />
      </div>
      {costs.isPending ? <Loading /> : null}
      <ProblemAlert error={costs.error} />
      {costs.data ? <Report data={costs.data} /> : null}
    </section>
  );
}

function Report({ data }: { data: Costs }) {
  const { t } = useTranslation();
  const f = useFormat();
  const currency = data.currency;
  if (!currency) {
    return (
      <Alert>
        {t('costs.report.noModel')} <Link to="/settings/costs">{t('costs.report.setUpModel')}</Link>
      </Alert>
    );
  }
  const money = (cents: number) => f.money(fromCents(cents, data.minor_digits), currency);
  const typeLabel = (type: string | null) => (type ? t(`costs.types.${type}`) : t('costs.report.noType'));
  const parts = (b: CostBreakdown) => [money(b.time_cents), money(b.message_cents), money(b.fixed_cents), money(b.total_cents)];
  return (
    <>
      <dl className="report-figures costs-figures">
        <Figure label={t('costs.report.total')} value={money(data.total.total_cents)} testId="costs-total" />
        <Figure label={t('costs.report.time')} value={money(data.total.time_cents)} />
        <Figure label={t('costs.report.messages')} value={money(data.total.message_cents)} />
        <Figure label={t('costs.report.fixedCosts')} value={money(data.total.fixed_cents)} />
        <Figure label={t('costs.report.minutes')} value={f.minutes(data.activity.minutes)} />
      </dl>
      {data.unpriced_minutes > 0 ? (
        <Alert tone="warning">{t('costs.report.unpriced', f.count(data.unpriced_minutes))}</Alert>
      ) : null}
      {data.days_without_model > 0 ? (
        <Alert tone="warning">{t('costs.report.daysWithoutModel', f.count(data.days_without_model))}</Alert>
      ) : null}

      <h2>{t('costs.report.byType')}</h2>
      <DataTable
        caption={t('costs.report.byType')}
        columns={[
          t('costs.report.type'),
          t('costs.report.time'),
          t('costs.report.messages'),
          t('costs.report.fixedCosts'),
          t('costs.report.total'),
        ]}
      >
        {data.by_type.map((row) => (
          <tr key={row.relationship_type ?? 'none'}>
            <th scope="row">{typeLabel(row.relationship_type)}</th>
            {parts(row.cost).map((text, i) => (
              <td key={i}>{text}</td>
            ))}
          </tr>
        ))}
      </DataTable>

      <h2>{t('costs.report.bySegment')}</h2>
      {data.by_segment.length === 0 ? (
        <p className="muted">{t('costs.report.noSegments')}</p>
      ) : (
        <DataTable
          caption={t('costs.report.bySegment')}
          columns={[
            t('costs.report.segment'),
            t('costs.report.customers'),
            t('costs.report.total'),
            t('costs.report.retention'),
            t('costs.report.revenue'),
          ]}
        >
          {data.by_segment.map((s) => (
            <tr key={s.segment_id}>
              <th scope="row">{s.name}</th>
              <td>{f.number(s.customers_with_activity)}</td>
              <td>{money(s.cost.total_cents)}</td>
              <td>
                {s.benefits.retention.value === null ? t('costs.report.notYetMeasured') : f.number(s.benefits.retention.value)}
              </td>
              <td>{s.benefits.revenue.value === null ? t('costs.report.notYetMeasured') : f.number(s.benefits.revenue.value)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{t('costs.report.fixedByCategory')}</h2>
      <DataTable caption={t('costs.report.fixedByCategory')} columns={[t('costs.report.category'), t('costs.report.total')]}>
        {byCategory(data.fixed_costs).map((c) => (
          <tr key={c.category}>
            <th scope="row">{t(`costs.categories.${c.category}`)}</th>
            <td>{money(c.cents)}</td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('costs.report.topCustomers')}</h2>
      <p className="muted">{t('costs.report.customersWithCost', f.count(data.customers.total))}</p>
      <DataTable
        caption={t('costs.report.topCustomers')}
        columns={[t('costs.report.customer'), t('costs.report.minutes'), t('costs.report.total')]}
      >
        {data.customers.items.map((c) => (
          <tr key={`${c.kind}-${c.id}`}>
            <th scope="row">
              <Link to={`/${c.kind}/${c.id}`}>{c.name || c.id}</Link>
            </th>
            <td>{f.minutes(c.activity.minutes)}</td>
            <td>{money(c.cost.total_cents)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="muted">
        {t('costs.report.benefits')} {data.benefits.revenue.value === null ? t('costs.report.revenueNotYet') : null}
      </p>
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
