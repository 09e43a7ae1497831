#!/usr/bin/env node
// npm run check-i18n: fails unless every i18n folder under src/ (src/app/i18n,
// src/features/<feature>/i18n, ...) has en, it, es and pt with exactly the same keys, no key is
// in two folders (and more; see i18n-keys.mjs). Each problem names the file.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll, flatten, loadBundles, loadLanguages, LANGUAGES } from './i18n-keys.mjs';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(webDir, 'src');
const problems = checkAll(webDir);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  console.error(`check-i18n: ${problems.length} problem(s) in ${LANGUAGES.join(', ')}`);
  process.exit(1);
}
const count = Object.keys(flatten(loadLanguages(srcDir).en)).length;
const folders = loadBundles(srcDir).length;
console.log(`check-i18n: ${LANGUAGES.join(', ')} agree on ${count} keys in ${folders} i18n folders`);
