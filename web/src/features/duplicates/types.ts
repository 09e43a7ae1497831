// The duplicate review queue as the API serves it (GET /api/v1/duplicates).
import type { Entity } from '../customers/types';

export const DUPLICATE_STATUSES = ['open', 'dismissed', 'merged'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

export const DUPLICATE_RULES = ['vat_id', 'pec', 'email', 'phone', 'name_company', 'name_city'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export interface DuplicateReason {
  rule: DuplicateRule;
  score: number;
  /** Name similarity (0–1) of the fuzzy rules. */
  similarity?: number;
}

export interface DuplicateSide {
  id: string;
  name: string;
  email: string;
  city: string;
}

export interface DuplicateCandidate {
  id: string;
  entity_type: Entity;
  score: number;
  reasons: DuplicateReason[];
  status: DuplicateStatus;
  records: [DuplicateSide, DuplicateSide];
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  resolved_by_user_id: string | null;
}

export interface ScanReport {
  type: Entity;
  records: number;
  pairs: number;
  elapsed_ms: number;
}

export type Side = 'survivor' | 'merged';

export interface MergeRequest {
  merged_id: string;
  candidate_id?: string;
  choices: Record<string, Side>;
}
