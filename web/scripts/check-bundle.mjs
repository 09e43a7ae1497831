#!/usr/bin/env node
// npm run check-bundle (after npm run build): the first download — index.html and what it
// loads at once (entry script, module preloads, stylesheets) — must stay under the budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = Number(process.env.RAPPORT_BUNDLE_BUDGET_KB ?? 300);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('check-bundle: dist/index.html is missing; run npm run build first');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');
const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
let total = gz(Buffer.from(html));
for (const a of new Set(assets)) {
  const size = gz(readFileSync(join(dist, a)));
  total += size;
  console.log(`  ${a}  ${(size / 1024).toFixed(1)} kB gzip`);
}
const kb = total / 1024;
console.log(`check-bundle: initial download ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (kb > BUDGET_KB) process.exit(1);
