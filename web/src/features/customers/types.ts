// Shapes of the customer API (companies, people, custom fields, history, timeline); see the
// server's OpenAPI document (GET /api/v1/openapi.json). Ids are strings, times unix ms.
import type { UnixMillis } from '../../api/types';

export type Entity = 'company' | 'person';

export const SOURCES = ['manual', 'import', 'api', 'connector', 'merge', 'system'] as const;
export type SourceKind = (typeof SOURCES)[number];

export const DATA_KINDS = ['zero_party', 'first_party', 'second_party', 'third_party'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export interface Provenance {
  source: SourceKind;
  ref: string;
  data_kind: DataKind;
  recorded_at: UnixMillis;
}

/** A value of a built-in or custom field as the server stores it. */
export type FieldValue = string | number | boolean | string[] | null;

export interface CustomerRecord {
  id: string;
  type: Entity;
  fields: Record<string, FieldValue>;
  custom: Record<string, FieldValue>;
  tags: string[];
  owner_user_id: string | null;
  team_id: string | null;
  created_at: UnixMillis;
  updated_at: UnixMillis;
  /** Per field (built-in name, "custom.<key>", "tags", "owner_user_id", "team_id"); GET /{id} only. */
  provenance?: Record<string, Provenance>;
  /** Values kept although invalid (lenient imports); GET /{id}, POST and PATCH only. */
  flags?: FieldFlag[];
}

export interface FieldFlag {
  field: string;
  rule: string;
  value: string;
  source: { kind: string; ref: string; import_id: string | null };
  flagged_at: UnixMillis;
}

/** POST and PATCH body: members present are changed, null clears. */
export interface RecordWrite {
  fields?: Record<string, string | null>;
  custom?: Record<string, FieldValue>;
  tags?: string[];
  owner_user_id?: string | null;
  team_id?: string | null;
  source?: { data_kind?: DataKind; connector?: string };
}

export interface FieldHistory {
  id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: UnixMillis;
  actor: string;
  actor_user_id: string | null;
  source: string;
  source_ref: string;
}

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomField {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  currency: string | null;
  required: boolean;
  entity_type: Entity;
  created_at: UnixMillis;
}

export interface CustomFieldInput {
  key: string;
  label: string;
  type: CustomFieldType;
  options?: string[];
  currency?: string;
  required?: boolean;
}

export const INTERACTION_KINDS = ['note', 'call', 'meeting', 'email', 'task'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const CHANNELS = ['email', 'phone', 'chat', 'in_person', 'web', 'social', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The customer relationship types of the Business Model Canvas. */
export const RELATIONSHIP_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export interface Interaction {
  id: string;
  kind: InteractionKind;
  person_id: string | null;
  company_id: string | null;
  subject: string;
  body: string;
  channel: Channel | null;
  direction: Direction | null;
  relationship_type: RelationshipType | null;
  minutes_spent: number;
  occurred_at: UnixMillis;
  due_at: UnixMillis | null;
  assignee_user_id: string | null;
  completed_at: UnixMillis | null;
  created_by_user_id: string | null;
  created_at: UnixMillis;
}

export interface InteractionWrite {
  kind?: InteractionKind;
  person_id?: string | null;
  company_id?: string | null;
  subject?: string;
  body?: string;
  channel?: Channel | null;
  direction?: Direction | null;
  relationship_type?: RelationshipType | null;
  minutes_spent?: number;
  occurred_at?: UnixMillis;
  due_at?: UnixMillis | null;
  assignee_user_id?: string | null;
  completed?: boolean;
}
