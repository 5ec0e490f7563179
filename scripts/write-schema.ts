/**
 * Writes scenarios/scenario.schema.json from the TypeBox source of truth.
 * With --check, writes nothing and exits 1 when the file is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { publishedSchemaText } from '../src/engine/format/json-schema.ts';

const target = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
const expected = publishedSchemaText();

if (process.argv.includes('--check')) {
  const actual = await readFile(target, 'utf8').catch(() => '');
  if (actual !== expected) {
    console.error('scenarios/scenario.schema.json is out of date: run `npm run schema`.');
    process.exit(1);
  }
  console.log('scenarios/scenario.schema.json is up to date.');
} else {
  await writeFile(target, expected);
  console.log('Wrote scenarios/scenario.schema.json.');
}
