// The task list: my tasks or a team's (the tasks assigned to its members), open, overdue, done
// or all, in due order; overdue ones highlighted; each with its due date, assignee and a link to
// the customer; a checkbox marks it done.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader, usePageTitle } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { useAllTeams } from '../teams/api';
import { useSetTaskDone, useTaskList } from './api';
import { customerPath } from './links';
import { TASK_STATUSES, type Task, type TaskStatus } from './types';

type Tab = 'mine' | 'team';

export function TasksPage() {
  const { t } = useTranslation();
  usePageTitle(t('tasks.title'));
  const me = useSession();
  const teams = useAllTeams();
  const myTeams = (teams.data ?? []).filter((team) => team.members.some((m) => m.user_id === me.user?.id));
  const [tab, setTab] = useState<Tab>('mine');
  const [teamId, setTeamId] = useState('');
  const [status, setStatus] = useState<TaskStatus>('open');
  const team = teamId || myTeams[0]?.id || teams.data?.[0]?.id || '';
  const filter = tab === 'mine' ? { assignee: 'me', status } : { team, status };
  const list = useTaskList(filter, tab === 'mine' || !!team);

  return (
    <section>
      <PageHeader title={t('tasks.title')} description={t('tasks.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('tasks.whose')}>
        {(['mine', 'team'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`button button-small ${tab === k ? 'is-active' : ''}`}
            onClick={() => setTab(k)}
          >
            {t(`tasks.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="form-grid task-filters">
        {tab === 'team' ? (
          <SelectField
            label={t('tasks.team')}
            name="team"
            value={team}
            onChange={(e) => setTeamId(e.target.value)}
            options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        ) : null}
        <SelectField
          label={t('tasks.status')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value as TaskStatus)}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
        />
      </div>
      {tab === 'team' && teams.isSuccess && !team ? <p className="muted">{t('tasks.noTeams')}</p> : null}
      {list.isPending && (tab === 'mine' || team) ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.isSuccess && list.items.length === 0 ? (
        <p className="muted">{tab === 'mine' ? t('tasks.emptyMine') : t('tasks.emptyTeam')}</p>
      ) : null}
      {list.items.length > 0 ? <TaskTable tasks={list.items} showAssignee={tab === 'team'} /> : null}
      <LoadMoreButton list={list} label={t('tasks.more')} />
    </section>
  );
}

export function TaskTable({ tasks, showAssignee = true }: { tasks: Task[]; showAssignee?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table task-table">
        <thead>
          <tr>
            <th scope="col">{t('tasks.done')}</th>
            <th scope="col">{t('tasks.task')}</th>
            <th scope="col">{t('tasks.customer')}</th>
            <th scope="col">{t('tasks.due')}</th>
            {showAssignee ? <th scope="col">{t('tasks.assignee')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} showAssignee={showAssignee} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TaskRow({ task, showAssignee }: { task: Task; showAssignee: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const setDone = useSetTaskDone();
  const title = task.subject || t('tasks.untitled');
  // Ticked at once; the refreshed list then confirms it (or the tick is undone on an error).
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = ticked ?? task.completed_at !== null;
  return (
    <tr className={task.overdue ? 'is-overdue' : done ? 'is-done' : ''}>
      <td>
        <input
          type="checkbox"
          checked={done}
          disabled={setDone.isPending}
          aria-label={t('tasks.markDone', { title })}
          onChange={(e) => {
            setTicked(e.target.checked);
            setDone.mutate({ id: task.id, done: e.target.checked }, { onError: () => setTicked(null) });
          }}
        />
        {setDone.isError ? <ProblemAlert error={setDone.error} /> : null}
      </td>
      <th scope="row">{title}</th>
      <td>
        <Link to={customerPath(task.customer)}>{task.customer.name || t('tasks.unnamed')}</Link>
        {task.company ? (
          <>
            {' · '}
            <Link to={customerPath(task.company)}>{task.company.name}</Link>
          </>
        ) : null}
      </td>
      <td>
        {task.due_at === null ? (
          <span className="muted">{t('tasks.noDue')}</span>
        ) : task.overdue ? (
          <span className="badge badge-off">{t('tasks.overdueSince', { date: fmt.dateTime(task.due_at) })}</span>
        ) : (
          fmt.dateTime(task.due_at)
        )}
      </td>
      {showAssignee ? <td>{task.assignee_name ?? <span className="muted">{t('tasks.nobody')}</span>}</td> : null}
    </tr>
  );
}
