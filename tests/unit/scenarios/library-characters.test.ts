/**
 * A trainee who plays several scenarios meets different people: no surname (of a patient or of a
 * named doctor) appears in more than one bundled scenario, so two characters never share one by
 * accident, and the patients are not all of one gender or age band. The visits of one course share
 * their patient, and so count as one scenario here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, patientGroupOf, shippedScenarioFiles } from '../session/fixtures.ts';

const files = shippedScenarioFiles();

/** The surnames a scenario names: its patient's and every "Dr Name" in its text. */
function surnames(file: string): Set<string> {
  const s = loadScenarioFile(file);
  const doctors = [...readFileSync(file, 'utf8').matchAll(/\bDr\.? ([A-Z][a-z]+)/g)].map(
    (m) => m[1]!,
  );
  return new Set([s.patient.name.split(' ').pop()!, ...doctors]);
}

describe('the library', () => {
  it('uses each surname in one scenario only', () => {
    const groupOf = patientGroupOf();
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of files) {
      const name = groupOf(file);
      for (const surname of surnames(file)) {
        const other = seen.get(surname);
        if (other && other !== name) clashes.push(`${surname}: ${other} and ${name}`);
        else seen.set(surname, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has patients of more than one gender, and one over 60', () => {
    const patients = files.map((f) => loadScenarioFile(f).patient);
    expect(new Set(patients.map((p) => p.pronouns)).size).toBeGreaterThan(1);
    expect(patients.some((p) => p.age > 60)).toBe(true);
  });
});
