// Gaps of the Customer Relationships block, in the order the API ranks them (customers touched,
// most first), one translated sentence each, each a link to the records behind it.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { BlockGap } from './types';
import { gapHref, gapSentence } from './view';

export function GapList({ gaps, noContactDays }: { gaps: BlockGap[]; noContactDays: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ol className="rel-gaps">
      {gaps.map((gap, i) => {
        const sentence = gapSentence(t, gap, noContactDays, f.language);
        const href = gapHref(gap);
        return (
          <li
            key={`${gap.segment.id}:${gap.kind}:${gap.type ?? ''}:${gap.metric ?? ''}:${i}`}
            className="rel-gap"
            data-gap={gap.kind}
            data-gap-type={gap.type ?? undefined}
            data-gap-metric={gap.metric ?? undefined}
          >
            {href ? <Link to={href}>{sentence}</Link> : sentence}
          </li>
        );
      })}
    </ol>
  );
}
