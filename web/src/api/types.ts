// Shapes of the server's JSON, named from the types generated from its OpenAPI document
// (schema.gen.ts; `npm run gen:api`). Ids are strings, timestamps are unix milliseconds. The
// constant lists are the values the UI offers (selects, translations); `satisfies` keeps them
// within the document's enums.
import type { components, paths } from './schema.gen';

export type Schemas = components['schemas'];

/** The JSON body of a path's response (`status` defaults to 200). */
export type ResponseOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  S extends number = 200,
> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer T } }
      ? T
      : never
    : never
  : never;

export type Role = Schemas['Role'];
export const ROLES = ['owner', 'admin', 'manager', 'member', 'viewer'] as const satisfies readonly Role[];

export type Scope = Schemas['Scope'];
export const SCOPES = ['none', 'own', 'team', 'all'] as const satisfies readonly Scope[];

export type TeamKind = Schemas['Team']['kind'];
export const TEAM_KINDS = ['sales', 'marketing', 'service', 'it', 'interdisciplinary'] as const satisfies readonly TeamKind[];

export type SalesRole = NonNullable<Schemas['TeamMember']['sales_role']>;
export const SALES_ROLES = ['hunter', 'farmer'] as const satisfies readonly SalesRole[];

export type UnixMillis = number;

/** A cursor page of any list (`?limit=&cursor=` -> {items, next_cursor}), as every list answers. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type User = Schemas['User'];
export type Workspace = Schemas['Workspace'];
export type RoleGrant = Schemas['RoleGrant'];
export type Me = Schemas['Me'];
export type Hints = ResponseOf<'/api/v1/auth/hints', 'get'>;
export type LoginResponse = Schemas['LoginResult'];
export type TeamMember = Schemas['TeamMember'];
export type Team = Schemas['Team'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = ResponseOf<'/api/v1/api-keys', 'post', 201>;
export type AuditEntry = Schemas['AuditEntry'];
