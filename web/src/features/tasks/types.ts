// Shapes of the tasks API, named from the types generated from the server's OpenAPI document.
import type { Schemas } from '../../api/types';

export type Task = Schemas['Task'];
export type CustomerRef = Schemas['CustomerRef'];
export type TaskStatus = 'open' | 'overdue' | 'done' | 'all';
export const TASK_STATUSES = ['open', 'overdue', 'done', 'all'] as const satisfies readonly TaskStatus[];
