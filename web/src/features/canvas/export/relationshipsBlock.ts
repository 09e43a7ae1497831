// What the exports read of GET /api/v1/canvas/relationships (the Customer Relationships block;
// contract in issue 16): a structural subset, so the full generated type fits it once the route
// is in the OpenAPI document.
import type { CanvasFigure } from '../types';

export type RelationshipStatus = 'expected_established' | 'expected_not_established' | 'established_not_planned' | 'not_used';

export type GapKind = 'expected_not_established' | 'established_not_planned' | 'target_missed' | 'no_plan';

export interface RelationshipTarget {
  metric: string;
  met: boolean | null;
}

export interface RelationshipTypeEntry {
  type: string;
  expected: boolean;
  established: boolean | null;
  status: RelationshipStatus | string;
  targets: RelationshipTarget[];
  cost: { total_cents: CanvasFigure };
}

export interface RelationshipSegment {
  segment: { id: string; name: string; kind?: string | null; entity_type?: string | null };
  plan: { version: number } | null;
  members: CanvasFigure;
  cost_total: CanvasFigure;
  types: RelationshipTypeEntry[];
}

export interface RelationshipGap {
  kind: GapKind | string;
  segment: { id: string; name: string };
  type: string | null;
  metric: string | null;
  customers: number;
  of: number;
}

export interface RelationshipsBlock {
  from: number;
  to: number;
  currency: string | null;
  segments: RelationshipSegment[];
  gaps: RelationshipGap[];
}
