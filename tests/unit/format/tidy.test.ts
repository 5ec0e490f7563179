/**
 * tidy: the written values the format implies are removed with minimal edits, and the file reads
 * as the same scenario afterwards (the bundled scenarios and the template are checked whether or
 * not they are tidy already, by first writing every implied value out).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/engine/format/normalise.ts';
import { tidy } from '../../../src/engine/format/tidy.ts';
import { parseLoose } from '../../../src/engine/format/text-edit.ts';
import { validate } from '../../../src/engine/format/validate.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { shippedScenarioFiles } from '../session/fixtures.ts';
import { minimalText, readFixture } from './fixture-files.ts';

const scenarioOf = (text: string) => {
  const r = validate(text);
  if (!r.scenario) throw new Error(JSON.stringify(r.diagnostics.slice(0, 3)));
  return r.scenario;
};
/** The file with every implied kind and next written out, one property a line. */
const writtenOut = (text: string) => `${JSON.stringify(normalise(parseLoose(text)), null, 2)}\n`;
const lines = (text: string) => text.split('\n');

/** A one-phase scenario fragment laid out as authors write it. */
const STEPS = `{
  "phases": [
    {
      "steps": [
        {
          "id": "a",
          "options": [
            { "id": "a1", "kind": "response", "next": "b" },
            {
              "id": "a2",
              "action": "checkVitals",
              "kind": "action",
              "next": "b"
            },
            {
              "id": "a3",
              "kind": "action",
              "next": "a"
            },
            {
              "kind": "response", // said, not done
              "id": "a4",
              "next": "b"
            }
          ]
        },
        {
          "id": "b",
          "options": [
            { "id": "b1", "next": "b", "endsPhase": true },
            { "id": "b2", "kind": "response", "endsPhase": true }
          ]
        }
      ]
    }
  ],
  "events": [
    { "id": "e", "respond": { "options": [{ "id": "e1", "action": "giveMedication", "kind": "action" }] } }
  ]
}
`;

describe('tidy on a hand-written layout', () => {
  const { text, removed } = tidy(STEPS);
  const at = (id: string) => text.split('\n').find((l) => l.includes(`"${id}"`));

  it('removes kind implied by action and next naming the following step, and nothing else', () => {
    const keys = removed.map((v) => `${v.path.slice(0, -1).join('/')} ${v.key}=${v.value}`);
    expect(keys).toEqual([
      'phases/0/steps/0/options/0 kind=response',
      'phases/0/steps/0/options/0 next=b',
      'phases/0/steps/0/options/1 kind=action',
      'phases/0/steps/0/options/1 next=b',
      'phases/0/steps/0/options/3 next=b',
      'phases/0/steps/1/options/1 kind=response',
      'events/0/respond/options/0 kind=action',
    ]);
    // a3's kind contradicts its (missing) action; a3 loops back; b1 also ends the phase; a4 keeps
    // the comment beside its kind.
    expect(text).toContain('"kind": "action",\n              "next": "a"');
    expect(text).toContain('{ "id": "b1", "next": "b", "endsPhase": true }');
    expect(text).toContain('"kind": "response", // said, not done');
    expect(removed.find((v) => v.key === 'next')).toMatchObject({ line: 8, column: 47 });
  });

  it('edits inline objects in place and drops whole lines, leaving no trailing comma', () => {
    expect(at('a1')).toBe('            { "id": "a1" },');
    expect(at('b2')).toBe('            { "id": "b2", "endsPhase": true }');
    expect(at('e1')).toContain('{ "id": "e1", "action": "giveMedication" }');
    expect(text).toContain('"id": "a2",\n              "action": "checkVitals"\n            },');
    expect(text).not.toMatch(/,\s*[}\]]/);
    // Every other line of the result is a line of the original, in order, or one with a comma less.
    const original = lines(STEPS);
    let i = 0;
    for (const line of lines(text).filter((l) => !l.includes('{ "id"'))) {
      while (i < original.length && original[i] !== line && original[i] !== `${line},`) i++;
      expect(i, line).toBeLessThan(original.length);
      i++;
    }
  });

  it('a tidy file is left as it is', () => {
    expect(tidy(text)).toEqual({ text, removed: [] });
  });
});

describe('tidy on the bundled scenarios and the template', () => {
  const files = [...shippedScenarioFiles(), 'scenarios/templates/minimal.json'];

  it.each(files.map((f) => [f.replace(/.*scenarios\//, '')]))(
    '%s reads as the same scenario with every implied value written out or left out',
    (name) => {
      const text = readFileSync(`scenarios/${name}`, 'utf8');
      const scenario = scenarioOf(text);
      const full = writtenOut(text);
      expect(scenarioOf(full)).toEqual(scenario);
      const tidied = tidy(full);
      expect(tidied.removed.length).toBeGreaterThan(0);
      expect(scenarioOf(tidied.text)).toEqual(scenario);
      expect(lines(full).length - lines(tidied.text).length).toBe(tidied.removed.length);
      expect(scenarioOf(tidy(text).text)).toEqual(scenario);
      expect(tidy(tidied.text).removed).toEqual([]);
    },
  );

  it('plays the same: best, worst and random runs of the written-out and tidied files agree', () => {
    const text = readFileSync('scenarios/trd-sublingual-first-session.json', 'utf8');
    const full = scenarioOf(writtenOut(text));
    const tidied = scenarioOf(tidy(writtenOut(text)).text);
    const play = (s: ScenarioV1, strategy: 'best' | 'worst' | 'random', seed: number) => {
      const r = playHeadless(s, { seed, mode: 'assessment', strategy }).report;
      return { decisions: r.decisions, ending: r.ending?.id, overall: r.overall };
    };
    for (const strategy of ['best', 'worst'] as const)
      expect(play(tidied, strategy, 1)).toEqual(play(full, strategy, 1));
    for (const seed of [1, 2, 3])
      expect(play(tidied, 'random', seed)).toEqual(play(full, 'random', seed));
  });

  it('the validator fixture that leaves values out reads as the written-out one, tidied', () => {
    const implied = readFixture('valid', 'implied-values.json').toString('utf8');
    expect(scenarioOf(tidy(minimalText()).text)).toEqual(scenarioOf(implied));
    expect(tidy(implied).removed).toEqual([]);
  });
});
