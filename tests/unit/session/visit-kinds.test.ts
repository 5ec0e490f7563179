/**
 * Visit kinds: an integration visit plays only its own phase, gives no drug, and cannot end while
 * the scenario's end gate holds (suicidal thoughts disclosed, no risk assessment recorded).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { validate } from '../../../src/engine/format/index.ts';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadScenarioFile } from './fixtures.ts';

const file = fileURLToPath(
  new URL('../../fixtures/engine/visit/integration-only.json', import.meta.url),
);
const scenario = loadScenarioFile(file);
type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

function play(s0: ScenarioV1, ...choices: string[]): Snap {
  let [s] = initialTransition(sessionMachine, { scenario: s0, seed: 5, mode: 'assessment' });
  for (const e of [
    { type: 'session.begin' } as SessionEvent,
    ...choices.map((optionId) => ({ type: 'trainee.choose', optionId }) as SessionEvent),
  ])
    s = transition(sessionMachine, s, e)[0];
  return s;
}

describe('an integration-only visit', () => {
  it('starts in the integration phase: the machine arrives straight there', () => {
    const s = play(scenario);
    expect(s.hasTag('integration')).toBe(true);
    expect(viewSession(s).step?.id).toBe('int-arrive');
  });

  it('cannot end while suicidal thoughts are disclosed and no risk assessment is recorded', () => {
    const s = play(scenario, 'int-reassure', 'int-end');
    expect(viewSession(s).status).toBe('running');
    expect(viewSession(s).lastRefusal?.reason).toBe(
      'The visit cannot end yet: Suicidal thoughts were disclosed and no risk assessment has been recorded.',
    );
    const ended = play(scenario, 'int-reassure', 'int-late-assess', 'int-end-assessed');
    expect(viewSession(ended).status).toBe('debrief');
    expect(viewSession(ended).facts.riskAssessmentRecorded).toBe(true);
  });

  it('refuses any dose: no drug is given at an integration visit', () => {
    const withDose = structuredClone(scenario);
    withDose.phases[0]!.steps[0]!.options.push({
      id: 'int-dose',
      kind: 'action',
      action: 'administerDose',
      text: 'Give a dose.',
      next: 'int-close',
    });
    const s = play(withDose, 'int-dose');
    expect(s.context.log.at(-1)?.reason).toBe('This is an integration visit: no drug is given.');
  });

  it('best passes, worst fails', () => {
    expect(
      playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' }).report.passed,
    ).toBe(true);
    const worst = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'worst' });
    expect(worst.ok).toBe(true);
    expect(worst.report.passed).toBe(false);
  });

  it('the validator holds a visit to its own phases', () => {
    const doc = JSON.parse(JSON.stringify(scenario));
    doc.visit.kind = 'dosing';
    const codes = validate(JSON.stringify(doc)).diagnostics.map((d) => d.code);
    expect(codes).toContain('PHASE_MISSING');
    const prep = { ...JSON.parse(JSON.stringify(scenario)), visit: { kind: 'preparation' } };
    expect(validate(JSON.stringify(prep)).diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['PHASE_MISSING', 'PHASE_NOT_IN_VISIT', 'DEBRIEF_MISSING']),
    );
  });
});
