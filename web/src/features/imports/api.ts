// CSV imports of companies and people (see the server's routes_imports.cpp): upload the file
// itself (Content-Type: text/csv), then PUT the mapping, POST a dry run, POST start, and poll
// GET /imports/{id} for progress; cancel; download the rejected rows as CSV.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';
import type { UnixMillis } from '../../api/types';
import type { DataKind, Entity } from '../customers/types';

export type ImportStatus = 'uploaded' | 'mapped' | 'running' | 'completed' | 'failed' | 'cancelled';
export const FINISHED: ImportStatus[] = ['completed', 'failed', 'cancelled'];

export interface ImportMappingView {
  columns: { column: number; header: string; target: string }[];
  source: { data_kind: DataKind; label: string | null };
  match_on: string[];
  lenient: boolean;
  invalid_values: InvalidValues;
  /** Field -> the value every row gets. */
  constants: Record<string, string>;
  /** ISO 3166-1 alpha-2: the country of rows without one. */
  default_country: string | null;
}

/** reject: rows with an invalid email, phone or tax id are rejected; flag (admins): imported and flagged. */
export type InvalidValues = 'reject' | 'flag';

export interface ImportJob {
  id: string;
  entity: Entity;
  filename: string;
  status: ImportStatus;
  size_bytes: number;
  encoding: string;
  encoding_reason: string;
  delimiter: string;
  delimiter_name: string;
  delimiter_reason: string;
  has_bom: boolean;
  header: string[];
  rows_total: number;
  rows_done: number;
  percent: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Imported rows with flagged values (also counted in created/updated/unchanged). */
  flagged: number;
  mapping: ImportMappingView | null;
  created_by: string;
  created_at: UnixMillis;
  updated_at: UnixMillis;
  started_at: UnixMillis | null;
  finished_at: UnixMillis | null;
  error: string | null;
}

export interface ImportUpload extends ImportJob {
  sample_rows: string[][];
  suggestions: { column: number; header: string; field: string | null; score: number }[];
  suggested_mapping: { columns: Record<string, string> };
}

export interface ImportMappingWrite {
  /** 0-based column index (as text) -> target field; columns left out are not imported. */
  columns: Record<string, string>;
  source: { data_kind: DataKind; label?: string };
  match_on?: string[];
  invalid_values?: InvalidValues;
  /** Target field -> text every row gets, as a cell would hold it (tags: added to the row's). */
  constants?: Record<string, string>;
  /** The country of rows without one, also for reading their national phones and tax ids. */
  default_country?: string | null;
}

export interface RejectedRow {
  row: number;
  line: number;
  fields: string[];
  errors: { field: string | null; column: string | null; detail: string }[];
}

export interface DryRun {
  rows_total: number;
  would_create: number;
  would_update: number;
  unchanged: number;
  rejected: number;
  rejected_rows: RejectedRow[];
  rejected_rows_truncated: boolean;
  flagged: number;
  flagged_rows: RejectedRow[];
  flagged_rows_truncated: boolean;
}

/** The upsert keys the server matches rows on (domain/imports/import_mapping.cpp). */
export function upsertKeys(entity: Entity): string[] {
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

export function rejectedCsvUrl(id: string): string {
  return buildUrl(`${one(id)}/rejected.csv`);
}
