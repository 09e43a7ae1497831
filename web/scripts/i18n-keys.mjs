// Checks of the interface translations (src/i18n/*.json), shared by `npm run check-i18n`
// and the unit tests:
//  - every language file has exactly the same keys as every other;
//  - each translation uses the same {{placeholders}} as English;
//  - no translation is empty;
//  - every key the source code names literally (t('a.b'), labelKey: 'a.b') exists in English.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** Problems found comparing the language files; an empty list means they agree. */
export function compareLanguages(files) {
  const problems = [];
  const flat = Object.fromEntries(Object.entries(files).map(([lang, json]) => [lang, flatten(json)]));
  const all = new Set(Object.values(flat).flatMap((f) => Object.keys(f)));
  for (const [lang, f] of Object.entries(flat)) {
    for (const key of all) {
      if (!(key in f)) problems.push(`${lang}: missing key "${key}"`);
    }
    for (const [key, value] of Object.entries(f)) {
      if (typeof value !== 'string') problems.push(`${lang}: "${key}" is not a string`);
      else if (!value.trim()) problems.push(`${lang}: "${key}" is empty`);
    }
  }
  const en = flat.en ?? {};
  for (const [lang, f] of Object.entries(flat)) {
    if (lang === 'en') continue;
    for (const [key, value] of Object.entries(f)) {
      if (!(key in en)) continue;
      const want = placeholders(en[key]).join(',');
      const got = placeholders(value).join(',');
      if (want !== got) problems.push(`${lang}: "${key}" has placeholders [${got}] but English has [${want}]`);
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

export function loadLanguages(dir) {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8'))]));
}

/** Everything `npm run check-i18n` checks, for the web/ folder given. */
export function checkAll(webDir) {
  const files = loadLanguages(join(webDir, 'src', 'i18n'));
  return [...compareLanguages(files), ...checkUsedKeys(files.en, keysUsedInSource(join(webDir, 'src')))];
}
