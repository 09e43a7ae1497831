// Checks of the interface translations, shared by `npm run check-i18n` and the unit tests. The
// strings are split by feature: every folder named i18n under src/ (src/app/i18n,
// src/features/<feature>/i18n, ...) holds one file per language, and src/i18n/index.ts merges
// them. Checked:
//  - every i18n folder has exactly the four language files;
//  - in each folder, every language file has exactly the same keys as every other;
//  - no key is defined by two folders;
//  - each translation uses the same {{placeholders}} as English;
//  - no translation is empty;
//  - a plural (i18next's "key_one" / "key_other", and "_zero", "_two", "_few", "_many" where a
//    language has them) counts as one key "key", which every language must have with at least
//    its "_one" and "_other" forms;
//  - every key the source code names literally (t('a.b'), labelKey: 'a.b') exists in English.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LANGUAGES = ['en', 'it', 'es', 'pt'];

/** {"a": {"b": "x"}} -> {"a.b": "x"} */
export function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

export function placeholders(text) {
  return [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
}

export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_RE = new RegExp(`^(.+)_(${PLURAL_FORMS.join('|')})$`);

/** "a.rows_one" -> { base: "a.rows", form: "one" }; null when the key is not a plural form. */
export function pluralForm(key) {
  const m = PLURAL_RE.exec(key);
  return m ? { base: m[1], form: m[2] } : null;
}

/**
 * The keys of a flat file as the code names them: a plural's forms ("x_one", "x_other") are one
 * key "x". Returns Map(key -> Set of plural forms, empty for a plain key).
 */
export function logicalKeys(flat) {
  const keys = new Map();
  for (const key of Object.keys(flat)) {
    const p = pluralForm(key);
    const name = p ? p.base : key;
    if (!keys.has(name)) keys.set(name, new Set());
    if (p) keys.get(name).add(p.form);
  }
  return keys;
}

/**
 * Problems found comparing the language files; an empty list means they agree. `label` names a
 * language's file in the messages (default: the language).
 */
export function compareLanguages(files, label = (lang) => lang) {
  const problems = [];
  const flat = Object.fromEntries(Object.entries(files).map(([lang, json]) => [lang, flatten(json)]));
  const logical = Object.fromEntries(Object.entries(flat).map(([lang, f]) => [lang, logicalKeys(f)]));
  const all = new Set(Object.values(logical).flatMap((k) => [...k.keys()]));
  const plural = new Set(
    Object.values(logical).flatMap((k) => [...k.entries()].filter(([, forms]) => forms.size).map(([key]) => key)),
  );
  for (const [lang, f] of Object.entries(flat)) {
    const keys = logical[lang];
    for (const key of all) {
      if (!keys.has(key)) problems.push(`${label(lang)}: missing key "${key}"`);
      else if (plural.has(key)) {
        if (key in f)
          problems.push(`${label(lang)}: "${key}" is a plural elsewhere: write it as "${key}_one" and "${key}_other"`);
        for (const form of ['one', 'other']) {
          if (!keys.get(key).has(form)) problems.push(`${label(lang)}: plural "${key}" lacks its form "${key}_${form}"`);
        }
      }
    }
    for (const [key, value] of Object.entries(f)) {
      if (typeof value !== 'string') problems.push(`${label(lang)}: "${key}" is not a string`);
      else if (!value.trim()) problems.push(`${label(lang)}: "${key}" is empty`);
    }
  }
  const en = flat.en ?? {};
  for (const [lang, f] of Object.entries(flat)) {
    if (lang === 'en') continue;
    for (const [key, value] of Object.entries(f)) {
      // A plural form is compared with the same form in English, else with English's "_other".
      const p = pluralForm(key);
      const enKey = key in en ? key : p && `${p.base}_other` in en ? `${p.base}_other` : null;
      if (!enKey) continue;
      const want = placeholders(en[enKey]).join(',');
      const got = placeholders(value).join(',');
      if (want !== got) problems.push(`${label(lang)}: "${key}" has placeholders [${got}] but English has [${want}]`);
    }
  }
  return problems;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Keys the source names literally, and prefixes of keys it builds (`roles.${r}` -> "roles"). */
export function keysUsedInSource(srcDir) {
  const literal = new Set();
  const prefixes = new Set();
  for (const file of walk(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) literal.add(m[1]);
    for (const m of text.matchAll(/labelKey:\s*'([^']+)'/g)) literal.add(m[1]);
    for (const m of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) prefixes.add(m[1].replace(/\.$/, ''));
  }
  return { literal: [...literal].sort(), prefixes: [...prefixes].sort() };
}

export function checkUsedKeys(en, used) {
  const flat = flatten(en);
  // A plural is named without its form: t('imports.badRows', { count }) reads "imports.badRows_one"...
  for (const key of logicalKeys(flat).keys()) if (!(key in flat)) flat[key] = key;
  const problems = [];
  for (const key of used.literal) {
    if (!(key in flat)) problems.push(`en: the code uses "${key}", which is not translated`);
  }
  for (const prefix of used.prefixes) {
    if (!prefix) continue;
    if (!Object.keys(flat).some((k) => k.startsWith(`${prefix}.`))) {
      problems.push(`en: the code builds keys under "${prefix}.", which has none`);
    }
  }
  return problems;
}

/** The i18n folders under `srcDir`: [{ dir (relative to srcDir's parent), files: { lang: json }, problems }]. */
export function loadBundles(srcDir) {
  const bundles = [];
  const visit = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) continue;
      if (name === 'i18n' && readdirSync(path).some((f) => f.endsWith('.json'))) bundles.push(loadBundle(srcDir, path));
      visit(path);
    }
  };
  visit(srcDir);
  return bundles;
}

