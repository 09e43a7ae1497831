import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/Page';
import { Icon } from '../../ui/icons';
import { useVisibleSettingsSections } from '../../app/registry';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { customerPath } from '../tasks/links';
import { useSetTaskDone } from '../tasks/api';
import type { Task } from '../tasks/types';
import { useDesk, useDeskVisit, type Desk } from './api';
import { daysSince, parseQuietDays, QUIET_DAYS } from './deskModel';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const name = me.user?.display_name ?? t('userMenu.apiKey');
  const sections = useVisibleSettingsSections(me);

  return (
    <section>
      <PageHeader title={t('home.title', { name })} description={t('home.subtitle', { workspace: me.workspace.name })} />
      {me.user ? <DeskCards /> : null}
      <div className="cards">
        <article className="card" aria-labelledby="home-who">
          <h2 id="home-who">{t('home.whoTitle')}</h2>
          <dl className="facts">
            <dt>{t('home.name')}</dt>
            <dd>{name}</dd>
            {me.user ? (
              <>
                <dt>{t('home.email')}</dt>
                <dd>{me.user.email}</dd>
              </>
            ) : null}
            <dt>{t('home.role')}</dt>
            <dd>
              <span className="badge">{t(`roles.${me.role}`)}</span>
            </dd>
            <dt>{t('home.workspace')}</dt>
            <dd>
              {me.workspace.name} <span className="muted">({me.workspace.slug})</span>
            </dd>
            {me.user ? (
              <>
                <dt>{t('home.memberSince')}</dt>
                <dd>{fmt.date(me.user.created_at)}</dd>
              </>
            ) : null}
          </dl>
          <p>{t(`roles.describe.${me.role}`)}</p>
          <p>
            {t('home.scopes', {
              read: t(`scopes.${me.permissions.read}`),
              write: t(`scopes.${me.permissions.write}`),
            })}
          </p>
        </article>
        <article className="card" aria-labelledby="home-settings">
          <h2 id="home-settings">{t('home.settingsTitle')}</h2>
          <p>{t('home.settingsBody')}</p>
          <ul className="link-list">
            {sections.map((s) => (
              <li key={s.path}>
                <Link to={`/settings/${s.path}`}>
                  <Icon name={s.icon} size={18} />
                  <span>{t(s.labelKey)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </article>
      </div>
    </section>
  );
}

/** The desk: my tasks, the records I touched, my quiet customers, what is new since my last visit. */
function DeskCards() {
  const [params, setParams] = useSearchParams();
  const quietDays = parseQuietDays(params.get('quiet_days'));
  const visit = useDeskVisit();
  const { mutate: markVisit } = visit;
  // Opening the desk marks a visit; marks within half an hour are one visit, so a reload keeps the news.
  useEffect(() => markVisit(false), [markVisit]);
  const desk = useDesk(quietDays, visit.isSuccess || visit.isError);
  if (desk.isPending) return <Loading />;
  if (desk.isError) return <ProblemAlert error={desk.error} />;
  const cards = desk.data.cards;
  return (
    <div className="cards desk-cards">
      {cards.tasks ? <TasksCard card={cards.tasks} /> : null}
      {cards.new ? <NewCard card={cards.new} onSeen={() => visit.mutate(true)} busy={visit.isPending} /> : null}
      {cards.recent ? <RecentCard card={cards.recent} /> : null}
      {cards.quiet ? (
        <QuietCard
          card={cards.quiet}
          now={desk.data.now}
          onDays={(d) => {
            const next = new URLSearchParams(params);
            next.set('quiet_days', String(d));
            setParams(next, { replace: true });
          }}
        />
      ) : null}
    </div>
  );
}

type Cards = Desk['cards'];

function TaskLine({ task }: { task: Task }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const setDone = useSetTaskDone();
  const title = task.subject || t('tasks.untitled');
  const [ticked, setTicked] = useState<boolean | null>(null);
  return (
    <li className={task.overdue ? 'is-overdue' : ''}>
      <input
        type="checkbox"
        checked={ticked ?? task.completed_at !== null}
        disabled={setDone.isPending}
        aria-label={t('tasks.markDone', { title })}
        onChange={(e) => {
          setTicked(e.target.checked);
          setDone.mutate({ id: task.id, done: e.target.checked }, { onError: () => setTicked(null) });
        }}
      />{' '}
      <span>{title}</span> · <Link to={customerPath(task.customer)}>{task.customer.name}</Link>
      {task.due_at !== null ? (
        <span className={task.overdue ? 'badge badge-off' : 'badge badge-quiet'}>
          {task.overdue ? t('tasks.overdueSince', { date: fmt.dateTime(task.due_at) }) : fmt.dateTime(task.due_at)}
        </span>
      ) : null}
    </li>
  );
}

function TasksCard({ card }: { card: NonNullable<Cards['tasks']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article className="card desk-card" aria-labelledby="desk-tasks">
      <h2 id="desk-tasks">{t('home.desk.tasksTitle')}</h2>
      {card.open === 0 ? (
        <p className="muted">{t('home.desk.tasksEmpty')}</p>
      ) : (
        <>
          <p>
            {t('home.desk.openTasks', fmt.count(card.open))}
            {card.overdue > 0 ? (
              <>
                {' '}
                <span className="badge badge-off">{t('home.desk.overdueTasks', fmt.count(card.overdue))}</span>
              </>
            ) : null}
          </p>
          <ul className="desk-list">
            {card.items.map((task) => (
              <TaskLine key={task.id} task={task} />
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/tasks">{t('home.desk.allTasks')}</Link>
      </p>
    </article>
  );
}

function NewCard({ card, onSeen, busy }: { card: NonNullable<Cards['new']>; onSeen: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const empty = card.records.length === 0 && card.tasks.length === 0;
  return (
    <article className="card desk-card" aria-labelledby="desk-new">
      <h2 id="desk-new">{t('home.desk.newTitle')}</h2>
      <p className="muted small">{t('home.desk.since', { date: fmt.dateTime(card.since) })}</p>
      {empty ? <p className="muted">{t('home.desk.newEmpty')}</p> : null}
      {card.records.length > 0 ? (
        <>
          <h3>{t('home.desk.newRecords')}</h3>
          <ul className="desk-list">
            {card.records.map((r) => (
              <li key={`${r.type}-${r.id}`}>
                <Link to={customerPath(r)}>{r.name}</Link> <span className="muted small">{fmt.relative(r.at)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {card.tasks.length > 0 ? (
        <>
          <h3>{t('home.desk.newTasks')}</h3>
          <ul className="desk-list">
            {card.tasks.map((task) => (
              <TaskLine key={task.id} task={task} />
            ))}
          </ul>
        </>
      ) : null}
      {card.more ? <p className="muted small">{t('home.desk.newMore')}</p> : null}
      {!empty ? (
        <button type="button" className="button button-small" onClick={onSeen} disabled={busy}>
          {t('home.desk.markSeen')}
        </button>
      ) : null}
    </article>
  );
}

function RecentCard({ card }: { card: NonNullable<Cards['recent']> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article className="card desk-card" aria-labelledby="desk-recent">
      <h2 id="desk-recent">{t('home.desk.recentTitle')}</h2>
      {card.items.length === 0 ? (
        <p className="muted">{t('home.desk.recentEmpty')}</p>
      ) : (
        <ul className="desk-list">
          {card.items.map((r) => (
            <li key={`${r.type}-${r.id}`}>
              <Link to={customerPath(r)}>{r.name}</Link> <span className="muted small">{fmt.relative(r.touched_at)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function QuietCard({ card, now, onDays }: { card: NonNullable<Cards['quiet']>; now: number; onDays: (days: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article className="card desk-card" aria-labelledby="desk-quiet">
      <h2 id="desk-quiet">{t('home.desk.quietTitle')}</h2>
      <label className="small">
        {t('home.desk.quietDays')}{' '}
        <select value={card.days} onChange={(e) => onDays(Number(e.target.value))}>
          {QUIET_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('home.desk.days', fmt.count(d))}
            </option>
          ))}
        </select>
      </label>
      {card.items.length === 0 ? (
        <p className="muted">{t('home.desk.quietEmpty', { days: card.days })}</p>
      ) : (
        <>
          <p>
            {card.count_capped
              ? t('home.desk.quietCountCapped', fmt.count(card.count))
              : t('home.desk.quietCount', fmt.count(card.count))}
          </p>
          <ul className="desk-list">
            {card.items.map((q) => (
              <li key={`${q.type}-${q.id}`}>
                <Link to={customerPath(q)}>{q.name}</Link>{' '}
                <span className="muted small">
                  {q.last_contact_at === null
                    ? t('home.desk.neverContacted')
                    : t('home.desk.lastContact', fmt.count(daysSince(q.last_contact_at, now)))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
