import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, standardById, standardTitle } from '../../../src/engine/standards/catalogue.ts';
import { meetsFloor, penaltyOf } from '../../../src/engine/standards/floor.ts';
import { Catalogue } from '../../../src/engine/standards/schema.ts';
// Registers the 'uri' string format the scenario validator also uses.
import '../../../src/engine/format/schema-check.ts';
import { renderStandardsDoc, standardsSchemaText } from '../../../scripts/write-standards-doc.ts';

const root = new URL('../../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

describe('standards/kap-practice.json', () => {
  it('matches the catalogue schema', () => {
    const raw = JSON.parse(read('standards/kap-practice.json')) as unknown;
    expect([...Value.Errors(Catalogue, raw)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
  });

  it('has unique standard ids, each in a declared competency', () => {
    const ids = CATALOGUE.standards.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const competencies = new Set(CATALOGUE.competencies.map((c) => c.id));
    for (const s of CATALOGUE.standards) expect(competencies, s.id).toContain(s.competency);
  });

  it('covers the rules every scenario must grade alike, each with a source', () => {
    const required: [string, string][] = [
      ['consent-abuse-risk-honest', 'critical'],
      ['observe-dosed-patient', 'critical'],
      ['records-truthful', 'critical'],
      ['no-driving-day-of-dosing', 'critical'],
      ['discharge-by-criteria', 'critical'],
      ['bp-hard-stop', 'critical'],
      ['touch-consent-before-dosing', 'critical'],
      ['medication-on-order', 'critical'],
      ['suicide-risk-asked', 'major'],
      ['non-directive-stance', 'minor'],
    ];
    for (const [id, floor] of required) {
      const s = standardById(id);
      expect(s?.floor, id).toBe(floor);
      expect(
        s!.sources.some((src) => src.strength !== 'clinical-judgement'),
        id,
      ).toBe(true);
    }
  });

  it('looks ids up without the object prototype', () => {
    expect(standardById('constructor')).toBeUndefined();
    expect(standardById('toString')).toBeUndefined();
    expect(standardTitle('toString')).toBe('toString');
  });
});

describe('severity floors', () => {
  it('adds up only negative points', () => {
    expect(penaltyOf({ safety: -2, alliance: -1, setting: 4 })).toBe(3);
    expect(penaltyOf(undefined)).toBe(0);
  });

  it('needs a critical error for a critical standard, whatever the points', () => {
    expect(meetsFloor('critical', { points: { safety: -10 } })).toBe(false);
    expect(meetsFloor('critical', { critical: { explanation: 'x' } })).toBe(true);
  });

  it('needs a penalty of 3 for major and 1 for minor', () => {
    expect(meetsFloor('major', { points: { safety: -2, consent: 2 } })).toBe(false);
    expect(meetsFloor('major', { points: { safety: -2, consent: -1 } })).toBe(true);
    expect(meetsFloor('minor', { points: { presence: 0 } })).toBe(false);
    expect(meetsFloor('minor', { points: { presence: -1 } })).toBe(true);
  });
});

describe('generated files', () => {
  it('standards/standards.schema.json is up to date (npm run docs:standards)', () => {
    expect(read('standards/standards.schema.json')).toBe(standardsSchemaText());
  });

  it('docs/standards.md is up to date and lists every standard with its rule', () => {
    const doc = read('docs/standards.md');
    expect(doc).toBe(renderStandardsDoc());
    for (const s of CATALOGUE.standards) {
      expect(doc).toContain(`### ${s.id}`);
      expect(doc).toContain(s.rule);
    }
  });
});
