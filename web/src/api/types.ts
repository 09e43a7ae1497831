// Shapes of the server's JSON (see the server's GET /api/v1/openapi.json). Ids are strings,
// timestamps are unix milliseconds.

export const ROLES = ['owner', 'admin', 'manager', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['none', 'own', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const TEAM_KINDS = ['sales', 'marketing', 'service', 'it', 'interdisciplinary'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const SALES_ROLES = ['hunter', 'farmer'] as const;
export type SalesRole = (typeof SALES_ROLES)[number];

export type UnixMillis = number;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  language: string | null;
  active: boolean;
  created_at: UnixMillis;
  updated_at: UnixMillis;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  default_language: string;
  created_at: UnixMillis;
}

export interface RoleGrant {
  role: Role;
  read: Scope;
  write: Scope;
}

export interface Me {
  user: User | null;
  workspace: Workspace;
  role: Role;
  auth: 'session' | 'api_key';
  permissions: RoleGrant;
  workspaces?: { id: string; slug: string; name: string; role: Role }[];
  team_ids?: string[];
  csrf_token?: string;
  /** Set for a buyer's partner user (B2B2C): the buyer whose consumers they work on, and nothing else. */
  partner_company_id?: string | null;
  /** Buyers whose consumers were granted to this user or one of their teams. */
  partition_ids?: string[];
  /** The owner role: every buyer's consumers. */
  all_partitions?: boolean;
}

export interface Hints {
  version: string;
  demo: { email: string; password: string } | null;
}

export interface LoginResponse {
  user: User;
  workspace: Workspace;
  csrf_token: string;
  token: string;
  expires_at: UnixMillis;
}

export interface TeamMember {
  user_id: string;
  sales_role: SalesRole | null;
}

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  description: string;
  members: TeamMember[];
  created_at: UnixMillis;
  updated_at: UnixMillis;
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  created_by_user_id: string | null;
  created_at: UnixMillis;
  last_used_at: UnixMillis | null;
  revoked_at: UnixMillis | null;
}

export interface CreatedApiKey extends ApiKey {
  token: string;
}

export interface AuditEntry {
  id: string;
  occurred_at: UnixMillis;
  actor: string;
  actor_user_id: string | null;
  actor_api_key_id?: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  detail: unknown;
}
