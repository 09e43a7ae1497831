// Reports: the service levels of a period (first response and resolution times, breaches,
// volume by channel, topic and segment, the backlog per day), customer satisfaction (CSAT by
// agent, team, segment or topic, with the comments), NPS per segment over time, and the
// feedback list by topic for the product and process owners.
import { useMemo, useState } from 'react';
import './reports.css';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useCsatResults, useFeedback, useNpsResults, useServiceReport } from './api';
import { BarList, LineChart } from './Charts';
import { SendNpsForm } from './SendNpsForm';
import { durationParts, npsBand, periodOf, share } from './reports';
import {
  CSAT_GROUPS,
  PERIODS,
  TOPICS,
  type CountRowLike,
  type CsatGroup,
  type DurationSummary,
  type PeriodDays,
  type Topic,
} from './types';

export function ReportsPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<PeriodDays>(30);
  // The period is fixed when chosen, so the queries keep their keys between renders.
  const period = useMemo(() => periodOf(days, Date.now()), [days]);
  return (
    <section className="reports">
      <PageHeader title={t('satisfaction.title')} description={t('satisfaction.subtitle')} />
      <div className="form-grid">
        <SelectField
          label={t('satisfaction.period')}
          name="period"
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value) as PeriodDays)}
          options={PERIODS.map((d) => ({ value: String(d), label: t('satisfaction.lastDays', { count: d }) }))}
        />
      </div>
      <ServiceSection period={period} />
      <CsatSection period={period} />
      <NpsSection />
      <FeedbackSection period={period} />
    </section>
  );
}

function useDuration() {
  const { t } = useTranslation();
  const f = useFormat();
  return (ms: number | null | undefined) => {
    if (ms === null || ms === undefined) return t('satisfaction.none');
    const { unit, value } = durationParts(ms);
    return t(`satisfaction.units.${unit}`, { count: value, n: f.number(value) });
  };
}

function countBars(rows: CountRowLike[], none: string, f: ReturnType<typeof useFormat>) {
  return rows.map((r) => ({ key: r.key || '-', label: r.label || none, value: r.count, text: f.number(r.count) }));
}

