import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader } from '../../ui/Page';
import { useAllTeams } from '../teams/api';
import { usePlan, useVersion } from './api';
import { motivationChanges } from './editor';
import { EntryView } from './EntryView';

export function PlanVersionPage() {
  const { segmentId = '', version = '' } = useParams();
  const number = Number(version);
  const { t } = useTranslation();
  const fmt = useFormat();
  const plan = usePlan(segmentId);
  const shown = useVersion(segmentId, number);
  const previous = useVersion(segmentId, number - 1);
  const teams = useAllTeams();
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? id;
  const back = (
    <Link to={`/relationship-plans/${segmentId}`} className="button">
      {t('relationships.backToPlan')}
    </Link>
  );
  if (shown.isPending) return <Loading />;
  if (shown.isError)
    return (
      <section>
        <PageHeader title={t('relationships.title')} />
        <ProblemAlert error={shown.error} />
        {back}
      </section>
    );
  const v = shown.data;
  const changes = number > 1 && previous.data ? motivationChanges(previous.data.entries, v.entries) : [];
  return (
    <section>
      <PageHeader
        title={t('relationships.versionOf', {
          version: fmt.number(v.version),
          segment: plan.data?.segment.name ?? '',
        })}
        description={t('relationships.versionSavedBy', { date: fmt.dateTime(v.created_at), author: v.author_label })}
        actions={back}
      />
      {plan.data && plan.data.version !== v.version ? (
        <p className="muted">{t('relationships.notCurrent', { version: fmt.number(plan.data.version) })}</p>
      ) : null}
      {v.comment ? <blockquote>{v.comment}</blockquote> : null}
      {changes.length > 0 ? (
        <section aria-labelledby="version-changes">
          <h2 id="version-changes">{t('relationships.motivationChanges')}</h2>
          <ul>
            {changes.map((c) => (
              <li key={c.type}>
                {t(`relationships.types.${c.type}`)}:{' '}
                {c.from ? t(`relationships.motivations.${c.from}`) : t('relationships.notPlanned')} →{' '}
                {c.to ? t(`relationships.motivations.${c.to}`) : t('relationships.notPlanned')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {v.entries.length === 0 ? <p>{t('relationships.noEntries')}</p> : null}
      {v.entries.map((entry) => (
        <EntryView key={entry.relationship_type} entry={entry} teamName={teamName} />
      ))}
    </section>
  );
}
