import { describe, expect, it } from 'vitest';
import type { CustomField } from '../customers/types';
import {
  addChild,
  changeField,
  emptyGroup,
  filterFields,
  fromFilterJson,
  incompleteCount,
  lookupOf,
  newCondition,
  removeNode,
  toFilterJson,
  updateNode,
  type ConditionNode,
  type GroupNode,
} from './model';

const custom: CustomField[] = [
  {
    key: 'blend',
    label: 'Blend',
    type: 'select',
    options: ['Arabica', 'Robusta'],
    currency: null,
    required: false,
    entity_type: 'person',
    created_at: 0,
  },
  {
    key: 'spend',
    label: 'Spend',
    type: 'money',
    options: [],
    currency: 'EUR',
    required: false,
    entity_type: 'person',
    created_at: 0,
  },
  {
    key: 'vip',
    label: 'VIP',
    type: 'boolean',
    options: [],
    currency: null,
    required: false,
    entity_type: 'person',
    created_at: 0,
  },
];
const fields = filterFields('person', custom);
const lookup = lookupOf(fields);
const cond = (field: string, op: ConditionNode['op'], value = '', value2 = ''): ConditionNode => ({
  kind: 'condition',
  id: `${field}-${op}`,
  field,
  op,
  value,
  value2,
});
const group = (join: 'and' | 'or', children: GroupNode['children'], negate = false): GroupNode => ({
  kind: 'group',
  id: `g-${join}-${children.length}`,
  join,
  negate,
  children,
});

describe('filter fields', () => {
  it('mirror the server catalog: built-in fields, tags, owner, team, dates and custom fields with their types', () => {
    const byName = Object.fromEntries(fields.map((f) => [f.name, f.type]));
    expect(byName.city).toBe('text');
    expect(byName.birthday).toBe('date');
    expect(byName.kind).toBe('enum');
    expect(byName.buyer_company_id).toBe('reference');
    expect(byName.tags).toBe('tags');
    expect(byName.flags).toBe('flags');
    expect(byName.owner_user_id).toBe('reference');
    expect(byName.team_id).toBe('reference');
    expect(byName.created_at).toBe('datetime');
    expect(byName['custom.blend']).toBe('enum');
    expect(byName['custom.spend']).toBe('number');
    expect(byName['custom.vip']).toBe('bool');
  });
});

describe('builder → JSON filter', () => {
  it('gives no filter for an empty builder and a single condition alone', () => {
    expect(toFilterJson(emptyGroup(), lookup)).toBeNull();
    expect(toFilterJson(group('and', [cond('city', 'eq', ' Milano ')]), lookup)).toEqual({
      field: 'city',
      op: 'eq',
      value: 'Milano',
    });
  });

  it('types operands by field: numbers, booleans, lists, tags, between, no-value operators', () => {
    const json = toFilterJson(
      group('and', [
        cond('custom.spend', 'gte', '1000,5'),
        cond('custom.vip', 'eq', 'true'),
        cond('city', 'in', 'Milano, Roma ,Torino'),
        cond('tags', 'has_any_tag', 'vip,horeca'),
        cond('custom.spend', 'between', '10', '20'),
        cond('email', 'is_empty'),
      ]),
      lookup,
    );
    expect(json).toEqual({
      and: [
        { field: 'custom.spend', op: 'gte', value: 1000.5 },
        { field: 'custom.vip', op: 'eq', value: true },
        { field: 'city', op: 'in', value: ['Milano', 'Roma', 'Torino'] },
        { field: 'tags', op: 'has_any_tag', value: ['vip', 'horeca'] },
        { field: 'custom.spend', op: 'between', value: [10, 20] },
        { field: 'email', op: 'is_empty' },
      ],
    });
  });

  it('lists records with flagged values (or without), and reads that filter back', () => {
    const flagged = { field: 'flags', op: 'is_not_empty' };
    expect(newCondition(lookup('flags')!).op).toBe('is_not_empty');
    expect(toFilterJson(group('and', [cond('flags', 'is_not_empty')]), lookup)).toEqual(flagged);
    expect(toFilterJson(group('and', [cond('flags', 'is_empty')]), lookup)).toEqual({ field: 'flags', op: 'is_empty' });
    // Only "has some" and "has none": a tag test on flags is left to the API.
    expect(toFilterJson(group('and', [cond('flags', 'has_tag', 'email')]), lookup)).toBeNull();
    const back = fromFilterJson({ and: [{ field: 'city', op: 'eq', value: 'Faenza' }, flagged] }, lookup);
    expect(back?.children.map((c) => (c.kind === 'condition' ? [c.field, c.op] : null))).toEqual([
      ['city', 'eq'],
      ['flags', 'is_not_empty'],
    ]);
  });

  it('writes dates as YYYY-MM-DD or {"relative": ...} relative to now', () => {
    expect(toFilterJson(group('and', [cond('created_at', 'gte', 'rel:-30d')]), lookup)).toEqual({
      field: 'created_at',
      op: 'gte',
      value: { relative: '-30d' },
    });
    expect(toFilterJson(group('and', [cond('birthday', 'lt', '1990-01-01')]), lookup)).toEqual({
      field: 'birthday',
      op: 'lt',
      value: '1990-01-01',
    });
    expect(toFilterJson(group('and', [cond('updated_at', 'gte', 'rel:start_of_month')]), lookup)).toEqual({
      field: 'updated_at',
      op: 'gte',
      value: { relative: 'start_of_month' },
    });
  });

  it('nests or-groups and negated groups', () => {
    const root = group('and', [
      cond('country', 'eq', 'IT'),
      group('or', [cond('city', 'eq', 'Milano'), cond('city', 'eq', 'Roma')]),
      group('or', [cond('tags', 'has_tag', 'churned'), cond('kind', 'eq', 'b2b_contact')], true),
      group('and', [cond('owner_user_id', 'eq', '42')], true),
    ]);
    expect(toFilterJson(root, lookup)).toEqual({
      and: [
        { field: 'country', op: 'eq', value: 'IT' },
        {
          or: [
            { field: 'city', op: 'eq', value: 'Milano' },
            { field: 'city', op: 'eq', value: 'Roma' },
          ],
        },
        {
          not: {
            or: [
              { field: 'tags', op: 'has_tag', value: 'churned' },
              { field: 'kind', op: 'eq', value: 'b2b_contact' },
            ],
          },
        },
        { not: { field: 'owner_user_id', op: 'eq', value: '42' } },
      ],
    });
  });

  it('leaves incomplete conditions out and counts them', () => {
    const root = group('and', [
      cond('city', 'eq', ''),
      cond('custom.spend', 'gt', 'lots'),
      cond('created_at', 'gte', 'rel:-30x'),
      cond('custom.spend', 'between', '1', ''),
      cond('country', 'eq', 'PT'),
      group('or', []),
    ]);
    expect(toFilterJson(root, lookup)).toEqual({ field: 'country', op: 'eq', value: 'PT' });
    expect(incompleteCount(root, lookup)).toBe(4);
  });

  it('drops conditions on fields that no longer exist (a removed custom field)', () => {
    expect(toFilterJson(group('and', [cond('custom.gone', 'eq', 'x')]), lookup)).toBeNull();
  });
});

