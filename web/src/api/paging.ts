// Cursor pages (`?limit=&cursor=` -> {items, next_cursor}) as a "load more" list.
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './types';

type Params = Record<string, string | number | undefined>;

export function useCursorList<T>(queryKey: QueryKey, path: string, params: Params = {}, limit = 50) {
  return useCursorPages<T>([...queryKey, params, limit], path, { params, limit });
}

/**
 * The cursor pages of `path` under exactly `queryKey` (the caller puts in it what tells lists
 * apart), with `items`: every page's items in order. `params` go with every page; `enabled`
 * and `staleTime`, when given, go to the query as they are.
 */
export function useCursorPages<T>(
  queryKey: QueryKey,
  path: string,
  { params = {}, limit = 50, ...options }: { params?: Params; limit?: number; enabled?: boolean; staleTime?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { query: { ...params, limit, cursor: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    ...options,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

/** Every item of a listing, page after page (for pickers; stops at `max`). */
export async function fetchAll<T>(path: string, max = 2000, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { query: { limit: 500, cursor: cursor ?? undefined }, signal });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < max);
  return out;
}
