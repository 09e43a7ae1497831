// Shapes of the customer API (companies, people, custom fields, history), named from
// the types generated from the server's OpenAPI document (src/api/schema.gen.ts). Ids are
// strings, times unix ms. The constant lists are the values the UI offers; `satisfies` keeps
// them within the document's enums.
import type { paths } from '../../api/schema.gen';
import type { Schemas } from '../../api/types';

export type Entity = Schemas['CustomerRecord']['type'];

export type Provenance = NonNullable<Schemas['CustomerRecord']['provenance']>[string];

export type SourceKind = Provenance['source'];
export const SOURCES = ['manual', 'import', 'api', 'connector', 'merge', 'system'] as const satisfies readonly SourceKind[];

export type DataKind = Provenance['data_kind'];
export const DATA_KINDS = ['zero_party', 'first_party', 'second_party', 'third_party'] as const satisfies readonly DataKind[];

/** A value of a built-in or custom field as the server stores it. */
export type FieldValue = Schemas['FieldValue'];

/**
 * A company or a person. `provenance` (per field: built-in name, "custom.<key>", "tags",
 * "owner_user_id", "team_id") comes with GET /{id} only; `flags` (values kept although invalid,
 * lenient imports) with GET /{id}, POST and PATCH only.
 */
export type CustomerRecord = Schemas['CustomerRecord'];

export type FieldFlag = Schemas['FieldFlag'];

/** One of a company's contacts: the person's record with the job title and primary flag there. */
export type CompanyContact = Schemas['CompanyContact'];

/** POST and PATCH body: members present are changed, null clears. */
export type RecordWrite = Schemas['CompanyFieldsWrite'] | Schemas['PersonFieldsWrite'];

export type FieldHistory = Schemas['FieldHistory'];

export type CustomFieldType = Schemas['CustomField']['type'];
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
] as const satisfies readonly CustomFieldType[];

export type CustomField = Schemas['CustomField'];

export type CustomFieldInput = NonNullable<
  paths['/api/v1/custom-fields/{entity}']['post']['requestBody']
>['content']['application/json'];
