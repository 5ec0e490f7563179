import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';

const infusion = readFileSync(
  new URL('../../fixtures/engine/visit/infusion-pause.json', import.meta.url),
  'utf8',
);

describe('format 2: what drives the drug', () => {
  it('a dosing visit needs a weight (the drug model) or a hand-set time course', () => {
    expect(validate(infusion).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = JSON.parse(infusion);
    delete doc.patient.weightKg;
    const errors = validate(JSON.stringify(doc)).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.path])).toEqual([['NO_DRUG_COURSE', '/protocol']]);
  });
});
