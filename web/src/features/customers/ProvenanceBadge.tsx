// Where a field's value came from: a small badge (source and kind of data) with a tooltip that
// names the reference and the date. The tooltip shows on hover and keyboard focus, toggles on a
// tap, and Escape hides it (WCAG 1.4.13).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { Directory } from './lookups';
import type { Provenance } from './types';

export function ProvenanceBadge({
  provenance,
  fieldLabel,
  directory,
}: {
  provenance: Provenance | undefined;
  fieldLabel: string;
  directory: Directory;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  if (!provenance) return null;
  const source = t(`provenance.sources.${provenance.source}`, { defaultValue: provenance.source });
  const kind = t(`provenance.kinds.${provenance.data_kind}`, { defaultValue: provenance.data_kind });
  const kindShort = t(`provenance.kindsShort.${provenance.data_kind}`, { defaultValue: provenance.data_kind });
  const ref = directory.refLabel(provenance.ref);
  return (
    <span
      className={`prov ${pinned ? 'is-open' : ''} ${dismissed ? 'is-dismissed' : ''}`}
      onMouseLeave={() => setDismissed(false)}
    >
      <button
        type="button"
        className={`prov-badge prov-${provenance.data_kind}`}
        aria-label={t('provenance.badgeLabel', { field: fieldLabel, source, kind })}
        aria-describedby={`${id}-tip`}
        aria-expanded={pinned}
        onClick={() => {
          setDismissed(false);
          setPinned((p) => !p);
        }}
        onBlur={() => {
          setPinned(false);
          setDismissed(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setPinned(false);
            setDismissed(true);
          }
        }}
      >
        <span>{source}</span>
        <span aria-hidden="true">·</span>
        <span>{kindShort}</span>
      </button>
      <span role="tooltip" id={`${id}-tip`} className="prov-tip">
        <span className="prov-tip-line">
          <strong>{t('provenance.source')}:</strong> {source}
          {ref ? ` (${ref})` : ''}
        </span>
        <span className="prov-tip-line">
          <strong>{t('provenance.dataKind')}:</strong> {kind}
        </span>
        <span className="prov-tip-line">
          <strong>{t('provenance.recorded')}:</strong> {fmt.dateTime(provenance.recorded_at)}
        </span>
      </span>
    </span>
  );
}
