// The list's saved view: which columns are shown, in which order, and the active filter (the
// API's JSON filter language), kept in this browser (localStorage "rapport.view.<entity>") so
// the list opens as it was left.
import { builtInFields } from './schema';
import type { CustomField, Entity } from './types';

export const VIEW_VERSION = 1;

export interface SavedView {
  version: number;
  /** Absent: the default columns. */
  columns?: string[];
  /** Absent: no filter. */
  filter?: unknown;
}

function readView(entity: Entity, storage: Pick<Storage, 'getItem'> | null): Partial<SavedView> | null {
  try {
    const raw = storage?.getItem(storageKey(entity));
    if (!raw) return null;
    const view = JSON.parse(raw) as Partial<SavedView>;
    return view && typeof view === 'object' && view.version === VIEW_VERSION ? view : null;
  } catch {
    return null;
  }
}

function writeView(entity: Entity, view: SavedView, storage: Pick<Storage, 'setItem' | 'removeItem'> | null): void {
  try {
    if (view.columns === undefined && view.filter === undefined) storage?.removeItem(storageKey(entity));
    else storage?.setItem(storageKey(entity), JSON.stringify(view));
  } catch {
    /* private mode or full: the choice holds until the page is left */
  }
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
  const view = readView(entity, storage);
  if (!view || !Array.isArray(view.columns)) return fallback;
  return view.columns.filter((c): c is string => typeof c === 'string' && available.includes(c));
}

type ViewStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Saves the columns; the saved filter stays. */
export function saveView(entity: Entity, columns: string[], storage: ViewStorage | null = safeStorage()): void {
  const filter = readView(entity, storage)?.filter;
  writeView(entity, { version: VIEW_VERSION, columns, ...(filter !== undefined ? { filter } : {}) }, storage);
}

/** Back to the default columns; the saved filter stays. */
export function resetView(entity: Entity, storage: ViewStorage | null = safeStorage()): void {
  const filter = readView(entity, storage)?.filter;
  writeView(entity, { version: VIEW_VERSION, ...(filter !== undefined ? { filter } : {}) }, storage);
}

/** The saved filter (JSON filter language), or null. */
export function loadViewFilter(entity: Entity, storage: Pick<Storage, 'getItem'> | null = safeStorage()): unknown {
  const filter = readView(entity, storage)?.filter;
  return filter === undefined ? null : filter;
}

/** Saves the filter (null removes it); the columns stay. */
export function saveViewFilter(entity: Entity, filter: unknown, storage: ViewStorage | null = safeStorage()): void {
  const columns = readView(entity, storage)?.columns;
  writeView(
    entity,
    {
      version: VIEW_VERSION,
      ...(Array.isArray(columns) ? { columns } : {}),
      ...(filter !== null && filter !== undefined ? { filter } : {}),
    },
    storage,
  );
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
