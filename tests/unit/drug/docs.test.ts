/** docs/drug-model.md shows the same parameters as the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TABLE_END,
  TABLE_START,
  renderGeneratedDoc,
} from '../../../src/engine/drug/parameterTable.ts';

const doc = readFileSync(new URL('../../../docs/drug-model.md', import.meta.url), 'utf8');

describe('docs/drug-model.md', () => {
  it('has the parameter table generated from parameters.ts (npx tsx scripts/write-drug-parameters.ts)', () => {
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(doc.slice(start + TABLE_START.length, end).trim()).toBe(renderGeneratedDoc());
  });

  it('is linked from the session rules', () => {
    const rules = readFileSync(new URL('../../../docs/session-rules.md', import.meta.url), 'utf8');
    expect(rules).toContain('(drug-model.md)');
  });
});
