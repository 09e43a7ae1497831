// The friendly filter builder's model and its conversion to and from the API's JSON filter
// language (src/domain/filters/parse.cpp on the server):
//   {"and": [...]}, {"or": [...]}, {"not": {...}}, {"field": "city", "op": "eq", "value": "Milano"}
// The builder keeps every value as typed text; `toFilterJson` turns the complete conditions into
// typed operands (numbers, booleans, lists, {"relative": "-30d"}) and leaves incomplete ones out,
// so a count can be asked while a condition is still being written.
import { builtInFields, type BuiltInField } from '../customers/schema';
import type { CustomField, Entity } from '../customers/types';

/** How the server compares a field (filters::FieldType). */
export type FilterType = 'text' | 'number' | 'date' | 'datetime' | 'bool' | 'enum' | 'tags' | 'reference' | 'flags';

export type Op =
  | 'eq'
  | 'neq'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'not_contains'
  | 'starts_with'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'is_empty'
  | 'is_not_empty'
  | 'has_tag'
  | 'has_any_tag'
  | 'has_all_tags';

/** The operators each type takes, as the server's ops_for() lists them. */
export const OPS: Record<FilterType, Op[]> = {
  text: ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  datetime: ['gte', 'lt', 'gt', 'lte', 'between', 'eq', 'neq', 'is_empty', 'is_not_empty'],
  bool: ['eq', 'neq', 'is_empty', 'is_not_empty'],
  enum: ['eq', 'neq', 'in', 'not_in', 'is_empty', 'is_not_empty'],
  tags: ['has_tag', 'has_any_tag', 'has_all_tags', 'is_empty', 'is_not_empty'],
  // Owner, team and buyer are picked from a list: one at a time.
  reference: ['eq', 'neq', 'is_empty', 'is_not_empty'],
  // The record's flagged fields (a tags field on the server): has some, or has none.
  flags: ['is_not_empty', 'is_empty'],
};

export const NO_VALUE_OPS: Op[] = ['is_empty', 'is_not_empty'];
export const LIST_OPS: Op[] = ['in', 'not_in', 'has_any_tag', 'has_all_tags'];

/** What can be filtered on: a built-in field, a custom field, tags, flagged values, owner, team, dates. */
export interface FilterField {
  /** The API name: "city", "custom.blend", "tags", "flags", "owner_user_id", "created_at". */
  name: string;
  type: FilterType;
  /** Enum options (built-in selects and custom selects). */
  options?: readonly string[];
  /** For the label: built-in, custom (label given), or one of the record's own columns. */
  source: 'builtin' | 'custom' | 'record';
  label?: string;
  /** Built-in fields whose option labels are translated (options.<field>.<value>). */
  optionsKey?: string;
  /** reference fields: what the id points at. */
  refers?: 'user' | 'team' | 'company';
}

function builtInType(f: BuiltInField): FilterType {
  if (f.kind === 'date') return 'date';
  if (f.kind === 'select') return 'enum';
  if (f.kind === 'reference') return 'reference';
  return 'text';
}

function customType(d: CustomField): FilterType {
  switch (d.type) {
    case 'number':
    case 'money':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'bool';
    case 'select':
      return 'enum';
    case 'multi_select':
      return 'tags';
    default:
      return 'text';
  }
}

/** The server's filter catalog for an entity (domain/customers/list_query.cpp), in picker order. */
export function filterFields(entity: Entity, customFields: CustomField[]): FilterField[] {
  const builtIn: FilterField[] = builtInFields(entity).map((f) => ({
    name: f.name,
    type: builtInType(f),
    options: f.options,
    optionsKey: f.options ? f.name : undefined,
    source: 'builtin',
    refers: f.kind === 'reference' ? 'company' : undefined,
  }));
  const record: FilterField[] = [
    { name: 'tags', type: 'tags', source: 'record' },
    { name: 'flags', type: 'flags', source: 'record' },
    { name: 'owner_user_id', type: 'reference', source: 'record', refers: 'user' },
    { name: 'team_id', type: 'reference', source: 'record', refers: 'team' },
    { name: 'created_at', type: 'datetime', source: 'record' },
    { name: 'updated_at', type: 'datetime', source: 'record' },
  ];
  const custom: FilterField[] = customFields.map((d) => ({
    name: `custom.${d.key}`,
    type: customType(d),
    options: d.type === 'select' || d.type === 'multi_select' ? d.options : undefined,
    source: 'custom',
    label: d.label,
  }));
  return [...builtIn, ...record, ...custom];
}

// --- the builder's tree ---------------------------------------------------------------------

