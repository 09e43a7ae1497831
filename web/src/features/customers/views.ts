// The list's saved view: which columns are shown, in which order, kept in this browser
// (localStorage "rapport.view.<entity>") so the list opens as it was left.
import { builtInFields } from './schema';
import type { CustomField, Entity } from './types';

export const VIEW_VERSION = 1;

export interface SavedView {
  version: number;
  columns: string[];
}

/** Column ids: "field:<name>", "custom:<key>", "tags", "owner", "team", "created_at", "updated_at". */
export function availableColumns(entity: Entity, customFields: CustomField[]): string[] {
  const fields = builtInFields(entity)
    .filter((f) => !(entity === 'company' ? ['legal_name'] : ['first_name', 'last_name']).includes(f.name))
    .map((f) => `field:${f.name}`);
  return [...fields, ...customFields.map((d) => `custom:${d.key}`), 'tags', 'owner', 'team', 'created_at', 'updated_at'];
}

export const DEFAULT_COLUMNS: Record<Entity, string[]> = {
  company: ['field:city', 'field:country', 'field:market', 'owner', 'tags'],
  person: ['field:email', 'field:city', 'field:country', 'owner', 'tags'],
};

export function storageKey(entity: Entity): string {
  return `rapport.view.${entity}`;
}

/** The saved columns that still exist (a removed custom field drops out), else the default. */
export function loadView(
  entity: Entity,
  available: string[],
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
): string[] {
  const fallback = DEFAULT_COLUMNS[entity].filter((c) => available.includes(c));
  try {
    const raw = storage?.getItem(storageKey(entity));
    if (!raw) return fallback;
    const view = JSON.parse(raw) as Partial<SavedView>;
    if (view.version !== VIEW_VERSION || !Array.isArray(view.columns)) return fallback;
    return view.columns.filter((c): c is string => typeof c === 'string' && available.includes(c));
  } catch {
    return fallback;
  }
}

export function saveView(entity: Entity, columns: string[], storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(storageKey(entity), JSON.stringify({ version: VIEW_VERSION, columns } satisfies SavedView));
  } catch {
    /* private mode or full: the choice holds until the page is left */
  }
}

export function resetView(entity: Entity, storage: Pick<Storage, 'removeItem'> | null = safeStorage()): void {
  try {
    storage?.removeItem(storageKey(entity));
  } catch {
    /* nothing to do */
  }
}

/** Shows a column (at the end) or hides it; the others keep their order. */
export function toggleColumn(columns: string[], id: string, on: boolean): string[] {
  if (on) return columns.includes(id) ? columns : [...columns, id];
  return columns.filter((c) => c !== id);
}

/** Moves a shown column one place earlier (-1) or later (+1). */
export function moveColumn(columns: string[], id: string, by: -1 | 1): string[] {
  const i = columns.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= columns.length) return columns;
  const out = [...columns];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
