/** Rewrites the generated parameter table in docs/drug-model.md from src/engine/drug/parameters.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { TABLE_END, TABLE_START, renderGeneratedDoc } from '../src/engine/drug/parameterTable.ts';

const path = new URL('../docs/drug-model.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf(TABLE_START);
const end = doc.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error('docs/drug-model.md: the table markers are missing.');
const next =
  doc.slice(0, start + TABLE_START.length) +
  '\n\n' +
  renderGeneratedDoc() +
  '\n\n' +
  doc.slice(end);
writeFileSync(path, next);
console.log('docs/drug-model.md: parameter table rewritten.');
