#!/usr/bin/env node
// npm run check-i18n: fails unless en, it, es and pt have exactly the same keys (and more; see
// i18n-keys.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll, flatten, loadLanguages, LANGUAGES } from './i18n-keys.mjs';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = checkAll(webDir);
const count = Object.keys(flatten(loadLanguages(join(webDir, 'src', 'i18n')).en)).length;
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  console.error(`check-i18n: ${problems.length} problem(s) in ${LANGUAGES.join(', ')}`);
  process.exit(1);
}
console.log(`check-i18n: ${LANGUAGES.join(', ')} agree on ${count} keys`);
