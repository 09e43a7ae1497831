import { describe, expect, it } from 'vitest';
import { addAffiliation, makePrimary, normalise, removeAffiliation, safeReturnPath, setJobTitle } from './affiliations';

const a = (company_id: string, job_title = '', is_primary = false) => ({ company_id, job_title, is_primary });

describe('affiliations', () => {
  it('makes the first company primary when none is', () => {
    expect(addAffiliation([], '7', ' CEO ')).toEqual([a('7', 'CEO', true)]);
    expect(normalise([a('1'), a('2')])).toEqual([a('1', '', true), a('2')]);
  });

  it('keeps one primary and one entry per company', () => {
    expect(normalise([a('1', 'x', true), a('2', 'y', true), a('1', 'z')])).toEqual([a('1', 'x', true), a('2', 'y')]);
  });

  it('adds after the existing ones without moving the primary', () => {
    expect(addAffiliation([a('1', 'CEO', true)], '2', 'Advisor')).toEqual([a('1', 'CEO', true), a('2', 'Advisor')]);
  });

  it('adding a company already there changes its title', () => {
    expect(addAffiliation([a('1', 'CEO', true)], '1', 'CFO')).toEqual([a('1', 'CFO', true)]);
  });

  it('edits a job title', () => {
    expect(setJobTitle([a('1', 'CEO', true), a('2', 'x')], '2', 'Buyer')).toEqual([a('1', 'CEO', true), a('2', 'Buyer')]);
  });

  it('removing the primary promotes the next one', () => {
    expect(removeAffiliation([a('1', 'CEO', true), a('2', 'x')], '1')).toEqual([a('2', 'x', true)]);
    expect(removeAffiliation([a('1', 'CEO', true)], '1')).toEqual([]);
  });

  it('moves the primary marker', () => {
    expect(makePrimary([a('1', '', true), a('2')], '2')).toEqual([a('1'), a('2', '', true)]);
  });

  it('returns only to a path of this app', () => {
    expect(safeReturnPath('/companies/3')).toBe('/companies/3');
    expect(safeReturnPath('//evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });
});
