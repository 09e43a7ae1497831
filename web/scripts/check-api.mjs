#!/usr/bin/env node
// npm run check:api [-- <openapi.json> | -]: fails when the committed src/api/schema.gen.ts is not
// what the OpenAPI document generates (the document changed and `npm run gen:api` was not run).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate, OUTPUT, readInput, webDir } from './api-schema.mjs';

let input;
try {
  input = await readInput(process.argv[2]);
  input.ts = await generate(input.text, input.name);
} catch (e) {
  console.error(`check:api: ${e.message}`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'rapport-check-api-'));
try {
  const fresh = join(dir, 'schema.gen.ts');
  writeFileSync(fresh, input.ts);
  const want = readFileSync(fresh, 'utf8');
  const name = relative(webDir, OUTPUT);
  const have = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : null;
  if (have !== want) {
    console.error(`check:api: ${name} is stale: it is not what ${input.name} generates.`);
    if (have === null) console.error(`  ${name} is missing.`);
    else {
      const a = have.split('\n');
      const b = want.split('\n');
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      console.error(`  first difference at line ${i + 1}:`);
      console.error(`    committed: ${a[i] ?? '(end of file)'}`);
      console.error(`    generated: ${b[i] ?? '(end of file)'}`);
    }
    console.error('  Run `cd web && npm run gen:api` and commit the result (with the document change).');
    process.exit(1);
  }
  console.log(`check:api: ${name} is up to date with ${input.name}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
