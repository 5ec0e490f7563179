/**
 * Every kind of statement the simulator sends, checked by an outside implementation of the xAPI
 * 1.0.3 statement rules (Learning Locker's validation library), not only by our own rules.
 */
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { buildStatements } from '../../../src/engine/results/xapi.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const base = 'https://training.example.org/kap/';
const actors = [
  { name: 'Trainee', mbox: 'mailto:trainee@example.org' },
  { account: { homePage: 'https://lms.example.org', name: 'learner-42' } },
];

/** "statement.actor.mbox: Mailto" — where the validator objects, and to what. */
function describeWarning(w: unknown): string {
  const { path, typeName, message } = w as { path?: string[]; typeName?: string; message?: string };
  return `${(path ?? []).join('.')}: ${typeName ?? message ?? 'invalid'}`;
}

describe('statements against an outside xAPI validator', () => {
  it.each(shippedScenarioFiles().map((f) => [f.split('/').pop()!, f]))(
    '%s: every statement kind is valid for Learning Locker',
    (_, file) => {
      const scenario = loadScenarioFile(file);
      const kinds = new Set<string>();
      for (const strategy of ['best', 'worst', 'random'] as const) {
        for (const mode of ['practice', 'assessment'] as const) {
          const run = playHeadless(scenario, { seed: 5, mode, strategy });
          expect(run.ok).toBe(true);
          for (const actor of actors) {
            const statements = buildStatements(scenario, run.attempt, run.report, {
              actor,
              activityBase: base,
              finishedAt: '2026-03-01T09:30:00.000Z',
              registration: '3f1c2a9e-5b7d-4c2e-9a1b-0d2e3f4a5b6c',
            });
            for (const s of statements) {
              const kind = `${s.verb.id} ${s.object.definition?.interactionType ?? ''}`;
              kinds.add(kind);
              const warnings = validateStatement(JSON.parse(JSON.stringify(s)));
              expect(warnings.map(describeWarning), kind).toEqual([]);
            }
          }
        }
      }
      // initialized, experienced, answered (choice and checks), completed, passed/failed, terminated.
      expect(kinds.size).toBeGreaterThanOrEqual(6);
    },
  );

  it('the validator bites: an actor whose mbox lacks "mailto:" is refused', () => {
    const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
    const run = playHeadless(scenario, { seed: 5, mode: 'assessment', strategy: 'best' });
    const [first] = buildStatements(scenario, run.attempt, run.report, {
      actor: { mbox: 'trainee@example.org' },
      activityBase: base,
      finishedAt: '2026-03-01T09:30:00.000Z',
    });
    expect(validateStatement(JSON.parse(JSON.stringify(first))).map(describeWarning)).toContain(
      'statement.actor.mbox: Mailto',
    );
  });
});
