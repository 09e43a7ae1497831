import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkAll,
  checkUsedKeys,
  compareLanguages,
  duplicateKeys,
  flatten,
  loadBundles,
  loadLanguages,
  placeholders,
} from '../../scripts/i18n-keys.mjs';
import { LANGUAGES, loadResources, mergeResources, toLanguage } from './index';
import { KNOWN_ACTIONS } from '../features/audit/AuditPage';
import { ROLES, SCOPES, TEAM_KINDS, SALES_ROLES } from '../api/types';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const srcDir = join(webDir, 'src');
// Every feature's i18n/<lang>.json merged, as the check reads them from disk.
const { en, it: it_, es, pt } = loadLanguages(srcDir);

describe('translation files per feature', () => {
  it('are merged by the app into exactly what the check reads, for every language', async () => {
    for (const lang of LANGUAGES) expect(await loadResources(lang)).toEqual(loadLanguages(srcDir)[lang]);
  });

  it('come from the app and every feature folder, each with its own keys', () => {
    const dirs = loadBundles(srcDir).map((b) => b.dir);
    expect(dirs).toContain('src/app/i18n');
    for (const f of ['customers', 'duplicates', 'filters', 'home', 'imports', 'search', 'segments', 'settings']) {
      expect(dirs).toContain(`src/features/${f}/i18n`);
    }
    const flat = flatten(en);
    expect(flat['common.save']).toBeTruthy(); // src/app/i18n
    expect(flat['imports.title']).toBeTruthy(); // src/features/imports/i18n
    expect(duplicateKeys(loadBundles(srcDir))).toEqual([]);
  });

  it('merge deeply, later folders adding to earlier ones', () => {
    const merged = mergeResources({
      'b/i18n/en.json': { a: { c: 'y' }, d: 'z' },
      'a/i18n/en.json': { a: { b: 'x' } },
    });
    expect(merged).toEqual({ a: { b: 'x', c: 'y' }, d: 'z' });
  });

  it('name the file that lacks a key and a key that two folders define', () => {
    const label = (lang: string) => `src/features/x/i18n/${lang}.json`;
    expect(compareLanguages({ en: { x: { a: 'A', b: 'B' } }, pt: { x: { a: 'Á' } } }, label)).toEqual([
      'src/features/x/i18n/pt.json: missing key "x.b"',
    ]);
    const bundle = (dir: string, json: Record<string, unknown>) => ({
      dir,
      files: { en: json, it: json, es: json, pt: json },
      problems: [],
    });
    expect(duplicateKeys([bundle('src/a/i18n', { k: { v: 'A' } }), bundle('src/b/i18n', { k: { v: 'B' } })])).toContain(
      'en: "k.v" is in both src/a/i18n and src/b/i18n',
    );
  });
});

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

describe('plural keys (i18next "_one" / "_other")', () => {
  it('count as one key that every language has in both forms', () => {
    const files = {
      en: { a: { rows_one: '{{n}} row', rows_other: '{{n}} rows' } },
      it: { a: { rows_one: '{{n}} riga', rows_other: '{{n}} righe', rows_many: '{{n}} di righe' } },
      es: { a: { rows_other: '{{n}} filas' } },
      pt: { a: { rows: '{{n}} linha(s)' } },
    };
    expect(compareLanguages(files)).toEqual([
      'es: plural "a.rows" lacks its form "a.rows_one"',
      'pt: "a.rows" is a plural elsewhere: write it as "a.rows_one" and "a.rows_other"',
      'pt: plural "a.rows" lacks its form "a.rows_one"',
      'pt: plural "a.rows" lacks its form "a.rows_other"',
    ]);
  });

  it('compare each form’s placeholders with English', () => {
    const files = {
      en: { rows_one: '{{n}} row', rows_other: '{{n}} rows' },
      it: { rows_one: 'una riga', rows_other: '{{count}} righe', rows_many: '{{n}} di righe' },
    };
    expect(compareLanguages(files)).toEqual([
      'it: "rows_one" has placeholders [] but English has [n]',
      'it: "rows_other" has placeholders [count] but English has [n]',
    ]);
  });

  it('are found when the code names them without the form', () => {
    expect(checkUsedKeys({ a: { rows_one: 'x', rows_other: 'y' } }, { literal: ['a.rows'], prefixes: [] })).toEqual([]);
    expect(checkUsedKeys({ a: { rows_one: 'x' } }, { literal: ['a.row'], prefixes: [] })).toEqual([
      'en: the code uses "a.row", which is not translated',
    ]);
  });
});
