// Global search (GET /api/v1/search?q=): names, emails, phones, tax ids and note text; word
// prefixes first, then substrings and typos; results grouped by type.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/types';

/** A hit; interactions have `person_id` / `company_id`: whom the note, call… is about. */
export type SearchHit = SearchResponse['items'][number];
export type SearchResponse = ResponseOf<'/api/v1/search', 'get'>;

export type SearchGroup = keyof SearchResponse['groups'];
export const SEARCH_GROUPS = ['companies', 'people', 'interactions'] as const satisfies readonly SearchGroup[];

/** The record type each group holds (the API's `type` parameter). */
export const GROUP_TYPE = { companies: 'company', people: 'person', interactions: 'interaction' } as const;

/** Searches everything, or only the records of one group (to see more of it than a mixed page holds). */
export function useSearch(q: string, limit = 20, group?: SearchGroup) {
  const text = q.trim();
  const type = group ? GROUP_TYPE[group] : undefined;
  return useQuery({
    queryKey: ['search', text, limit, type ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<SearchResponse>('/search', { query: type ? { q: text, limit, type } : { q: text, limit }, signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Where a hit opens: the record, or the record an interaction belongs to. */
export function hitPath(hit: SearchHit): string | null {
  if (hit.type === 'company') return `/companies/${encodeURIComponent(hit.id)}`;
  if (hit.type === 'person') return `/people/${encodeURIComponent(hit.id)}`;
  if (hit.person_id) return `/people/${encodeURIComponent(hit.person_id)}`;
  if (hit.company_id) return `/companies/${encodeURIComponent(hit.company_id)}`;
  return null;
}
