// Assignment within a team (GET/PUT /service-desk/assignment/{team_id}): how a new conversation
// filed with a team gets its agent. Pure parts, tested in settingsLogic.test.ts.
import type { Schemas, TeamKind } from '../../api/types';

export type TeamAssignment = Schemas['TeamAssignment'];
export type AssignmentMode = TeamAssignment['mode'];
export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'load_based'] as const satisfies readonly AssignmentMode[];

/**
 * Whether a team's page shows its inbox assignment: always for a service team, and for any
 * other team whose conversations are assigned automatically (a mailbox or the contact form may
 * file with any team), so that the mode can be seen and set back to manual.
 */
export function showsAssignment(kind: TeamKind, mode: AssignmentMode | undefined): boolean {
  return kind === 'service' || (mode !== undefined && mode !== 'manual');
}

/** Whether automatic assignment has nobody to choose: no member is an active user. */
export function nobodyToAssign(
  mode: AssignmentMode,
  memberIds: string[],
  users: { id: string; active: boolean }[] | undefined,
): boolean {
  if (mode === 'manual' || !users) return false;
  const active = new Set(users.filter((u) => u.active).map((u) => u.id));
  return !memberIds.some((id) => active.has(id));
}
