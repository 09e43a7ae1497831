// Shapes of GET /api/v1/canvas/relationships (the Customer Relationships block of the Business
// Model Canvas), as the contract names them. A Figure is the canvas's usual figure: a value, or
// null with the reason it is missing, and the link to the records it counts.
import type { CanvasFigure, CanvasLink } from '../types';

export type Figure = CanvasFigure;
export type FigureLink = CanvasLink;

/** The six relationship types, in the order the block lists them. */
export const BLOCK_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const;
export type RelationshipType = (typeof BLOCK_TYPES)[number];

export const STATUSES = ['expected_established', 'expected_not_established', 'established_not_planned', 'not_used'] as const;
export type TypeStatus = (typeof STATUSES)[number];

export const GAP_KINDS = ['no_plan', 'expected_not_established', 'established_not_planned', 'target_missed'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export type Metric =
  | 'first_response_business_hours'
  | 'resolution_business_hours'
  | 'csat_average'
  | 'nps'
  | 'owner_coverage_share'
  | 'contact_interval_days'
  | 'retention_rate'
  | 'interactions_per_customer'
  | 'sla_compliance_share';

export interface BlockSegmentRef {
  id: string;
  name: string;
  kind?: string;
  entity_type: string;
}

export interface BlockPlan {
  version: number;
  created_at: number | null;
  author_label: string;
  comment: string;
}

export interface BlockTarget {
  metric: Metric | string;
  comparator: 'at_least' | 'at_most' | string;
  value: number;
  unit: string;
  measured: Figure;
  met: boolean | null;
}

export interface BlockCost {
  total_cents: Figure;
  time_cents: Figure;
  message_cents: Figure;
  fixed_cents: Figure;
}

export interface BlockType {
  type: RelationshipType;
  expected: boolean;
  established: boolean | null;
  status: TypeStatus;
  motivation: string | null;
  team: { id: string; name: string } | null;
  channels: string[];
  note: string;
  threshold: { measure: string; value: number; measured: Figure };
  targets: BlockTarget[];
  activity: { interactions: Figure; customers_touched: Figure; minutes: Figure };
  cost: BlockCost;
}

export interface BlockSegment {
  segment: BlockSegmentRef;
  plan: BlockPlan | null;
  members: Figure;
  cost_total: Figure;
  /** The segment's cost split into time, messages and fixed costs (cost_total is its total). */
  cost: BlockCost;
  types: BlockType[];
}

export interface BlockGap {
  kind: GapKind;
  segment: BlockSegmentRef;
  type: RelationshipType | null;
  metric: string | null;
  customers: number;
  of: number;
  measured: number | null;
  target: number | null;
  link: FigureLink;
}

export interface RelationshipsBlock {
  from: number;
  to: number;
  no_contact_days: number;
  currency: string | null;
  segments: BlockSegment[];
  gaps: BlockGap[];
}

/** The query of the block: a period, the contact interval, and optionally one segment and a plan version. */
export interface BlockQuery {
  from: number;
  to: number;
  no_contact_days: number;
  segment_id?: string;
  plan_at?: number;
  plan_version?: number;
}
