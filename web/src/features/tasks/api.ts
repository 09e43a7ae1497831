// Queries and mutations of the tasks area (/tasks): the task list, done and reopen, and the
// due tasks the reminders poll for.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorList } from '../../api/paging';
import type { Page } from '../../api/types';
import type { Task, TaskStatus } from './types';

export const tasksKey = ['tasks'] as const;

export interface TaskFilter {
  assignee?: string;
  team?: string;
  status: TaskStatus;
}

export function useTaskList(filter: TaskFilter, enabled = true) {
  const params = { assignee: filter.assignee, team: filter.team, status: filter.status === 'all' ? undefined : filter.status };
  const list = useCursorList<Task>([...tasksKey, 'list'], '/tasks', params, 50);
  return enabled ? list : { ...list, items: [] as Task[] };
}

/** How often the reminders and the navigation badge look for tasks that became due. */
export const REMINDER_POLL_MS = 60_000;

/** My open tasks due by now (polled; shared by the reminders and the navigation badge). */
export function useMyDueTasks(enabled: boolean) {
  return useQuery({
    queryKey: [...tasksKey, 'due', 'me'],
    queryFn: ({ signal }) => api.get<Page<Task>>('/tasks', { query: { assignee: 'me', status: 'overdue', limit: 100 }, signal }),
    refetchInterval: REMINDER_POLL_MS,
    enabled,
  });
}

export function useSetTaskDone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      api.post<Task>(`/tasks/${encodeURIComponent(id)}/${done ? 'done' : 'reopen'}`, {}),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: tasksKey }),
        qc.invalidateQueries({ queryKey: ['desk'] }),
        qc.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}
