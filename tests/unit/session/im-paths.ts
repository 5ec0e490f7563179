/**
 * The intramuscular hypertensive-response scenario and the paths the session tests play through
 * it: a careful preparation (her morning tablets confirmed with the prescriber) and a hurried one
 * (the scenario's crisis branch), each up to the dose.
 */
import { expect } from 'vitest';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadScenarioFile } from './fixtures.ts';
import { IM_CAREFUL_TO_DOSE } from '../../fixtures/engine/im-careful-path.ts';

export const IM = loadScenarioFile(
  new URL('../../../scenarios/im-hypertensive-response.json', import.meta.url).pathname,
);
/** Preparation that confirms her morning tablets with the prescriber, then a careful dose. */
export const CAREFUL = IM_CAREFUL_TO_DOSE;
/** The same without asking about the tablets: her pressure climbs (the crisis branch). */
export const HURRIED = ['p1-move-on', ...CAREFUL.slice(3)];

/** `scenario`'s session (seed 1, assessment) after `session.begin` and `choices`, checked dosed. */
export function dosed(scenario: ScenarioV1, choices: readonly string[]): SessionSnapshot {
  let s = initialSnapshot(scenario, { seed: 1, mode: 'assessment' });
  s = step(s, { type: 'session.begin' });
  for (const optionId of choices) s = step(s, { type: 'trainee.choose', optionId });
  expect(viewSession(s).dosed).toBe(true);
  return s;
}
