// In-app reminders: every minute the app asks for my open tasks that are due; each one not
// dismissed shows in a banner ("Task X is due") with a link to its customer and a dismiss
// button. Dismissals are remembered in this browser (localStorage), so a reminder does not come
// back after a reload; the banner never blocks the page.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { Icon } from '../../ui/icons';
import { useMyDueTasks } from './api';
import { customerPath } from './links';
import { dueReminders, pruneDismissed, readDismissed, reminderKey, writeDismissed } from './reminders';

const storage = () => (typeof window !== 'undefined' ? window.localStorage : undefined);

/** How many reminders the banner lists before "and N more". */
const SHOWN = 3;

export function TaskReminders() {
  const { t } = useTranslation();
  const me = useSession();
  const userId = me.user?.id ?? '';
  const due = useMyDueTasks(!!userId);
  const [dismissed, setDismissed] = useState(() => readDismissed(storage(), userId));
  const reminders = useMemo(
    () => dueReminders(due.data?.items ?? [], due.dataUpdatedAt || Date.now(), dismissed),
    [due.data, due.dataUpdatedAt, dismissed],
  );
  if (!userId || reminders.length === 0) return null;

  const dismiss = (keys: string[]) => {
    const next = pruneDismissed(new Set([...dismissed, ...keys]), due.data?.items ?? []);
    writeDismissed(storage(), userId, next);
    setDismissed(next);
  };

  return (
    <aside className="task-reminders" role="status" aria-label={t('tasks.reminders.label')}>
      <Icon name="alert" size={18} />
      <ul>
        {reminders.slice(0, SHOWN).map((task) => (
          <li key={task.id}>
            <span>{t('tasks.reminders.due', { title: task.subject || t('tasks.untitled') })}</span>{' '}
            <Link to={customerPath(task.customer)}>{task.customer.name}</Link>{' '}
            <button type="button" className="button button-small button-quiet" onClick={() => dismiss([reminderKey(task)])}>
              {t('tasks.reminders.dismiss')}
              <span className="visually-hidden">: {task.subject}</span>
            </button>
          </li>
        ))}
        {reminders.length > SHOWN ? (
          <li>
            <Link to="/tasks">{t('tasks.reminders.more', { count: reminders.length - SHOWN })}</Link>
          </li>
        ) : null}
      </ul>
      {reminders.length > 1 ? (
        <button type="button" className="button button-small" onClick={() => dismiss(reminders.map(reminderKey))}>
          {t('tasks.reminders.dismissAll')}
        </button>
      ) : null}
    </aside>
  );
}

/** The navigation badge of Tasks: how many of my open tasks are due. */
export function TasksNavBadge() {
  const { t } = useTranslation();
  const me = useSession();
  const due = useMyDueTasks(!!me.user);
  const n = due.data?.items.length ?? 0;
  if (!n) return null;
  return (
    <span className="nav-badge" aria-label={t('tasks.dueCount', { count: n })}>
      {n >= 100 ? '99+' : n}
    </span>
  );
}
