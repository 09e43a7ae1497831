// Shapes of GET /api/v1/canvas/relationships (the Customer Relationships block of the Business
// Model Canvas), named from the types generated from the server's OpenAPI document. A Figure is
// the canvas's usual figure: a value, or null with the reason it is missing, and the link to the
// records it counts.
import type { Schemas } from '../../../api/types';
import type { CanvasFigure, CanvasLink } from '../types';

export type Figure = CanvasFigure;
export type FigureLink = CanvasLink;

export type RelationshipsBlock = Schemas['RelationshipsBlock'];
export type BlockSegment = Schemas['RelationshipsSegment'];
export type BlockType = Schemas['RelationshipsType'];
export type BlockTarget = Schemas['RelationshipsTarget'];
export type BlockCost = Schemas['RelationshipsCost'];
export type BlockGap = Schemas['RelationshipsGap'];
/** A segment as a gap names it (a card's segment has its kind as well). */
export type BlockSegmentRef = BlockGap['segment'];
export type BlockPlan = NonNullable<BlockSegment['plan']>;

export type RelationshipType = BlockType['type'];
export type TypeStatus = BlockType['status'];
export type GapKind = BlockGap['kind'];

/** The six relationship types, in the order the block lists them. */
export const BLOCK_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const satisfies readonly RelationshipType[];

export const STATUSES = [
  'expected_established',
  'expected_not_established',
  'established_not_planned',
  'not_used',
] as const satisfies readonly TypeStatus[];

export const GAP_KINDS = [
  'no_plan',
  'expected_not_established',
  'established_not_planned',
  'target_missed',
] as const satisfies readonly GapKind[];

/** The query of the block: a period, the contact interval, and optionally one segment and a plan version. */
export interface BlockQuery {
  from: number;
  to: number;
  no_contact_days: number;
  segment_id?: string;
  plan_at?: number;
  plan_version?: number;
}
