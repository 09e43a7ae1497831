// The duplicate review queue as the API serves it (GET /api/v1/duplicates), named from the types
// generated from the server's OpenAPI document (src/api/schema.gen.ts).
import type { ResponseOf, Schemas } from '../../api/types';

export type DuplicateStatus = Schemas['DuplicateCandidate']['status'];
export const DUPLICATE_STATUSES = ['open', 'dismissed', 'merged'] as const satisfies readonly DuplicateStatus[];

export type DuplicateRule = Schemas['DuplicateReason']['rule'];
export const DUPLICATE_RULES = [
  'vat_id',
  'pec',
  'email',
  'phone',
  'name_company',
  'name_city',
] as const satisfies readonly DuplicateRule[];

/** `similarity`: name similarity (0–1) of the fuzzy rules. */
export type DuplicateReason = Schemas['DuplicateReason'];
export type DuplicateSide = Schemas['DuplicateSide'];
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
export type ScanReport = ResponseOf<'/api/v1/duplicates/scan', 'post'>;

export type Side = NonNullable<Schemas['MergeRequest']['choices']>[string];
export type MergeRequest = Schemas['MergeRequest'];
