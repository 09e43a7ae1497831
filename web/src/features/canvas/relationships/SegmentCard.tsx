// One segment's card of the Customer Relationships block, answering the five questions: the
// expected types, the established ones, how they are measured (targets against measured values),
// how costly they are, and how they are integrated (channels, team, the value-proposition note).
// Every type's status shows at a glance; the segment's gaps show in red, each a link to its records.
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { figureHref } from '../canvas';
import type { BlockGap, BlockSegment, BlockTarget, BlockType, Figure } from './types';
import { costPoints, figureText, isMissing, metricText, moneyText, statusTone } from './view';
import { GapList } from './GapList';

// The chart library comes in its own chunk, after the figures.
const BarFigure = lazy(() => import('../Chart').then((m) => ({ default: m.BarFigure })));

interface Props {
  segment: BlockSegment;
  gaps: BlockGap[];
  currency: string | null;
  noContactDays: number;
}

/** A figure's text, a link to what it counts when it has a value and a route. */
export function FigureValue({ figure, format }: { figure: Figure | undefined; format: (v: number) => string }) {
  const { t } = useTranslation();
  const text = figureText(t, figure, format);
  if (isMissing(figure)) return <span className="muted">{text}</span>;
  const href = figureHref(figure?.link);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}

export function SegmentCard({ segment, gaps, currency, noContactDays }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (cents: number) => moneyText(cents, currency, f.language);
  const headingId = `rel-segment-${segment.segment.id}`;
  const expected = segment.types.filter((x) => x.expected);
  const established = segment.types.filter((x) => x.established === true);
  const typeNames = (list: BlockType[], none: string) =>
    list.length ? list.map((x) => t(`canvas.types.${x.type}`)).join(', ') : t(none);
  const points = costPoints(t, segment);
  return (
    <article className="rel-card" aria-labelledby={headingId} data-segment={segment.segment.id}>
      <h2 id={headingId}>{segment.segment.name}</h2>
      <p className="rel-plan">
        {segment.plan
          ? t('canvas.relationships.card.plan', {
              version: segment.plan.version,
              date: f.date(segment.plan.created_at),
              author: segment.plan.author_label,
            })
          : t('canvas.relationships.card.noPlan')}
      </p>
      <dl className="canvas-figures">
        <div className="canvas-figure" data-figure="members">
          <dt>{t('canvas.relationships.card.members')}</dt>
          <dd>
            <FigureValue figure={segment.members} format={f.number} />
          </dd>
        </div>
        <div className="canvas-figure" data-figure="cost_total">
          <dt>{t('canvas.relationships.card.costTotal')}</dt>
          <dd>
            <FigureValue figure={segment.cost_total} format={money} />
            {isMissing(segment.cost_total) ? null : (
              <div className="rel-small">
                {t('canvas.relationships.card.costParts', {
                  time: figureText(t, segment.cost.time_cents, money),
                  messages: figureText(t, segment.cost.message_cents, money),
                  fixed: figureText(t, segment.cost.fixed_cents, money),
                })}
              </div>
            )}
          </dd>
        </div>
        <div className="canvas-figure" data-figure="benefits">
          <dt>{t('canvas.relationships.card.benefits')}</dt>
          <dd className="rel-small">
            {t('canvas.relationships.card.benefitsText', {
              perCustomer: figureText(t, segment.benefits.cost_per_customer_cents, money),
              retention: figureText(t, segment.benefits.retention_rate, (v) => `${f.number(Math.round(v * 10) / 10)} %`),
              lost: figureText(t, segment.benefits.lost_customers, f.number),
              revenue: figureText(t, segment.benefits.revenue_cents, money),
            })}
          </dd>
        </div>
        <div className="canvas-figure" data-figure="expected">
          <dt>{t('canvas.relationships.card.expected')}</dt>
          <dd className="rel-small">{typeNames(expected, 'canvas.relationships.card.noneExpected')}</dd>
        </div>
        <div className="canvas-figure" data-figure="established">
          <dt>{t('canvas.relationships.card.established')}</dt>
          <dd className="rel-small">{typeNames(established, 'canvas.relationships.card.noneEstablished')}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="table rel-types">
          <caption className="visually-hidden">{t('canvas.relationships.card.types', { segment: segment.segment.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('canvas.relationships.card.type')}</th>
              <th scope="col">{t('canvas.relationships.card.statusColumn')}</th>
              <th scope="col">{t('canvas.relationships.card.threshold')}</th>
              <th scope="col">{t('canvas.relationships.card.measuredColumn')}</th>
              <th scope="col">{t('canvas.relationships.card.costColumn')}</th>
              <th scope="col">{t('canvas.relationships.card.integration')}</th>
            </tr>
          </thead>
          <tbody>
            {segment.types.map((type) => (
              <TypeRow key={type.type} type={type} money={money} />
            ))}
          </tbody>
        </table>
      </div>
      {gaps.length > 0 ? (
        <section className="rel-card-gaps" aria-labelledby={`${headingId}-gaps`}>
          <h3 id={`${headingId}-gaps`}>{t('canvas.relationships.gapsOfSegment')}</h3>
          <GapList gaps={gaps} noContactDays={noContactDays} />
        </section>
      ) : null}
      <section aria-labelledby={`${headingId}-chart`}>
        <h3 id={`${headingId}-chart`}>{t('canvas.relationships.chart.title', { segment: segment.segment.name })}</h3>
        {points.length > 0 ? (
          <Suspense fallback={null}>
            <BarFigure
              title={t('canvas.relationships.chart.title', { segment: segment.segment.name })}
              points={points}
              format={(v) => money(Math.round(v * 100))}
            />
          </Suspense>
        ) : (
          <p className="muted">{t('canvas.relationships.chart.noCost')}</p>
        )}
      </section>
    </article>
  );
}

function TypeRow({ type, money }: { type: BlockType; money: (cents: number) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tone = statusTone(type.status);
  const measure = type.threshold.measure;
  return (
    <tr className={`rel-row rel-row-${tone}`} data-type={type.type} data-status={type.status}>
      <th scope="row">{t(`canvas.types.${type.type}`)}</th>
      <td>
        <span className={`rel-status rel-status-${tone}`}>{t(`canvas.relationships.status.${type.status}`)}</span>
      </td>
      <td>
        <span className="rel-small">{t(`relationships.measures.${measure}`, { defaultValue: measure })}</span>
        <br />
        {isMissing(type.threshold.measured) ? (
          <FigureValue figure={type.threshold.measured} format={f.number} />
        ) : (
          t('canvas.relationships.card.thresholdText', {
            measured: metricText(t, measure, type.threshold.measured.value as number, f.language),
            value: metricText(t, measure, type.threshold.value, f.language),
          })
        )}
      </td>
      <td>
        {type.targets.length === 0 ? (
          <span className="muted">{t('canvas.relationships.card.noTargets')}</span>
        ) : (
          <ul className="rel-targets">
            {type.targets.map((target) => (
              <TargetItem key={target.metric} target={target} />
            ))}
          </ul>
        )}
      </td>
      <td data-cost>
        <FigureValue figure={type.cost.total_cents} format={money} />
        {isMissing(type.cost.total_cents) ? null : (
          <div className="rel-small">
            {t('canvas.relationships.card.costParts', {
              time: figureText(t, type.cost.time_cents, money),
              messages: figureText(t, type.cost.message_cents, money),
              fixed: figureText(t, type.cost.fixed_cents, money),
            })}
          </div>
        )}
      </td>
      <td className="rel-integration">
        {type.expected ? (
          <dl>
            {type.motivation ? (
              <div>
                <dt>{t('canvas.relationships.card.motivation')}</dt>
                <dd>{t(`relationships.motivations.${type.motivation}`, { defaultValue: type.motivation })}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('canvas.relationships.card.team')}</dt>
              <dd>{type.team?.name ?? t('canvas.relationships.card.noTeam')}</dd>
            </div>
            <div>
              <dt>{t('canvas.relationships.card.channels')}</dt>
              <dd>
                {type.channels.length
                  ? type.channels.map((c) => t(`relationships.channelNames.${c}`, { defaultValue: c })).join(', ')
                  : t('canvas.relationships.card.noChannels')}
              </dd>
            </div>
            {type.note ? (
              <div>
                <dt>{t('canvas.relationships.card.note')}</dt>
                <dd>{type.note}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <span className="muted">{t('canvas.none')}</span>
        )}
      </td>
    </tr>
  );
}

function TargetItem({ target }: { target: BlockTarget }) {
  const { t } = useTranslation();
  const f = useFormat();
  const measured = figureText(t, target.measured, (v) => metricText(t, target.metric, v, f.language));
  const href = isMissing(target.measured) ? null : figureHref(target.measured.link);
  const state = target.met === null ? 'unmeasured' : target.met ? 'met' : 'missed';
  const sentence = t('canvas.relationships.card.targetText', {
    metric: t(`relationships.metrics.${target.metric}`, { defaultValue: target.metric }),
    measured,
    comparator: t(`relationships.comparators.${target.comparator}`, { defaultValue: target.comparator }),
    target: metricText(t, target.metric, target.value, f.language),
  });
  return (
    <li data-metric={target.metric} data-met={state}>
      {href ? <Link to={href}>{sentence}</Link> : sentence}{' '}
      <span className={`badge ${state === 'met' ? 'badge-ok' : state === 'missed' ? 'badge-off' : 'badge-quiet'}`}>
        {t(`canvas.relationships.card.${state}`)}
      </span>
    </li>
  );
}