describe('JSON filter → builder', () => {
  it('round-trips what the builder writes', () => {
    const root = group('or', [
      cond('custom.blend', 'in', 'Arabica, Robusta'),
      group('and', [cond('created_at', 'between', '2026-01-01', 'rel:today'), cond('tags', 'is_not_empty')], true),
      cond('custom.vip', 'eq', 'false'),
    ]);
    const json = toFilterJson(root, lookup);
    const back = fromFilterJson(json, lookup);
    expect(back).not.toBeNull();
    expect(toFilterJson(back!, lookup)).toEqual(json);
  });

  it('reads the README example and an empty filter', () => {
    const back = fromFilterJson(
      {
        and: [
          { field: 'city', op: 'eq', value: 'Milano' },
          { field: 'tags', op: 'has_tag', value: 'vip' },
        ],
      },
      lookup,
    );
    expect(back?.join).toBe('and');
    expect(back?.children).toHaveLength(2);
    expect(fromFilterJson({}, lookup)?.children).toEqual([]);
    expect(fromFilterJson(null, lookup)?.children).toEqual([]);
    const negated = fromFilterJson({ not: { field: 'email', op: 'contains', value: 'luca' } }, lookup);
    expect(negated).toMatchObject({ kind: 'group', join: 'or', negate: true });
    const single = fromFilterJson({ field: 'city', op: 'starts_with', value: 'Mi' }, lookup);
    expect(single?.children[0]).toMatchObject({ field: 'city', op: 'starts_with', value: 'Mi' });
  });

  it('refuses what it cannot show rather than change its meaning', () => {
    expect(fromFilterJson({ field: 'nope', op: 'eq', value: 'x' }, lookup)).toBeNull();
    expect(fromFilterJson({ field: 'city', op: 'gt', value: 'x' }, lookup)).toBeNull();
    expect(fromFilterJson({ field: 'city', op: 'in', value: ['a,b'] }, lookup)).toBeNull();
    expect(fromFilterJson({ and: [{ field: 'city' }] }, lookup)).toBeNull();
    expect(fromFilterJson([1, 2], lookup)).toBeNull();
  });
});

describe('tree edits', () => {
  it('adds, changes and removes nodes without touching the others', () => {
    const city = fields.find((f) => f.name === 'city')!;
    const spend = fields.find((f) => f.name === 'custom.spend')!;
    let root = emptyGroup();
    const c = newCondition(city);
    root = addChild(root, root.id, c);
    const inner = emptyGroup('or');
    root = addChild(root, root.id, inner);
    root = addChild(root, inner.id, newCondition(spend));
    root = updateNode(root, c.id, (n) => ({ ...(n as ConditionNode), value: 'Roma' }));
    expect(toFilterJson(root, lookup)).toEqual({ field: 'city', op: 'eq', value: 'Roma' });
    root = removeNode(root, c.id);
    expect(root.children).toHaveLength(1);
    expect((root.children[0] as GroupNode).children).toHaveLength(1);
  });

  it('keeps the operator and value when the new field compares the same way', () => {
    const city = fields.find((f) => f.name === 'city')!;
    const email = fields.find((f) => f.name === 'email')!;
    const created = fields.find((f) => f.name === 'created_at')!;
    const c = { ...newCondition(city), op: 'contains' as const, value: 'mi' };
    expect(changeField(c, city, email)).toMatchObject({ field: 'email', op: 'contains', value: 'mi' });
    expect(changeField(c, city, created)).toMatchObject({ field: 'created_at', op: 'gte', value: '' });
  });
});
