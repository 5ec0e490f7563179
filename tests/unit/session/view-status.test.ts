/**
 * What the view gives the player's status texts: the protocol's hard stop on the monitor (and
 * whether the reading shown reaches it before the dose), the minute of the last choice's feedback,
 * and the clock a late check's window is on.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import {
  atOrAboveHardStop,
  hardStopDisplay,
  hardStopSignals,
} from '../../../src/engine/session/nibp.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadFixture, loadScenarioFile } from './fixtures.ts';

type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

const hardStopScenario = loadScenarioFile(
  fileURLToPath(new URL('../../../scenarios/hard-stop-blood-pressure.json', import.meta.url)),
);
const PREPARATION = ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'];
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });

function play(scenario: ScenarioV1, seed: number, ...events: (SessionEvent | string)[]): Snap {
  let [s] = initialTransition(sessionMachine, { scenario, seed, mode: 'practice' });
  for (const e of [{ type: 'session.begin' } as SessionEvent, ...events])
    s = transition(
      sessionMachine,
      s,
      typeof e === 'string' ? { type: 'trainee.choose', optionId: e } : e,
    )[0];
  return s;
}

describe('the hard stop rule', () => {
  const stop = { systolic: 180, diastolic: 110 };
  it('is reached at or above either value', () => {
    expect(hardStopSignals({ systolic: 180, diastolic: 100 }, stop)).toEqual(['systolic']);
    expect(hardStopSignals({ systolic: 170, diastolic: 110 }, stop)).toEqual(['diastolic']);
    expect(hardStopSignals({ systolic: 190, diastolic: 115 }, stop)).toEqual([
      'systolic',
      'diastolic',
    ]);
    expect(atOrAboveHardStop({ systolic: 179, diastolic: 109 }, stop)).toBe(false);
  });

  it('is shown on the monitor only with a protocol hard stop, and gates nothing after the dose', () => {
    expect(hardStopDisplay(undefined, { systolic: 200, diastolic: 120 }, false)).toBeNull();
    expect(hardStopDisplay(stop, null, false)).toEqual({ ...stop, reached: [] });
    expect(hardStopDisplay(stop, { systolic: 185, diastolic: 100 }, true)?.reached).toEqual([]);
  });
});

describe('the view of the monitor: the protocol hard stop', () => {
  it('carries the scenario protocol hard stop, apart from the alarm limit', () => {
    const view = viewSession(play(hardStopScenario, 1, ...PREPARATION));
    expect(view.monitor.hardStop).toEqual({ systolic: 180, diastolic: 110, reached: [] });
    expect(view.monitor.limits.systolicMax).toBe(200);
  });

  it('marks a pre-dose reading at the hard stop, as the dose gate refuses it', () => {
    const s = play(hardStopScenario, 1, ...PREPARATION, 'a-bp-first');
    const view = viewSession(s);
    const reading = view.monitor.nibp.last!;
    expect(atOrAboveHardStop(reading, { systolic: 180, diastolic: 110 })).toBe(true);
    expect(view.monitor.hardStop?.reached.length).toBeGreaterThan(0);
    const refused = viewSession(
      play(hardStopScenario, 1, ...PREPARATION, 'a-bp-first', 'a-first-document', 'a-doc-give'),
    );
    expect(refused.lastRefusal?.reason).toMatch(/^No dose today/);
  });

  it('is null for a protocol without a hard stop', () => {
    const view = viewSession(play(loadFixture(), 7));
    expect(view.monitor.hardStop).toBeNull();
  });
});

describe('the view of feedback: the minute of the choice', () => {
  it('gives the arrival-clock minute the choice was made, which stays as the clock moves on', () => {
    const s = play(hardStopScenario, 1, advance(3), PREPARATION[0]!);
    expect(viewSession(s).lastFeedback).toMatchObject({ optionId: 'p-arrival-settle', clock: 3 });
    const later = viewSession(transition(sessionMachine, s, advance(2))[0]);
    expect(later.clock.sinceArrival).toBe(5);
    expect(later.lastFeedback?.clock).toBe(3);
  });
});
