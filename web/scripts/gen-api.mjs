#!/usr/bin/env node
// npm run gen:api [-- <openapi.json> | -]: writes src/api/schema.gen.ts from the OpenAPI document
// (see api-schema.mjs for the default input).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generate, OUTPUT, readInput, webDir } from './api-schema.mjs';

let input;
try {
  input = await readInput(process.argv[2]);
  input.ts = await generate(input.text, input.name);
} catch (e) {
  console.error(`gen:api: ${e.message}`);
  process.exit(2);
}
writeFileSync(OUTPUT, input.ts);
console.log(`gen:api: ${relative(webDir, OUTPUT)} generated from ${input.name}`);
