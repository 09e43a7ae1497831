// What a list of companies or people shows, kept in the address's query string so it can be
// shared, bookmarked and walked with back and forward: ?filter=<JSON filter>&q=<quick search>
// &sort=<API field>&order=desc. Absent parameters are the defaults (no filter, no quick
// search, creation order).
import { builtInFields } from '../customers/schema';
import type { Entity } from '../customers/types';

export type SortOrder = 'asc' | 'desc';

export interface ListState {
  /** The API's JSON filter language; null: every record. */
  filter: unknown;
  q: string;
  /** An API sort field ("last_name", "updated_at"); "" for creation order. */
  sort: string;
  order: SortOrder;
}

export const EMPTY_LIST_STATE: ListState = { filter: null, q: '', sort: '', order: 'asc' };

/** Reads the list state from a query string; what cannot be read is left at its default. */
export function readListState(params: URLSearchParams): ListState {
  let filter: unknown = null;
  const text = params.get('filter');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      filter = parsed && typeof parsed === 'object' ? parsed : null;
    } catch {
      filter = null;
    }
  }
  const raw = params.get('sort') ?? '';
  const sort = /^[a-z_]+$/.test(raw) ? raw : '';
  return {
    filter,
    q: params.get('q') ?? '',
    sort,
    order: sort && params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query string of a list state (other parameters of `base` kept), defaults left out. */
export function writeListState(state: ListState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const k of ['filter', 'q', 'sort', 'order']) out.delete(k);
  if (state.filter !== null && state.filter !== undefined) out.set('filter', JSON.stringify(state.filter));
  if (state.q.trim()) out.set('q', state.q);
  if (state.sort) {
    out.set('sort', state.sort);
    if (state.order === 'desc') out.set('order', 'desc');
  }
  return out;
}

/** Whether the address names any condition, quick search or sort. */
export function hasListState(params: URLSearchParams): boolean {
  return ['filter', 'q', 'sort'].some((k) => params.has(k));
}

/** A click on a column header: ascending, then descending, then back to creation order. */
export function nextSort(state: Pick<ListState, 'sort' | 'order'>, field: string): Pick<ListState, 'sort' | 'order'> {
  if (state.sort !== field) return { sort: field, order: 'asc' };
  if (state.order === 'asc') return { sort: field, order: 'desc' };
  return { sort: '', order: 'asc' };
}

/**
 * The API field a column sorts on, or null when the server cannot sort on it (custom fields,
 * tags, owner, team and references: domain/customers/list_query.cpp, sortable()). The name
 * column sorts on the last name (people) or the legal name (companies).
 */
export function sortFieldOf(entity: Entity, column: string): string | null {
  if (column === 'name') return entity === 'company' ? 'legal_name' : 'last_name';
  if (column === 'created_at' || column === 'updated_at') return column;
  if (column.startsWith('field:')) {
    const field = builtInFields(entity).find((f) => f.name === column.slice(6));
    return field && field.kind !== 'reference' ? field.name : null;
  }
  return null;
}

/** aria-sort of a column header. */
export function ariaSort(
  state: Pick<ListState, 'sort' | 'order'>,
  field: string | null,
): 'ascending' | 'descending' | 'none' | undefined {
  if (!field) return undefined;
  if (state.sort !== field) return 'none';
  return state.order === 'desc' ? 'descending' : 'ascending';
}
