// Queries and mutations of the timeline: a person's or a company's interactions, and logging,
// editing and deleting one (the server's timeline area: /interactions, /{people|companies}/{id}/timeline).
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorPages } from '../../api/paging';
import type { Page } from '../../api/types';
import { ENTITIES } from '../customers/schema';
import type { Entity } from '../customers/types';
import type { Interaction, InteractionWrite } from './types';

export const timelineKey = (entity: Entity, id: string) => ['timeline', entity, id] as const;

const one = (entity: Entity, id: string) => `/${ENTITIES[entity].path}/${encodeURIComponent(id)}`;

export function useTimeline(entity: Entity, id: string, limit = 20) {
  return useCursorPages<Interaction>([...timelineKey(entity, id), limit], `${one(entity, id)}/timeline`, { limit });
}

function invalidateTimelines(qc: ReturnType<typeof useQueryClient>) {
  // An interaction can show on a person's timeline and on companies' timelines, and a task on
  // the task list and the desk (features/tasks, features/home).
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['timeline'] }),
    qc.invalidateQueries({ queryKey: ['tasks'] }),
    qc.invalidateQueries({ queryKey: ['desk'] }),
  ]);
}

export function useLogInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionWrite) => api.post<Interaction>('/interactions', body),
    onSuccess: () => invalidateTimelines(qc),
  });
}

export function useUpdateInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: InteractionWrite }) =>
      api.patch<Interaction>(`/interactions/${encodeURIComponent(id)}`, changes),
    onSuccess: (updated) => {
      // Show the change at once wherever the entry is listed, then read the timelines again.
      qc.setQueriesData<InfiniteData<Page<Interaction>>>({ queryKey: ['timeline'] }, (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === updated.id ? updated : i)) })) }
          : data,
      );
      return invalidateTimelines(qc);
    },
  });
}

export function useDeleteInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/interactions/${encodeURIComponent(id)}`),
    onSuccess: () => invalidateTimelines(qc),
  });
}