function loadBundle(srcDir, path) {
  const dir = relative(join(srcDir, '..'), path).split('\\').join('/');
  const files = {};
  const problems = [];
  for (const name of readdirSync(path).filter((f) => f.endsWith('.json'))) {
    const lang = name.slice(0, -'.json'.length);
    if (!LANGUAGES.includes(lang)) problems.push(`${dir}/${name}: not a language of the interface (${LANGUAGES.join(', ')})`);
  }
  for (const lang of LANGUAGES) {
    const file = join(path, `${lang}.json`);
    try {
      files[lang] = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(e.code === 'ENOENT' ? `${dir}/${lang}.json is missing` : `${dir}/${lang}.json: ${e.message}`);
    }
  }
  return { dir, files, problems };
}

/** Keys defined by more than one folder (the merge would keep only one of them). */
export function duplicateKeys(bundles) {
  const problems = [];
  for (const lang of LANGUAGES) {
    const owner = new Map();
    for (const b of bundles) {
      for (const key of Object.keys(flatten(b.files[lang] ?? {}))) {
        if (owner.has(key)) problems.push(`${lang}: "${key}" is in both ${owner.get(key)} and ${b.dir}`);
        else owner.set(key, b.dir);
      }
    }
  }
  return problems;
}

/** {"a": {"b": "x"}} and {"a": {"c": "y"}} -> {"a": {"b": "x", "c": "y"}} (as src/i18n/index.ts merges). */
export function mergeObjects(into, from) {
  for (const [key, value] of Object.entries(from)) {
    const have = into[key];
    const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);
    if (isObject(value) && isObject(have)) mergeObjects(have, value);
    else into[key] = isObject(value) ? mergeObjects({}, value) : value;
  }
  return into;
}

/** Every language's folders merged: { lang: json }, as the interface loads them. */
export function loadLanguages(srcDir) {
  const bundles = loadBundles(srcDir);
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, bundles.reduce((out, b) => mergeObjects(out, b.files[lang] ?? {}), {})]),
  );
}

/** Everything `npm run check-i18n` checks, for the web/ folder given. */
export function checkAll(webDir) {
  const srcDir = join(webDir, 'src');
  const bundles = loadBundles(srcDir);
  const problems = [];
  if (bundles.length === 0) problems.push('no i18n folders under src/');
  for (const b of bundles) {
    problems.push(...b.problems);
    problems.push(...compareLanguages(b.files, (lang) => `${b.dir}/${lang}.json`));
  }
  problems.push(...duplicateKeys(bundles));
  const en = loadLanguages(srcDir).en;
  return [...problems, ...checkUsedKeys(en, keysUsedInSource(srcDir))];
}
