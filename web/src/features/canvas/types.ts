// Shapes of the canvas API, named from the types generated from the server's OpenAPI document.
import type { Schemas } from '../../api/types';

export type CrmCanvas = Schemas['CrmCanvas'];
export type CanvasSection = Schemas['CanvasSection'];
export type CanvasFigure = Schemas['CanvasFigure'];
export type CanvasLink = Schemas['CanvasLink'];
export type CanvasRow = Schemas['CanvasRow'];
export type Established = Schemas['Established'];

export const PERIODS = [30, 90, 180, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];

/** The nine blocks, in the order a reader goes through them. */
export const BLOCKS = [
  'customer',
  'market',
  'executors',
  'data',
  'data_sources',
  'strategies',
  'processes',
  'costs',
  'technology',
] as const;
export type BlockName = (typeof BLOCKS)[number];

/** The relationship types of the Business Model Canvas, as the server names them. */
export const RELATIONSHIP_TYPES = [
  'dedicated_assistance',
  'personal_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const;
