// The merge screen's model, pure: which rows differ, the default choice per row (the kept
// record's value when it has one, else the other's, as the server decides), and the request.
// Any row whose field is not required may also be cleared ("clear": no value after the merge).
import { builtInFields } from '../customers/schema';
import type { CustomField, CustomerRecord, Entity, FieldValue } from '../customers/types';
import type { MergeRequest, Side } from './types';

export interface MergeRow {
  /** The API's name: a built-in field, custom.<key>, owner_user_id or team_id. */
  name: string;
  left: FieldValue | undefined;
  right: FieldValue | undefined;
  /** Both hold the same value (or both are empty): nothing to choose. */
  same: boolean;
}

function empty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function valueOf(record: CustomerRecord, name: string): FieldValue | undefined {
  if (name.startsWith('custom.')) return record.custom?.[name.slice('custom.'.length)];
  if (name === 'owner_user_id') return record.owner_user_id;
  if (name === 'team_id') return record.team_id;
  return record.fields?.[name];
}

/** The rows of a side-by-side comparison; rows empty on both sides are left out. */
export function mergeRows(entity: Entity, left: CustomerRecord, right: CustomerRecord, custom: CustomField[]): MergeRow[] {
  const names = [
    ...builtInFields(entity).map((f) => f.name),
    ...custom.map((d) => `custom.${d.key}`),
    'owner_user_id',
    'team_id',
  ];
  return names
    .map((name) => {
      const l = valueOf(left, name);
      const r = valueOf(right, name);
      return { name, left: l, right: r, same: JSON.stringify(l ?? null) === JSON.stringify(r ?? null) };
    })
    .filter((row) => !(empty(row.left) && empty(row.right)));
}

/** A row's choice: one record's value, or none ("clear"). Rows with the same value only clear or not. */
export type Pick = 'left' | 'right' | 'clear';

/** Which side (left or right) each differing row takes by default when `keep` survives. */
export function defaultPicks(rows: MergeRow[], keep: 'left' | 'right'): Record<string, Pick> {
  const other = keep === 'left' ? 'right' : 'left';
  const picks: Record<string, Pick> = {};
  for (const row of rows) {
    if (row.same) continue;
    const kept = keep === 'left' ? row.left : row.right;
    picks[row.name] = empty(kept) ? other : keep;
  }
  return picks;
}

/** The request for merging the other record into `keep`, with every differing row's choice. */
export function mergeRequest(
  rows: MergeRow[],
  picks: Record<string, Pick>,
  keep: 'left' | 'right',
  ids: { left: string; right: string },
  candidateId?: string,
): { survivorId: string; request: MergeRequest & { choices: Record<string, Side> } } {
  const choices: Record<string, Side> = {};
  for (const row of rows) {
    if (picks[row.name] === 'clear') {
      choices[row.name] = 'clear';
      continue;
    }
    if (row.same) continue;
    const pick = picks[row.name] ?? keep;
    choices[row.name] = pick === keep ? 'survivor' : 'merged';
  }
  const survivorId = keep === 'left' ? ids.left : ids.right;
  const mergedId = keep === 'left' ? ids.right : ids.left;
  return { survivorId, request: { merged_id: mergedId, candidate_id: candidateId, choices } };
}
