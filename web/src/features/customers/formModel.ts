// The record form's state and how it becomes a request body: what a person typed is kept as
// text (so nothing is lost when the server refuses it), and turned into the API's types only
// when sending. On edit only what changed is sent (null clears), as PATCH expects.
import { builtInFields } from './schema';
import type { CustomField, CustomerRecord, DataKind, Entity, FieldValue, RecordWrite } from './types';

/** One row of an other_emails / other_phones list, as typed. */
export interface ContactRow {
  label: string;
  value: string;
}

export interface RecordFormState {
  fields: Record<string, string>;
  /** The rows of each list field (other_emails, other_phones). */
  lists: Record<string, ContactRow[]>;
  /** Text for every type but multi_select (a list); booleans are '', 'true' or 'false'. */
  custom: Record<string, string | string[]>;
  tags: string[];
  owner_user_id: string;
  team_id: string;
  data_kind: DataKind;
}

/** The entries of a stored list ([{label, value}]); none for anything else. */
export function contactEntries(v: FieldValue | undefined): ContactRow[] {
  if (!Array.isArray(v)) return [];
  const out: ContactRow[] = [];
  for (const e of v as unknown[]) {
    if (e && typeof e === 'object' && typeof (e as ContactRow).value === 'string') {
      const label = (e as { label?: unknown }).label;
      out.push({ label: typeof label === 'string' && label ? label : 'other', value: (e as ContactRow).value });
    }
  }
  return out;
}

/**
 * A list as sent: rows without a value are left out. `sentIndex[i]` is the index row i has in
 * the request (-1 when left out), so "/fields/other_emails/1/value" finds its row on screen.
 */
export function contactRowsOut(rows: ContactRow[]): { list: ContactRow[]; sentIndex: number[] } {
  const list: ContactRow[] = [];
  const sentIndex = rows.map((r) => {
    if (!r.value.trim()) return -1;
    list.push({ label: r.label.trim() || 'other', value: r.value.trim() });
    return list.length - 1;
  });
  return { list, sentIndex };
}

