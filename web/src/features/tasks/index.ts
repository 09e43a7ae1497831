// Tasks: the timeline's tasks as one list (mine, a team's), and the in-app reminders of due
// tasks with their badge on the navigation entry.
import type { Feature } from '../../app/registry';
import { TaskReminders, TasksNavBadge } from './TaskReminders';

export const tasksFeature: Feature = {
  id: 'tasks',
  routes: [{ path: 'tasks', lazy: async () => ({ Component: (await import('./TasksPage')).TasksPage }) }],
  nav: [{ to: '/tasks', labelKey: 'tasks.nav', icon: 'task', order: 50, badge: TasksNavBadge }],
  shellWidgets: [TaskReminders],
};
