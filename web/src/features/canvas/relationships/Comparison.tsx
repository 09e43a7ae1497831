// Two Customer Relationships blocks side by side (two periods, or two plan versions of one
// segment): what changed from A to B — statuses, measured values, costs — one row per change.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { RelationshipsBlock } from './types';
import {
  compareBlocks,
  countDeltaText,
  metricText,
  reasonText,
  moneyDeltaText,
  moneyText,
  statusTone,
  type Difference,
} from './view';

export function Comparison({ a, b, sides }: { a: RelationshipsBlock; b: RelationshipsBlock; sides: string }) {
  const { t } = useTranslation();
  const diffs = compareBlocks(a, b);
  return (
    <div data-testid="rel-comparison">
      <p>{sides}</p>
      {diffs.length === 0 ? (
        <p className="muted">{t('canvas.relationships.compare.noDifferences')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table rel-diff">
            <caption>{t('canvas.relationships.compare.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('canvas.relationships.compare.segment')}</th>
                <th scope="col">{t('canvas.relationships.compare.type')}</th>
                <th scope="col">{t('canvas.relationships.compare.what')}</th>
                <th scope="col">{t('canvas.relationships.compare.a')}</th>
                <th scope="col">{t('canvas.relationships.compare.b')}</th>
                <th scope="col">{t('canvas.relationships.compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              {diffs.map((d, i) => (
                <DifferenceRow key={i} d={d} currency={b.currency ?? a.currency} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DifferenceRow({ d, currency }: { d: Difference; currency: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('canvas.none');
  const what =
    d.what === 'target'
      ? t('canvas.relationships.compare.whats.target', {
          metric: t(`relationships.metrics.${d.metric ?? ''}`, { defaultValue: d.metric ?? '' }),
        })
      : t(`canvas.relationships.compare.whats.${d.what}`);
  const cells = (() => {
    if (d.what === 'status') {
      const side = (s: typeof d.a) =>
        s ? <span className={`rel-status rel-status-${statusTone(s)}`}>{t(`canvas.relationships.status.${s}`)}</span> : none;
      return [side(d.a), side(d.b), none];
    }
    const value = (v: number) => {
      if (d.what === 'cost' || d.what === 'cost_total') return moneyText(v, currency, f.language);
      if (d.what === 'members') return f.number(v);
      return metricText(t, d.metric ?? '', v, f.language);
    };
    const delta = (v: number) => {
      if (d.what === 'cost' || d.what === 'cost_total') return moneyDeltaText(v, currency, f.language);
      if (d.what === 'members') return countDeltaText(v, f.language);
      return metricText(t, d.metric ?? '', v, f.language, true);
    };
    const side = (v: number | null, reason: string | null, met: boolean | null | undefined) => {
      const text = v !== null ? value(v) : reason ? reasonText(t, reason) : none;
      if (d.what !== 'target' || met === null || met === undefined)
        return <span className={v === null ? 'muted' : undefined}>{text}</span>;
      return (
        <>
          {text}{' '}
          <span className={`badge ${met ? 'badge-ok' : 'badge-off'}`}>
            {t(`canvas.relationships.card.${met ? 'met' : 'missed'}`)}
          </span>
        </>
      );
    };
    return [side(d.a, d.reasonA, d.metA), side(d.b, d.reasonB, d.metB), d.delta !== null ? delta(d.delta) : none];
  })();
  return (
    <tr data-diff={d.what} data-type={d.type ?? undefined}>
      <th scope="row">{d.segment.name}</th>
      <td>{d.type ? t(`canvas.types.${d.type}`) : none}</td>
      <td>{what}</td>
      <td>{cells[0]}</td>
      <td>{cells[1]}</td>
      <td>{cells[2]}</td>
    </tr>
  );
}
