/**
 * Text follows the set-and-setting controls: a line that describes the eyeshades is true of the
 * setting on the path taken (a trainee lifted the eyeshades at minute 13 and read, at 15, that
 * she lay "under the eyeshades").
 */
import { describe, expect, it } from 'vitest';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile } from './fixtures.ts';

const IM = loadScenarioFile(
  new URL('../../../scenarios/im-hypertensive-response.json', import.meta.url).pathname,
);
/** Preparation, then a dose in the dim room with music and eyeshades on (a3-settle). */
const TO_DOSE = ['p1-move-on', 'p2-review', 'p3-full', 'p4-prepare', 'p5-arrange'];
const ADMIN = ['a1-seated', 'a2-compare', 'a3-settle', 'a4-timeout'];

/** Plays to the first step after onset, chooses `onset`, and lets time run to the 15-minute check. */
function toCheck(onset: string): SessionSnapshot {
  let s = initialSnapshot(IM, { seed: 1, mode: 'practice' });
  const send = (e: SessionEvent) => (s = step(s, e));
  send({ type: 'session.begin' });
  for (const id of [...TO_DOSE, ...ADMIN]) send({ type: 'trainee.choose', optionId: id });
  for (let guard = 0; guard < 60 && viewSession(s).step?.id !== 'mon-onset'; guard++)
    send({ type: 'clock.advance', minutes: 1 });
  send({ type: 'trainee.choose', optionId: onset });
  expect(s.context.lastChoice?.optionId).toBe(onset);
  for (let guard = 0; guard < 60 && viewSession(s).step?.id !== 'mon-15'; guard++)
    send({ type: 'clock.advance', minutes: 1 });
  expect(viewSession(s).step?.id).toBe('mon-15');
  return s;
}

describe('narration follows the eyeshades setting', () => {
  it('after the eyeshades are lifted, the next check does not place her under them', () => {
    const s = toCheck('m1-eyeshades');
    expect(s.context.settings.eyeshades).toBe('off');
    const text = viewSession(s).step!.text;
    expect(text).toContain('She lies still, breathing slowly');
    expect(text).not.toMatch(/eyeshade/);
  });

  it('with the eyeshades left on, she lies under them', () => {
    const s = toCheck('m1-brief');
    expect(s.context.settings.eyeshades).toBe('on');
    expect(viewSession(s).step!.text).toContain('under the eyeshades');
  });
});
