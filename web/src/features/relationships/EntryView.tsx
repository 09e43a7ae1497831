// One plan entry, read-only (an earlier version's, or the plan of someone who may not change it).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { PlanEntry } from './api';

export function EntryView({ entry, teamName }: { entry: PlanEntry; teamName: (id: string) => string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article className="card" data-entry={entry.relationship_type}>
      <h3>{t(`relationships.types.${entry.relationship_type}`)}</h3>
      <dl className="details">
        <dt>{t('relationships.motivation')}</dt>
        <dd data-field="motivation">{t(`relationships.motivations.${entry.motivation}`)}</dd>
        <dt>{t('relationships.team')}</dt>
        <dd>{entry.team_id ? teamName(entry.team_id) : t('relationships.noTeam')}</dd>
        <dt>{t('relationships.channels')}</dt>
        <dd>{entry.channels.length ? entry.channels.map((c) => t(`relationships.channelNames.${c}`)).join(', ') : '—'}</dd>
        <dt>{t('relationships.note')}</dt>
        <dd>{entry.note || '—'}</dd>
        <dt>{t('relationships.targets')}</dt>
        <dd>
          {entry.targets.length === 0 ? (
            '—'
          ) : (
            <ul>
              {entry.targets.map((target, i) => (
                <li key={i}>
                  {t(`relationships.metrics.${target.metric}`)} {t(`relationships.comparators.${target.comparator}`)}{' '}
                  {fmt.number(target.value)} {t(`relationships.units.${target.unit ?? 'count'}`)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('relationships.threshold')}</dt>
        <dd>
          {t(`relationships.measures.${entry.threshold.measure}`)}: {fmt.number(entry.threshold.value)}
        </dd>
      </dl>
    </article>
  );
}