export interface ConditionNode {
  kind: 'condition';
  id: string;
  field: string;
  op: Op;
  /** As typed. Lists are comma-separated; dates are "YYYY-MM-DD" or "rel:<spec>" (rel:-30d, rel:today). */
  value: string;
  /** The upper bound of "between". */
  value2: string;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  join: 'and' | 'or';
  /** "None of these" / "not all of these": the group wrapped in {"not": ...}. */
  negate: boolean;
  children: FilterNode[];
}

export type FilterNode = ConditionNode | GroupNode;

/** Nested groups go this deep at most (the server allows more; people do not need it). */
export const MAX_DEPTH = 3;

let nextId = 0;
export function newId(): string {
  nextId += 1;
  return `f${nextId}`;
}

export function emptyGroup(join: 'and' | 'or' = 'and'): GroupNode {
  return { kind: 'group', id: newId(), join, negate: false, children: [] };
}

export function newCondition(field: FilterField): ConditionNode {
  return { kind: 'condition', id: newId(), field: field.name, op: OPS[field.type][0], value: '', value2: '' };
}

/** A new field for a condition: the operator stays if it still applies; values are kept for the same type. */
export function changeField(c: ConditionNode, from: FilterField | undefined, to: FilterField): ConditionNode {
  const sameType = from?.type === to.type && from?.refers === to.refers;
  const op = OPS[to.type].includes(c.op) ? c.op : OPS[to.type][0];
  return { ...c, field: to.name, op, value: sameType ? c.value : '', value2: sameType ? c.value2 : '' };
}

// --- tree edits (immutable) -------------------------------------------------------------------

export function updateNode(root: GroupNode, id: string, change: (n: FilterNode) => FilterNode | null): GroupNode {
  const walk = (g: GroupNode): GroupNode => ({
    ...g,
    children: g.children.flatMap((child) => {
      if (child.id === id) {
        const next = change(child);
        return next ? [next] : [];
      }
      return child.kind === 'group' ? [walk(child)] : [child];
    }),
  });
  if (root.id === id) {
    const next = change(root);
    return next && next.kind === 'group' ? next : emptyGroup();
  }
  return walk(root);
}

export function addChild(root: GroupNode, groupId: string, child: FilterNode): GroupNode {
  return updateNode(root, groupId, (g) => (g.kind === 'group' ? { ...g, children: [...g.children, child] } : g));
}

export function removeNode(root: GroupNode, id: string): GroupNode {
  return updateNode(root, id, () => null);
}

export function countConditions(node: FilterNode): number {
  return node.kind === 'condition' ? 1 : node.children.reduce((n, c) => n + countConditions(c), 0);
}

// --- values -----------------------------------------------------------------------------------

export type RelativeUnit = 'd' | 'w' | 'm' | 'y';
export const RELATIVE_ANCHORS = ['today', 'start_of_week', 'start_of_month', 'start_of_year'] as const;

