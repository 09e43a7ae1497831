import { describe, expect, it } from 'vitest';
import {
  availableColumns,
  DEFAULT_COLUMNS,
  loadView,
  loadViewFilter,
  moveColumn,
  resetView,
  saveView,
  saveViewFilter,
  storageKey,
  toggleColumn,
} from './views';
import type { CustomField } from './types';

const blend: CustomField = {
  key: 'blend',
  label: 'Blend',
  type: 'text',
  options: [],
  currency: null,
  required: false,
  entity_type: 'company',
  created_at: 0,
};

describe('saved views', () => {
  it('offers built-in fields (not the name), custom fields, tags, owner, team and dates', () => {
    const cols = availableColumns('company', [blend]);
    expect(cols).not.toContain('field:legal_name');
    expect(cols).toContain('field:vat_id');
    expect(cols).toContain('custom:blend');
    expect(cols.slice(-5)).toEqual(['tags', 'owner', 'team', 'created_at', 'updated_at']);
    expect(availableColumns('person', [])).not.toContain('field:first_name');
  });

  it('starts with the default and keeps the choice in localStorage', () => {
    const available = availableColumns('company', [blend]);
    expect(loadView('company', available)).toEqual(DEFAULT_COLUMNS.company);
    saveView('company', ['custom:blend', 'field:vat_id']);
    expect(JSON.parse(localStorage.getItem(storageKey('company')) ?? '{}')).toEqual({
      version: 1,
      columns: ['custom:blend', 'field:vat_id'],
    });
    expect(loadView('company', available)).toEqual(['custom:blend', 'field:vat_id']);
    // A custom field that was removed drops out of the view.
    expect(loadView('company', availableColumns('company', []))).toEqual(['field:vat_id']);
    resetView('company');
    expect(loadView('company', available)).toEqual(DEFAULT_COLUMNS.company);
  });

  it('survives a broken or older saved view', () => {
    localStorage.setItem(storageKey('person'), '{not json');
    expect(loadView('person', availableColumns('person', []))).toEqual(DEFAULT_COLUMNS.person);
    localStorage.setItem(storageKey('person'), JSON.stringify({ version: 0, columns: ['tags'] }));
    expect(loadView('person', availableColumns('person', []))).toEqual(DEFAULT_COLUMNS.person);
  });

  it('keeps the filter beside the columns; each survives changes to the other', () => {
    localStorage.removeItem(storageKey('person'));
    const available = availableColumns('person', []);
    const filter = { field: 'city', op: 'eq', value: 'Milano' };
    expect(loadViewFilter('person')).toBeNull();
    saveViewFilter('person', filter);
    expect(loadViewFilter('person')).toEqual(filter);
    expect(loadView('person', available)).toEqual(DEFAULT_COLUMNS.person);
    saveView('person', ['tags']);
    expect(loadViewFilter('person')).toEqual(filter);
    resetView('person');
    expect(loadViewFilter('person')).toEqual(filter);
    expect(loadView('person', available)).toEqual(DEFAULT_COLUMNS.person);
    saveView('person', ['tags']);
    saveViewFilter('person', null);
    expect(loadViewFilter('person')).toBeNull();
    expect(loadView('person', available)).toEqual(['tags']);
    resetView('person');
    expect(localStorage.getItem(storageKey('person'))).toBeNull();
  });

  it('shows, hides and moves columns', () => {
    expect(toggleColumn(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggleColumn(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(moveColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });
});
