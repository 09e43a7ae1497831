// Shapes of the timeline API (interactions), named from the types generated from the server's
// OpenAPI document (src/api/schema.gen.ts). The constant lists are the values the UI offers;
// `satisfies` keeps them within the document's enums.
import type { Schemas } from '../../api/types';

export type InteractionKind = Schemas['Interaction']['kind'];
export const INTERACTION_KINDS = ['note', 'call', 'meeting', 'email', 'task'] as const satisfies readonly InteractionKind[];

export type Channel = NonNullable<Schemas['Interaction']['channel']>;
export const CHANNELS = ['email', 'phone', 'chat', 'in_person', 'web', 'social', 'letter'] as const satisfies readonly Channel[];

export type Direction = NonNullable<Schemas['Interaction']['direction']>;
export const DIRECTIONS = ['inbound', 'outbound'] as const satisfies readonly Direction[];

/** The customer relationship types of the Business Model Canvas. */
export type RelationshipType = NonNullable<Schemas['Interaction']['relationship_type']>;
export const RELATIONSHIP_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const satisfies readonly RelationshipType[];

export type Interaction = Schemas['Interaction'];
export type InteractionWrite = Schemas['InteractionWrite'];
