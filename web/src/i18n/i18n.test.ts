import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll, compareLanguages, flatten, placeholders } from '../../scripts/i18n-keys.mjs';
import en from './en.json';
import it_ from './it.json';
import es from './es.json';
import pt from './pt.json';
import { toLanguage } from './index';
import { KNOWN_ACTIONS } from '../features/settings/audit/AuditPage';
import { ROLES, SCOPES, TEAM_KINDS, SALES_ROLES } from '../api/types';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('translations', () => {
  it('have exactly the same keys, placeholders and no empty strings in en, it, es, pt', () => {
    expect(compareLanguages({ en, it: it_, es, pt })).toEqual([]);
  });

  it('cover every key the code uses (npm run check-i18n)', () => {
    expect(checkAll(webDir)).toEqual([]);
  });

  it('notice a missing key, an extra key and a changed placeholder', () => {
    const broken = JSON.parse(JSON.stringify(it_));
    delete broken.common.save;
    broken.common.extra = 'in più';
    broken.home.title = 'Benvenuto, {{nome}}';
    const problems = compareLanguages({ en, it: broken });
    expect(problems).toContain('it: missing key "common.save"');
    expect(problems).toContain('en: missing key "common.extra"');
    expect(problems.some((p) => p.startsWith('it: "home.title" has placeholders [nome]'))).toBe(true);
  });

  it('name every role, scope, team kind, sales role and audit action', () => {
    const flat = flatten(en);
    for (const r of ROLES) expect(flat[`roles.${r}`]).toBeTruthy();
    for (const r of ROLES) expect(flat[`roles.describe.${r}`]).toBeTruthy();
    for (const s of SCOPES) expect(flat[`scopes.${s}`]).toBeTruthy();
    for (const k of TEAM_KINDS) expect(flat[`teamKinds.${k}`]).toBeTruthy();
    for (const k of TEAM_KINDS) expect(flat[`teamKinds.describe.${k}`]).toBeTruthy();
    for (const s of SALES_ROLES) expect(flat[`salesRoles.${s}`]).toBeTruthy();
    for (const a of KNOWN_ACTIONS) expect(flat[`audit.actions.${a.replace(/\./g, '_')}`]).toBeTruthy();
  });

  it('are really translated (not copies of English)', () => {
    const e = flatten(en);
    for (const [lang, file] of Object.entries({ it: it_, es, pt })) {
      const f = flatten(file);
      const same = Object.keys(e).filter((k) => e[k] === f[k]);
      // Names such as "Email", "Marketing", "Hunter" may stay; most text must differ.
      expect(same.length, `${lang} has ${same.length} strings identical to English: ${same.join(', ')}`).toBeLessThan(
        Object.keys(e).length * 0.1,
      );
    }
  });

  it('finds placeholders', () => {
    expect(placeholders('Hi {{name}}, {{ n }}')).toEqual(['n', 'name']);
  });
});

describe('language choice', () => {
  it('maps browser tags to interface languages', () => {
    expect(toLanguage('pt-BR')).toBe('pt');
    expect(toLanguage('it_IT')).toBe('it');
    expect(toLanguage('ES')).toBe('es');
    expect(toLanguage('de-DE')).toBeNull();
    expect(toLanguage(null)).toBeNull();
  });
});