/** Splits "a, b ,c" into ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^(?:[+-]\d{1,6}[dwmy]|today|start_of_(?:week|month|year)(?:[+-]\d{1,6}[dwmy])?)$/;

type Json = null | boolean | number | string | Json[] | JsonObject;
type JsonObject = { [k: string]: Json };

/** One operand as the API wants it, or undefined when the text is not (yet) a value. */
export function operand(type: FilterType, text: string): Json | undefined {
  const s = text.trim();
  if (!s) return undefined;
  switch (type) {
    case 'number': {
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      return s === 'true' ? true : s === 'false' ? false : undefined;
    case 'date':
    case 'datetime': {
      if (s.startsWith('rel:')) {
        const spec = s.slice(4);
        return RELATIVE.test(spec) ? { relative: spec } : undefined;
      }
      return ISO_DATE.test(s) ? s : undefined;
    }
    default:
      return s;
  }
}

/** The JSON of one condition, or null while it is incomplete. */
export function conditionJson(c: ConditionNode, field: FilterField | undefined): JsonObject | null {
  if (!field) return null;
  if (!OPS[field.type].includes(c.op)) return null;
  if (NO_VALUE_OPS.includes(c.op)) return { field: c.field, op: c.op };
  if (c.op === 'between') {
    const low = operand(field.type, c.value);
    const high = operand(field.type, c.value2);
    if (low === undefined || high === undefined) return null;
    return { field: c.field, op: c.op, value: [low, high] };
  }
  if (LIST_OPS.includes(c.op)) {
    const items = splitList(c.value).map((v) => operand(field.type, v));
    if (items.length === 0 || items.some((v) => v === undefined)) return null;
    return { field: c.field, op: c.op, value: items as Json[] };
  }
  const v = operand(field.type, c.value);
  if (v === undefined) return null;
  return { field: c.field, op: c.op, value: v };
}

export type FieldLookup = (name: string) => FilterField | undefined;

function nodeJson(node: FilterNode, lookup: FieldLookup): JsonObject | null {
  if (node.kind === 'condition') return conditionJson(node, lookup(node.field));
  const parts = node.children.map((c) => nodeJson(c, lookup)).filter((j): j is JsonObject => j !== null);
  if (parts.length === 0) return null;
  const inner: JsonObject = parts.length === 1 && !node.negate ? parts[0] : { [node.join]: parts };
  return node.negate ? { not: parts.length === 1 ? parts[0] : inner } : inner;
}

/**
 * The filter the API reads, or null when nothing is complete (no filter: every record). A root
 * with one condition is that condition alone; otherwise {"and": [...]} or {"or": [...]}.
 */
export function toFilterJson(root: GroupNode, lookup: FieldLookup): JsonObject | null {
  return nodeJson(root, lookup);
}

/** Conditions left out of the filter because they miss a value (shown as a hint). */
export function incompleteCount(node: FilterNode, lookup: FieldLookup): number {
  if (node.kind === 'condition') return conditionJson(node, lookup(node.field)) === null ? 1 : 0;
  return node.children.reduce((n, c) => n + incompleteCount(c, lookup), 0);
}

// --- from the API's JSON back to the builder ----------------------------------------------

function valueText(type: FilterType, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const rel = (v as { relative?: unknown }).relative;
    return (type === 'date' || type === 'datetime') && typeof rel === 'string' ? `rel:${rel}` : null;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function parseNode(j: unknown, lookup: FieldLookup, depth: number): FilterNode | null {
  if (!j || typeof j !== 'object' || Array.isArray(j)) return null;
  const o = j as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
    const list = o[keys[0]];
    if (!Array.isArray(list) || depth > MAX_DEPTH) return null;
    const children: FilterNode[] = [];
    for (const item of list) {
      const child = parseNode(item, lookup, depth + 1);
      if (!child) return null;
      children.push(child);
    }
    return { kind: 'group', id: newId(), join: keys[0], negate: false, children };
  }
  if (keys.length === 1 && keys[0] === 'not') {
    const inner = parseNode(o.not, lookup, depth);
    if (!inner) return null;
    if (inner.kind === 'group' && !inner.negate) return { ...inner, negate: true };
    // One negated condition reads best as "none of these" (the same as "not all" for one).
    return { kind: 'group', id: newId(), join: 'or', negate: true, children: [inner] };
  }
  if (typeof o.field !== 'string' || typeof o.op !== 'string') return null;
  if (keys.some((k) => k !== 'field' && k !== 'op' && k !== 'value')) return null;
  const field = lookup(o.field);
  const op = o.op as Op;
  if (!field) return null;
  if (!OPS[field.type].includes(op)) return null;
  const base = { kind: 'condition' as const, id: newId(), field: field.name, op, value: '', value2: '' };
  if (NO_VALUE_OPS.includes(op)) return base;
  if (op === 'between') {
    if (!Array.isArray(o.value) || o.value.length !== 2) return null;
    const [a, b] = o.value.map((v) => valueText(field.type, v));
    return a === null || b === null ? null : { ...base, value: a, value2: b };
  }
  if (LIST_OPS.includes(op)) {
    if (!Array.isArray(o.value)) return null;
    const items = o.value.map((v) => valueText(field.type, v));
    if (items.some((v) => v === null || v.includes(','))) return null;
    return { ...base, value: items.join(', ') };
  }
  const v = valueText(field.type, o.value);
  return v === null ? null : { ...base, value: v };
}

/**
 * The builder's tree for a filter the API gave back (a saved segment or view). Null when the
 * filter uses something the builder cannot show (written by hand through the API).
 */
export function fromFilterJson(j: unknown, lookup: FieldLookup): GroupNode | null {
  if (j === null || j === undefined) return emptyGroup();
  if (typeof j === 'object' && !Array.isArray(j) && Object.keys(j as object).length === 0) return emptyGroup();
  const node = parseNode(j, lookup, 1);
  if (!node) return null;
  if (node.kind === 'group') return node;
  return { ...emptyGroup(), children: [node] };
}

/** The builder's lookup over a list of fields. */
export function lookupOf(fields: FilterField[]): FieldLookup {
  const map = new Map(fields.map((f) => [f.name, f]));
  return (name) => map.get(name);
}
