// The list's reads (pages with filter, quick search and sort; the total count) and its writes
// (bulk changes, "save as segment"). Keys start with the customers' records key, so every
// write of a record refreshes the lists and counts.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import { useCursorPages } from '../../api/paging';
import { recordsKey } from '../customers/api';
import { ENTITIES } from '../customers/schema';
import type { CustomerRecord, Entity } from '../customers/types';
import type { ListState } from './listState';

const base = (entity: Entity) => `/${ENTITIES[entity].path}`;

function listParams(state: Pick<ListState, 'filter' | 'q'>) {
  return {
    filter: state.filter === null || state.filter === undefined ? undefined : JSON.stringify(state.filter),
    q: state.q.trim() || undefined,
  };
}

/** Cursor pages of the list as the state asks (filter, quick search, sort). */
export function useListPages(entity: Entity, state: ListState, limit = 100) {
  const params = { ...listParams(state), sort: state.sort || undefined, order: state.sort ? state.order : undefined };
  return useCursorPages<CustomerRecord>([...recordsKey(entity), 'list', limit, params], base(entity), { params, limit });
}

/** How many records the filter and quick search select (GET /<type>/count), beside the list. */
export function useListCount(entity: Entity, state: Pick<ListState, 'filter' | 'q'>) {
  const params = listParams(state);
  return useQuery({
    queryKey: [...recordsKey(entity), 'list', 'count', params],
    queryFn: ({ signal }) => api.get<{ count: number }>(`${base(entity)}/count`, { query: params, signal }),
    select: (d) => d.count,
    placeholderData: keepPreviousData,
  });
}

export type BulkAction = 'add_tag' | 'remove_tag' | 'set_owner' | 'set_team' | 'delete' | 'restore';

/** The rows chosen: some ids, or every record the filter and quick search select. */
export type Selection = { kind: 'ids'; ids: string[] } | { kind: 'all'; filter: unknown; q: string };

export interface BulkParams {
  tag?: string;
  owner_user_id?: string | null;
  team_id?: string | null;
  undo_id?: string;
}

interface BulkAnswer {
  matched: number;
  changed: number;
  unchanged: number;
  skipped: Record<string, number>;
  next_after: string | null;
  undo_id: string | null;
  undo_until: number | null;
}

export interface BulkOutcome {
  changed: number;
  unchanged: number;
  skipped: number;
  forbidden: number;
  notFound: number;
  undoId: string | null;
}

/** The server takes 5,000 records per request: larger selections go in several. */
export const BULK_CHUNK = 5000;

/**
 * Runs a bulk action over the whole selection, request after request (ids in chunks, a
 * selection continued with next_after); each request is one transaction on the server.
 * A delete keeps one undo id across its requests.
 */
export async function runBulk(
  entity: Entity,
  action: BulkAction,
  selection: Selection,
  params: BulkParams = {},
): Promise<BulkOutcome> {
  const out: BulkOutcome = { changed: 0, unchanged: 0, skipped: 0, forbidden: 0, notFound: 0, undoId: null };
  const add = (a: BulkAnswer) => {
    out.changed += a.changed;
    out.unchanged += a.unchanged;
    out.forbidden += a.skipped.forbidden ?? 0;
    out.notFound += a.skipped.not_found ?? 0;
    out.skipped += Object.values(a.skipped).reduce((n, x) => n + x, 0);
    if (a.undo_id) out.undoId = a.undo_id;
  };
  const post = (body: Record<string, unknown>) => api.post<BulkAnswer>(`${base(entity)}/bulk`, body);
  const withUndo = () => (action === 'delete' && out.undoId ? { ...params, undo_id: out.undoId } : params);
  if (action === 'restore') {
    // Each request restores up to a chunk of the deletion; stop when nothing is left.
    for (;;) {
      const a = await post({ action, params });
      add(a);
      if (!a.next_after || a.changed === 0) break;
    }
    return out;
  }
  if (selection.kind === 'ids') {
    for (let i = 0; i < selection.ids.length; i += BULK_CHUNK) {
      add(await post({ action, ids: selection.ids.slice(i, i + BULK_CHUNK), params: withUndo() }));
    }
    return out;
  }
  const sel: Record<string, unknown> = {};
  if (selection.filter !== null && selection.filter !== undefined) sel.filter = selection.filter;
  if (selection.q.trim()) sel.q = selection.q.trim();
  let after: string | null = null;
  do {
    const a: BulkAnswer = await post({ action, selection: sel, after, params: withUndo() });
    add(a);
    after = a.next_after;
  } while (after);
  return out;
}

/** Refreshes every list, count and record of the entity after a bulk change. */
export function useRefreshRecords(entity: Entity) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: recordsKey(entity) });
}

/** The export of the selection (the exports API streams it; a plain link downloads it). */
export function exportUrl(entity: Entity, selection: Selection): string {
  if (selection.kind === 'ids') return buildUrl(`${base(entity)}/export`, { format: 'csv', ids: selection.ids.join(',') });
  return buildUrl(`${base(entity)}/export`, { format: 'csv', ...listParams(selection) });
}

/** Ids an export link can carry (the server's ?ids= limit). */
export const EXPORT_MAX_IDS = 1000;

/** "Save as segment": a dynamic segment with the list's filter; answers its id. */
export async function saveAsSegment(entity: Entity, name: string, filter: unknown): Promise<string> {
  const created = await api.post<{ id: string }>('/segments', {
    name,
    kind: entity === 'company' ? 'b2b' : 'mixed',
    entity_type: entity,
    type: 'dynamic',
    filter: filter ?? {},
  });
  return created.id;
}