function ServiceSection({ period }: { period: { from: number; to: number } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const duration = useDuration();
  const report = useServiceReport(period);
  const topicLabel = (key: string) => (key ? t(`satisfaction.topics.${key}`, { defaultValue: key }) : '');
  return (
    <section className="report-section" aria-labelledby="service-title">
      <h2 id="service-title">{t('satisfaction.service.title')}</h2>
      {report.isPending ? <Loading /> : null}
      <ProblemAlert error={report.error} />
      {report.data ? (
        <>
          <dl className="report-figures">
            <Figure label={t('satisfaction.service.conversations')} value={f.number(report.data.conversations)} />
            <Times label={t('satisfaction.service.firstResponse')} summary={report.data.first_response} duration={duration} />
            <Times label={t('satisfaction.service.resolution')} summary={report.data.resolution} duration={duration} />
            <Figure label={t('satisfaction.service.breached')} value={f.number(report.data.breached)} />
          </dl>
          <h3>{t('satisfaction.service.backlog')}</h3>
          <LineChart
            values={report.data.backlog.map((b) => b.open)}
            label={t('satisfaction.service.backlogChart', {
              from: f.date(report.data.from),
              to: f.date(report.data.to),
              max: f.number(Math.max(0, ...report.data.backlog.map((b) => b.open))),
            })}
          />
          <div className="report-columns">
            <div>
              <h3>{t('satisfaction.service.byChannel')}</h3>
              <BarList
                label={t('satisfaction.service.byChannel')}
                bars={countBars(report.data.by_channel, t('satisfaction.none'), f)}
              />
            </div>
            <div>
              <h3>{t('satisfaction.service.byTopic')}</h3>
              <BarList
                label={t('satisfaction.service.byTopic')}
                bars={countBars(
                  report.data.by_topic.map((r) => ({ ...r, label: topicLabel(r.key) })),
                  t('satisfaction.noTopic'),
                  f,
                )}
              />
            </div>
            <div>
              <h3>{t('satisfaction.service.bySegment')}</h3>
              <BarList
                label={t('satisfaction.service.bySegment')}
                bars={countBars(report.data.by_segment, t('satisfaction.noSegment'), f)}
              />
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Times({
  label,
  summary,
  duration,
}: {
  label: string;
  summary: DurationSummary;
  duration: (ms: number | null | undefined) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd>{t('satisfaction.service.median', { value: duration(summary.median_ms) })}</dd>
      <dd className="muted">{t('satisfaction.service.p90', { value: duration(summary.p90_ms) })}</dd>
    </div>
  );
}

function CsatSection({ period }: { period: { from: number; to: number } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [group, setGroup] = useState<CsatGroup>('agent');
  const csat = useCsatResults(period, group);
  const average = (a: number | null | undefined) =>
    a === null || a === undefined ? t('satisfaction.none') : f.number(Math.round(a * 10) / 10);
  const groupLabel = (key: string, label: string) =>
    group === 'topic'
      ? key
        ? t(`satisfaction.topics.${key}`, { defaultValue: key })
        : t('satisfaction.noTopic')
      : label || t('satisfaction.none');
  return (
    <section className="report-section" aria-labelledby="csat-title">
      <h2 id="csat-title">{t('satisfaction.csat.title')}</h2>
      <SelectField
        label={t('satisfaction.csat.groupBy')}
        name="group_by"
        value={group}
        onChange={(e) => setGroup(e.target.value as CsatGroup)}
        options={CSAT_GROUPS.map((g) => ({ value: g, label: t(`satisfaction.csat.groups.${g}`) }))}
      />
      {csat.isPending ? <Loading /> : null}
      <ProblemAlert error={csat.error} />
      {csat.data ? (
        <>
          <dl className="report-figures">
            <Figure label={t('satisfaction.csat.average')} value={average(csat.data.overall.average)} />
            <Figure label={t('satisfaction.csat.answers')} value={f.number(csat.data.overall.count)} />
          </dl>
          <BarList
            label={t('satisfaction.csat.distribution')}
            bars={csat.data.overall.distribution.map((n, i) => ({
              key: String(i + 1),
              label: t('satisfaction.csat.stars', { count: i + 1 }),
              value: n,
              text: `${f.number(n)} (${share(n, csat.data.overall.count)}%)`,
            }))}
          />
          {csat.data.groups.length === 0 ? (
            <p className="muted">{t('satisfaction.csat.empty')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t(`satisfaction.csat.groups.${group}`)}</th>
                  <th scope="col">{t('satisfaction.csat.average')}</th>
                  <th scope="col">{t('satisfaction.csat.answers')}</th>
                </tr>
              </thead>
              <tbody>
                {csat.data.groups.map((g) => (
                  <tr key={g.key || '-'}>
                    <td>{groupLabel(g.key, g.label)}</td>
                    <td>{average(g.average)}</td>
                    <td>{f.number(g.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </section>
  );
}

function NpsSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const nps = useNpsResults();
  return (
    <section className="report-section" aria-labelledby="nps-title">
      <h2 id="nps-title">{t('satisfaction.nps.title')}</h2>
      <SendNpsForm />
      {nps.isPending ? <Loading /> : null}
      <ProblemAlert error={nps.error} />
      {nps.data && nps.data.series.length === 0 ? <p className="muted">{t('satisfaction.nps.empty')}</p> : null}
      {nps.data?.series.map((s) => (
        <div key={s.segment_id} className="report-nps">
          <h3>{s.segment_name}</h3>
          <p>
            {s.overall.score === null
              ? t('satisfaction.nps.noAnswers')
              : t('satisfaction.nps.score', {
                  score: f.number(s.overall.score),
                  count: s.overall.count,
                  n: f.number(s.overall.count),
                })}{' '}
            <span className={`badge nps-${npsBand(s.overall.score)}`}>
              {t(`satisfaction.nps.bands.${npsBand(s.overall.score)}`)}
            </span>
          </p>
          <LineChart
            kind="nps"
            values={s.points.filter((p) => p.nps.score !== null).map((p) => p.nps.score ?? 0)}
            label={t('satisfaction.nps.chart', { segment: s.segment_name })}
          />
          <ul className="plain-list">
            {s.points.map((p) => (
              <li key={p.id}>
                {f.date(p.created_at)}: {p.nps.score === null ? t('satisfaction.none') : f.number(p.nps.score)} ·{' '}
                {t('satisfaction.nps.answered', { count: p.answers, n: f.number(p.answers), of: f.number(p.recipients) })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function FeedbackSection({ period }: { period: { from: number; to: number } }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [topic, setTopic] = useState<Topic | ''>('');
  const feedback = useFeedback(period, topic);
  return (
    <section className="report-section" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('satisfaction.feedback.title')}</h2>
      <SelectField
        label={t('satisfaction.feedback.topic')}
        name="topic"
        value={topic}
        onChange={(e) => setTopic(e.target.value as Topic | '')}
        options={[
          { value: '', label: t('satisfaction.feedback.allTopics') },
          ...TOPICS.map((x) => ({ value: x, label: t(`satisfaction.topics.${x}`) })),
        ]}
      />
      {feedback.isPending ? <Loading /> : null}
      <ProblemAlert error={feedback.error} />
      {feedback.data && feedback.data.items.length === 0 ? <p className="muted">{t('satisfaction.feedback.empty')}</p> : null}
      <ul className="report-feedback">
        {feedback.data?.items.map((item, i) => (
          <li key={`${item.source}-${item.at}-${i}`}>
            <span className="badge">{t(`satisfaction.feedback.sources.${item.source}`)}</span>{' '}
            {item.topic ? <span className="badge">{t(`satisfaction.topics.${item.topic}`)}</span> : null} <q>{item.text}</q>{' '}
            {item.rating !== null ? <span>({f.number(item.rating)})</span> : null}{' '}
            <span className="muted">{f.date(item.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