function text(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** The form of a new record, or of an existing one. */
export function initialState(
  entity: Entity,
  customFields: CustomField[],
  record?: CustomerRecord | null,
  defaults: Partial<RecordFormState> = {},
): RecordFormState {
  const fields: Record<string, string> = {};
  const lists: Record<string, ContactRow[]> = {};
  for (const f of builtInFields(entity)) {
    if (f.kind === 'contacts') lists[f.name] = contactEntries(record?.fields?.[f.name]);
    else fields[f.name] = text(record?.fields?.[f.name]);
  }
  const custom: Record<string, string | string[]> = {};
  for (const d of customFields) {
    const v = record?.custom?.[d.key];
    if (d.type === 'multi_select') custom[d.key] = Array.isArray(v) ? v.map(String) : [];
    else if (d.type === 'boolean') custom[d.key] = v === true ? 'true' : v === false ? 'false' : '';
    else custom[d.key] = text(v);
  }
  return {
    fields,
    lists,
    custom,
    tags: record ? [...record.tags] : [],
    owner_user_id: record ? (record.owner_user_id ?? '') : '',
    team_id: record ? (record.team_id ?? '') : '',
    data_kind: 'first_party',
    ...defaults,
  };
}

/**
 * A number as typed in any of the interface languages: "1234.5", "1234,5", "1.234,5",
 * "1,234.5", "1 234,5". Returns null when the text is not a number.
 */
export function parseLocaleNumber(input: string): number | null {
  let s = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one separates the decimals, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    s = s.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    // "1,5" is a decimal; "1,234,567" groups thousands.
    s = /^-?\d{1,3}(,\d{3}){2,}$/.test(s) ? s.split(',').join('') : s.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A custom value as the API wants it; text that is not a number is sent as typed (the server explains). */
export function customValueOut(def: CustomField, value: string | string[] | undefined): FieldValue {
  if (def.type === 'multi_select') {
    const list = Array.isArray(value) ? value : [];
    return list.length ? list : null;
  }
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) return null;
  switch (def.type) {
    case 'number':
    case 'money': {
      const n = parseLocaleNumber(s);
      return n === null ? s : n;
    }
    case 'boolean':
      return s === 'true';
    default:
      return s;
  }
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const norm = (v: FieldValue | undefined) => {
    if (v === undefined || v === null || v === '') return null;
    if (Array.isArray(v)) return v.length ? JSON.stringify([...v].sort()) : null;
    return JSON.stringify(v);
  };
  return norm(a) === norm(b);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The POST body (no `original`) or the PATCH body (only what differs from `original`).
 * Empty texts are left out on create and become null (clear) on edit.
 */
export function toWrite(
  entity: Entity,
  customFields: CustomField[],
  state: RecordFormState,
  original?: CustomerRecord | null,
): RecordWrite {
  const out: RecordWrite = {};
  const fields: Record<string, string | ContactRow[] | null> = {};
  for (const f of builtInFields(entity)) {
    if (f.kind === 'contacts') {
      const { list } = contactRowsOut(state.lists[f.name] ?? []);
      const before = JSON.stringify(contactEntries(original?.fields?.[f.name]));
      if (!original) {
        if (list.length) fields[f.name] = list;
      } else if (JSON.stringify(list) !== before) {
        fields[f.name] = list.length ? list : null;
      }
      continue;
    }
    const typed = (state.fields[f.name] ?? '').trim();
    if (!original) {
      if (typed) fields[f.name] = typed;
    } else if (typed !== text(original.fields?.[f.name]).trim()) {
      fields[f.name] = typed || null;
    }
  }
  if (Object.keys(fields).length) out.fields = fields as RecordWrite['fields'];

  const custom: Record<string, FieldValue> = {};
  for (const d of customFields) {
    const value = customValueOut(d, state.custom[d.key]);
    if (!original) {
      if (value !== null) custom[d.key] = value;
    } else if (!sameValue(value, original.custom?.[d.key])) {
      custom[d.key] = value;
    }
  }
  if (Object.keys(custom).length) out.custom = custom;

  // Tags are sent as they stand, so "/tags/3" points at the fourth chip on screen.
  if (!original ? state.tags.length > 0 : !sameList(state.tags, original.tags)) out.tags = [...state.tags];

  const owner = state.owner_user_id || null;
  const team = state.team_id || null;
  if (!original || owner !== original.owner_user_id) out.owner_user_id = owner;
  if (!original ? team !== null : team !== original.team_id) out.team_id = team;

  if (state.data_kind !== 'first_party') out.source = { data_kind: state.data_kind };
  return out;
}

/** Field-error keys of the record form: "/fields/vat_id" -> "fields.vat_id", "/custom/x" -> "custom.x". */
export const errorKey = {
  field: (name: string) => `fields.${name}`,
  custom: (key: string) => `custom.${key}`,
  tag: (i: number) => `tags.${i}`,
  /** "/fields/other_emails/1/value" -> "fields.other_emails.1.value" */
  entry: (name: string, i: number, member: 'value' | 'label') => `fields.${name}.${i}.${member}`,
};

/** Every error key the form shows beside an input (the summary lists the rest). */
export function shownErrorKeys(entity: Entity, customFields: CustomField[], state: RecordFormState): string[] {
  return [
    ...builtInFields(entity).map((f) => errorKey.field(f.name)),
    ...builtInFields(entity)
      .filter((f) => f.kind === 'contacts')
      .flatMap((f) =>
        (state.lists[f.name] ?? []).flatMap((_, i) => [errorKey.entry(f.name, i, 'value'), errorKey.entry(f.name, i, 'label')]),
      ),
    ...customFields.map((d) => errorKey.custom(d.key)),
    'tags',
    ...state.tags.map((_, i) => errorKey.tag(i)),
    'owner_user_id',
    'team_id',
    'source.data_kind',
    'source',
  ];
}
