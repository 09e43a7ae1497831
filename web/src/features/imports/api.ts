// CSV imports of companies and people (see the server's routes_imports.cpp): upload the file
// itself (Content-Type: text/csv), then PUT the mapping, POST a dry run, POST start, and poll
// GET /imports/{id} for progress; cancel; the rejected rows (a page at a time, or as CSV to
// download); the history of imports (GET /imports).
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import { useCursorPages } from '../../api/paging';
import type { Schemas } from '../../api/types';
import type { Entity } from '../customers/types';

export type ImportStatus = Schemas['Import']['status'];
export const FINISHED: ImportStatus[] = ['completed', 'failed', 'cancelled'];

/** `constants`: field -> the value every row gets; `default_country` (ISO 3166-1 alpha-2): the country of rows without one. */
export type ImportMappingView = Schemas['ImportMappingView'];

/** reject: rows with an invalid email, phone or tax id are rejected; flag (admins): imported and flagged. */
export type InvalidValues = NonNullable<Schemas['ImportMapping']['invalid_values']>;

/** `flagged`: imported rows with flagged values (also counted in created/updated/unchanged). */
export type ImportJob = Schemas['Import'];
export type ImportUpload = Schemas['ImportUpload'];

/**
 * PUT /imports/{id}/mapping. `columns`: 0-based column index (as text) -> target field (columns
 * left out are not imported); `constants`: target field -> text every row gets, as a cell would
 * hold it (tags: added to the row's); `default_country`: the country of rows without one, also
 * for reading their national phones and tax ids.
 */
export type ImportMappingWrite = Schemas['ImportMapping'];

export type UpsertKey = NonNullable<ImportMappingWrite['match_on']>[number];

export type RejectedRow = Schemas['ImportRejectedRow'];
export type DryRun = Schemas['ImportDryRun'];

/** The upsert keys the server matches rows on (domain/imports/import_mapping.cpp). */
export function upsertKeys(entity: Entity): UpsertKey[] {
  return entity === 'company' ? ['external_id', 'vat_id', 'email'] : ['external_id', 'email'];
}

const one = (id: string) => `/imports/${encodeURIComponent(id)}`;

export function useUpload() {
  return useMutation({
    mutationFn: ({ entity, file }: { entity: Entity; file: File }) =>
      api.post<ImportUpload>('/imports', undefined, {
        query: { entity, filename: file.name },
        rawBody: file,
        contentType: 'text/csv',
      }),
  });
}

/** Saves the mapping, then runs the dry run: the report of what the import would do. */
export function useDryRun(id: string) {
  return useMutation({
    mutationFn: async (mapping: ImportMappingWrite) => {
      await api.put<ImportJob>(`${one(id)}/mapping`, mapping);
      return api.post<DryRun>(`${one(id)}/dry-run`, {});
    },
  });
}

export function useStartImport(id: string) {
  return useMutation({ mutationFn: () => api.post<ImportJob>(`${one(id)}/start`, {}) });
}

export function useCancelImport(id: string) {
  return useMutation({ mutationFn: () => api.post<ImportJob>(`${one(id)}/cancel`, {}) });
}

/** The job, asked again every `intervalMs` until it has finished. */
export function useImportJob(id: string, intervalMs = 600) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<ImportJob>(one(id), { signal }),
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : intervalMs),
    staleTime: 0,
  });
}

/** The history of imports (GET /imports), newest first, page after page. */
export function useImportHistory(limit = 50) {
  return useCursorPages<ImportJob>(['imports', 'history', limit], '/imports', { limit, staleTime: 0 });
}

/** An import's rejected rows (GET /imports/{id}/rejected), in row order, page after page. */
export function useRejectedRows(id: string, enabled: boolean, limit = 50) {
  return useCursorPages<RejectedRow>(['imports', id, 'rejected', limit], `${one(id)}/rejected`, { limit, enabled });
}

/** The filter (the customers' filter language) of exactly the records an import created or updated. */
export function importedRecordsFilter(id: string) {
  return { field: 'imports', op: 'has_tag', value: id };
}

/** The list of people or companies filtered to an import's records (the list reads `?filter=`). */
export function importedRecordsPath(listPath: string, id: string): string {
  return `${listPath}?${new URLSearchParams({ filter: JSON.stringify(importedRecordsFilter(id)) }).toString()}`;
}

export function rejectedCsvUrl(id: string): string {
  return buildUrl(`${one(id)}/rejected.csv`);
}
