import { describe, expect, it } from 'vitest';
import { contactRowsOut, customValueOut, initialState, parseLocaleNumber, shownErrorKeys, toWrite } from './formModel';
import type { CustomField, CustomerRecord } from './types';

const def = (key: string, type: CustomField['type'], extra: Partial<CustomField> = {}): CustomField => ({
  key,
  label: key,
  type,
  options: [],
  currency: null,
  required: false,
  entity_type: 'company',
  created_at: 0,
  ...extra,
});

const defs = [
  def('budget', 'money', { currency: 'EUR' }),
  def('employees', 'number'),
  def('vip', 'boolean'),
  def('blends', 'multi_select', { options: ['arabica', 'robusta'] }),
  def('since', 'date'),
];

const company: CustomerRecord = {
  id: '42',
  type: 'company',
  fields: { legal_name: 'Torrefazione Rossi S.r.l.', country: 'IT', vat_id: '00743110157', city: 'Milano', market: 'b2b' },
  custom: { budget: 1500.5, vip: true, blends: ['arabica'] },
  tags: ['horeca'],
  owner_user_id: '7',
  team_id: null,
  created_at: 1,
  updated_at: 2,
};

describe('parseLocaleNumber', () => {
  it('reads numbers as typed in English, Italian, Spanish and Portuguese', () => {
    expect(parseLocaleNumber('1234.5')).toBe(1234.5);
    expect(parseLocaleNumber('1234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1.234,56')).toBe(1234.56);
    expect(parseLocaleNumber('1,234.56')).toBe(1234.56);
    expect(parseLocaleNumber('1 234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1,234,567')).toBe(1234567);
    expect(parseLocaleNumber('-3')).toBe(-3);
  });
  it('says null for what is not a number', () => {
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('abc')).toBeNull();
    expect(parseLocaleNumber('12abc')).toBeNull();
  });
});

describe('customValueOut', () => {
  it('converts by type and keeps text that is not a number as typed', () => {
    expect(customValueOut(defs[0], '1.500,50')).toBe(1500.5);
    expect(customValueOut(defs[1], 'many')).toBe('many');
    expect(customValueOut(defs[2], 'false')).toBe(false);
    expect(customValueOut(defs[2], '')).toBeNull();
    expect(customValueOut(defs[3], [])).toBeNull();
    expect(customValueOut(defs[3], ['robusta'])).toEqual(['robusta']);
    expect(customValueOut(defs[4], ' 2024-02-29 ')).toBe('2024-02-29');
  });
});

describe('toWrite', () => {
  it('sends only what was filled in on create, with the creator as owner', () => {
    const s = initialState('company', defs, null, { owner_user_id: '7' });
    s.fields.legal_name = '  Caffè Nero S.p.A. ';
    s.fields.country = 'IT';
    s.fields.vat_id = '00743110157';
    s.custom.employees = '12';
    s.custom.blends = ['arabica', 'robusta'];
    s.tags = ['horeca', 'milano'];
    expect(toWrite('company', defs, s)).toEqual({
      fields: { legal_name: 'Caffè Nero S.p.A.', country: 'IT', vat_id: '00743110157' },
      custom: { employees: 12, blends: ['arabica', 'robusta'] },
      tags: ['horeca', 'milano'],
      owner_user_id: '7',
    });
  });

  it('sends only the changes on edit, null for what was cleared', () => {
    const s = initialState('company', defs, company);
    expect(s.fields.vat_id).toBe('00743110157');
    expect(s.custom.budget).toBe('1500.5');
    expect(s.custom.vip).toBe('true');
    expect(toWrite('company', defs, s, company)).toEqual({});

    s.fields.city = '';
    s.fields.trade_name = 'Rossi Caffè';
    s.custom.budget = '1500,50'; // the same number, typed the Italian way
    s.custom.vip = '';
    s.custom.blends = ['arabica'];
    s.tags = ['horeca', 'vip'];
    s.team_id = '3';
    s.data_kind = 'zero_party';
    expect(toWrite('company', defs, s, company)).toEqual({
      fields: { city: null, trade_name: 'Rossi Caffè' },
      custom: { vip: null },
      tags: ['horeca', 'vip'],
      team_id: '3',
      source: { data_kind: 'zero_party' },
    });
  });

  it('clears the owner with null', () => {
    const s = initialState('company', defs, company);
    s.owner_user_id = '';
    expect(toWrite('company', defs, s, company)).toEqual({ owner_user_id: null });
  });

  it('names every error key the form shows beside an input', () => {
    const s = initialState('person', [def('blend', 'text', { entity_type: 'person' })]);
    s.tags = ['a', 'b'];
    const keys = shownErrorKeys('person', [def('blend', 'text')], s);
    expect(keys).toContain('fields.last_name');
    expect(keys).toContain('fields.buyer_company_id');
    expect(keys).toContain('custom.blend');
    expect(keys).toContain('tags.1');
    expect(keys).toContain('owner_user_id');
  });
});

describe('other emails and phones in the form', () => {
  const person: CustomerRecord = {
    id: '5',
    type: 'person',
    fields: { first_name: 'Rui', last_name: 'Costa', other_emails: [{ label: 'work', value: 'rui@work.pt' }] },
    custom: {},
    tags: [],
    owner_user_id: null,
    team_id: null,
    created_at: 1,
    updated_at: 2,
  } as unknown as CustomerRecord;

  it('starts from the stored entries and sends only a changed list, null when emptied', () => {
    const state = initialState('person', [], person);
    expect(state.lists.other_emails).toEqual([{ label: 'work', value: 'rui@work.pt' }]);
    expect(state.lists.other_phones).toEqual([]);
    expect(toWrite('person', [], state, person).fields).toBeUndefined();
    const added = {
      ...state,
      lists: {
        ...state.lists,
        other_phones: [
          { label: 'mobile', value: ' 333 123 4567 ' },
          { label: 'home', value: '' },
        ],
      },
    };
    expect(toWrite('person', [], added, person).fields).toEqual({
      other_phones: [{ label: 'mobile', value: '333 123 4567' }],
    });
    const emptied = { ...state, lists: { ...state.lists, other_emails: [] } };
    expect(toWrite('person', [], emptied, person).fields).toEqual({ other_emails: null });
  });

  it("maps the server's entry index to the row on screen, skipping rows left empty", () => {
    const { list, sentIndex } = contactRowsOut([
      { label: 'work', value: '' },
      { label: '', value: 'a@b.it' },
    ]);
    expect(list).toEqual([{ label: 'other', value: 'a@b.it' }]);
    expect(sentIndex).toEqual([-1, 0]);
    const state = initialState('person', [], person);
    expect(shownErrorKeys('person', [], state)).toContain('fields.other_emails.0.value');
  });
});
