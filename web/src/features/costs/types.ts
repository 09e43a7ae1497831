// Shapes of the costs API, named from the types generated from the server's OpenAPI document.
import type { Schemas } from '../../api/types';

export type CostModel = Schemas['CostModel'];
export type CostModelInput = Schemas['CostModelInput'];
export type Costs = Schemas['Costs'];
export type CostBreakdown = Schemas['CostBreakdown'];
export type CustomerCost = Schemas['CustomerCost'];
export type CostModelState = { in_effect: CostModel | null; on: string; versions: CostModel[] };

export const RELATIONSHIP_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export const FIXED_CATEGORIES = ['software', 'tools', 'training', 'certifications', 'other'] as const;
export type FixedCategory = (typeof FIXED_CATEGORIES)[number];
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'BRL', 'MXN', 'ARS', 'CLP', 'COP', 'JPY'] as const;
