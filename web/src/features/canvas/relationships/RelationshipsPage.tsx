// The Customer Relationships block of the Business Model Canvas, computed from the workspace: one
// card per segment answering the five questions, the workspace's gaps ranked by the customers
// they touch (each a link to its records), the cost per relationship type, and a comparison
// with another period or, for one segment, another plan version.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../canvas.css';
import './relationships.css';
import { useFormat } from '../../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../../ui/Alert';
import { SelectField, TextField } from '../../../ui/fields';
import { PageHeader } from '../../../ui/Page';
import { usePlans } from '../../relationships/api';
import { ExportMenu } from '../export/ExportMenu';
import { relationshipsBlockSvg } from '../export/relationshipsBlockSvg';
import { usePlanVersions, useRelationshipsBlock } from './api';
import { Comparison } from './Comparison';
import { GapList } from './GapList';
import { SegmentCard } from './SegmentCard';
import type { BlockQuery } from './types';
import { defaultDates, periodOfDates, previousDates } from './view';

type CompareMode = 'none' | 'periods' | 'versions';

export function RelationshipsPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  // The dates are fixed when chosen, so the queries keep their keys between renders.
  const [initial] = useState(() => defaultDates(Date.now()));
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [daysText, setDaysText] = useState('90');
  const [segmentId, setSegmentId] = useState('');
  const [mode, setMode] = useState<CompareMode>('none');
  const [otherFrom, setOtherFrom] = useState<string | null>(null);
  const [otherTo, setOtherTo] = useState<string | null>(null);
  const [versionA, setVersionA] = useState<number | null>(null);
  const [versionB, setVersionB] = useState<number | null>(null);

  const noContactDays = Math.min(3650, Math.max(1, Number.parseInt(daysText, 10) || 90));
  const period = periodOfDates(from, to);
  const previous = previousDates(from, to);
  const otherDates = { from: otherFrom ?? previous?.from ?? '', to: otherTo ?? previous?.to ?? '' };
  const otherPeriod = periodOfDates(otherDates.from, otherDates.to);

  const plans = usePlans();
  const versions = usePlanVersions(mode === 'versions' && segmentId ? segmentId : null);
  const versionNumbers = (versions.data ?? []).map((v) => v.version).sort((x, y) => y - x);
  const shownB = versionB ?? versionNumbers[0] ?? null;
  const shownA = versionA ?? versionNumbers[1] ?? null;
  const comparingVersions = mode === 'versions' && segmentId !== '' && shownA !== null && shownB !== null;

  const query: BlockQuery | null = useMemo(
    () =>
      period
        ? {
            ...period,
            no_contact_days: noContactDays,
            segment_id: segmentId || undefined,
            plan_version: comparingVersions ? (shownB ?? undefined) : undefined,
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [period?.from, period?.to, noContactDays, segmentId, comparingVersions, shownB],
  );
  const otherQuery: BlockQuery | null = useMemo(() => {
    if (mode === 'periods' && otherPeriod) {
      return { ...otherPeriod, no_contact_days: noContactDays, segment_id: segmentId || undefined };
    }
    if (comparingVersions && period) {
      return { ...period, no_contact_days: noContactDays, segment_id: segmentId, plan_version: shownA ?? undefined };
    }
    return null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, otherPeriod?.from, otherPeriod?.to, comparingVersions, period?.from, period?.to, noContactDays, segmentId, shownA]);

  const block = useRelationshipsBlock(query);
  const other = useRelationshipsBlock(otherQuery);
  const data = block.data;

  const segmentOptions = [
    { value: '', label: t('canvas.relationships.allSegments') },
    ...(plans.data ?? []).map((p) => ({ value: p.segment.id, label: p.segment.name })),
  ];
  const periodText = (dates: { from: string; to: string }) => {
    const p = periodOfDates(dates.from, dates.to);
    return p ? t('canvas.relationships.compare.periodLabel', { from: f.date(p.from), to: f.date(p.to - 1) }) : '';
  };
  const sides =
    mode === 'periods'
      ? t('canvas.relationships.compare.sides', { a: periodText(otherDates), b: periodText({ from, to }) })
      : t('canvas.relationships.compare.sides', {
          a: t('canvas.relationships.compare.versionLabel', { version: shownA ?? 0 }),
          b: t('canvas.relationships.compare.versionLabel', { version: shownB ?? 0 }),
        });
  const versionOptions = versionNumbers.map((v) => ({
    value: String(v),
    label: t('canvas.relationships.compare.versionLabel', { version: v }),
  }));

  return (
    <section className="canvas rel-block canvas-printable">
      <PageHeader
        title={t('canvas.relationships.title')}
        description={t('canvas.relationships.subtitle')}
        actions={
          <>
            <Link to="/canvas" className="button">
              {t('canvas.relationships.backToCanvas')}
            </Link>
            {data ? (
              <ExportMenu
                filename="customer-relationships"
                data={data}
                svg={() => relationshipsBlockSvg(data, t, i18n.resolvedLanguage ?? i18n.language)}
              />
            ) : null}
          </>
        }
      />
      <div className="form-grid">
        <TextField
          label={t('canvas.relationships.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t('canvas.relationships.to')}
          name="to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <TextField
          label={t('canvas.established.noContactDays')}
          name="no_contact_days"
          type="number"
          min={1}
          max={3650}
          value={daysText}
          onChange={(e) => setDaysText(e.target.value)}
        />
        <SelectField
          label={t('canvas.relationships.segment')}
          name="segment"
          value={segmentId}
          onChange={(e) => {
            setSegmentId(e.target.value);
            setVersionA(null);
            setVersionB(null);
          }}
          options={segmentOptions}
        />
      </div>
      {period ? null : <Alert tone="error">{t('canvas.relationships.badPeriod')}</Alert>}
      {block.isPending && query ? <Loading /> : null}
      <ProblemAlert error={block.error} />
      {data ? (
        <>
          <section className="rel-gap-section" aria-labelledby="rel-gaps-title">
            <h2 id="rel-gaps-title">{t('canvas.relationships.gapsTitle')}</h2>
            <p className="muted">{t('canvas.relationships.gapsHint')}</p>
            {data.gaps.length === 0 ? (
              <p>{t('canvas.relationships.noGaps')}</p>
            ) : (
              <GapList gaps={data.gaps} noContactDays={data.no_contact_days} />
            )}
          </section>
          {data.segments.length === 0 ? <p>{t('canvas.relationships.noSegments')}</p> : null}
          <div className="rel-cards" data-testid="rel-cards">
            {data.segments.map((s) => (
              <SegmentCard
                key={s.segment.id}
                segment={s}
                gaps={data.gaps.filter((g) => g.segment.id === s.segment.id)}
                currency={data.currency}
                noContactDays={data.no_contact_days}
              />
            ))}
          </div>
        </>
      ) : null}
      <section className="rel-compare" aria-labelledby="rel-compare-title">
        <h2 id="rel-compare-title">{t('canvas.relationships.compare.title')}</h2>
        <div className="form-grid">
          <SelectField
            label={t('canvas.relationships.compare.mode')}
            name="compare"
            value={mode}
            onChange={(e) => setMode(e.target.value as CompareMode)}
            options={(['none', 'periods', 'versions'] as const).map((m) => ({
              value: m,
              label: t(`canvas.relationships.compare.modes.${m}`),
            }))}
          />
          {mode === 'periods' ? (
            <>
              <TextField
                label={t('canvas.relationships.compare.fromB')}
                name="other_from"
                type="date"
                value={otherDates.from}
                onChange={(e) => setOtherFrom(e.target.value)}
              />
              <TextField
                label={t('canvas.relationships.compare.toB')}
                name="other_to"
                type="date"
                value={otherDates.to}
                onChange={(e) => setOtherTo(e.target.value)}
              />
            </>
          ) : null}
          {comparingVersions ? (
            <>
              <SelectField
                label={t('canvas.relationships.compare.versionA')}
                name="version_a"
                value={String(shownA)}
                onChange={(e) => setVersionA(Number(e.target.value))}
                options={versionOptions}
              />
              <SelectField
                label={t('canvas.relationships.compare.versionB')}
                name="version_b"
                value={String(shownB)}
                onChange={(e) => setVersionB(Number(e.target.value))}
                options={versionOptions}
              />
            </>
          ) : null}
        </div>
        {mode === 'versions' && segmentId === '' ? <p>{t('canvas.relationships.compare.needsSegment')}</p> : null}
        {mode === 'versions' && segmentId !== '' && versions.data && versionNumbers.length < 2 ? (
          <p>{t('canvas.relationships.compare.needsVersions')}</p>
        ) : null}
        {mode === 'periods' && !otherPeriod ? <Alert tone="error">{t('canvas.relationships.badPeriod')}</Alert> : null}
        {otherQuery && other.isPending ? <Loading /> : null}
        <ProblemAlert error={otherQuery ? (other.error ?? versions.error) : null} />
        {otherQuery && other.data && data ? <Comparison a={other.data} b={data} sides={sides} /> : null}
      </section>
    </section>
  );
}
