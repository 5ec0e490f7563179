import { describe, expect, it } from 'vitest';
import { playHeadless, replay, step, viewSession } from '../../../src/engine/session/index.ts';
import type { SessionSnapshot } from '../../../src/engine/session/index.ts';
import { FIXTURE_FILE, loadScenarioFile, shippedScenarioFiles } from './fixtures.ts';

/** The first minute an event opens or an alarm sounds, moving time with `move` from a snapshot. */
function firstHappening(
  start: SessionSnapshot,
  move: (s: SessionSnapshot) => number | null,
): { minute: number | null; open: string[]; alarms: number } {
  let snapshot = start;
  const before = viewSession(start);
  for (let guard = 0; guard < 1000; guard++) {
    const view = viewSession(snapshot);
    if (
      view.openEvents.length > before.openEvents.length ||
      view.alarms.length > before.alarms.length
    )
      return {
        minute: view.minute,
        open: view.openEvents.map((e) => e.id),
        alarms: view.alarms.length,
      };
    const minutes = move(snapshot);
    if (minutes === null || minutes <= 0 || view.status !== 'running') break;
    snapshot = step(snapshot, { type: 'clock.advance', minutes });
  }
  return { minute: null, open: [], alarms: 0 };
}

describe('"advance to the next event" never skips past an event or an alarm', () => {
  for (const file of [FIXTURE_FILE, ...shippedScenarioFiles()]) {
    it(file.split('/').pop()!, () => {
      const scenario = loadScenarioFile(file);
      // Play a weak path up to the dose, so that events and alarms lie ahead.
      const run = playHeadless(scenario, { seed: 7, mode: 'assessment', strategy: 'worst' });
      const doseAt = run.attempt.events.findIndex((e, i) => {
        if (e.type !== 'trainee.choose') return false;
        const after = replay(scenario, {
          ...run.attempt,
          events: run.attempt.events.slice(0, i + 1),
        });
        return viewSession(after).dosed;
      });
      if (doseAt < 0) return; // this path never doses: nothing happens after dosing
      const dosed = replay(scenario, {
        ...run.attempt,
        events: run.attempt.events.slice(0, doseAt + 1),
      });

      const minuteByMinute = firstHappening(dosed, () => 1);
      const jumping = firstHappening(dosed, (s) => {
        const view = viewSession(s);
        return view.nextEventMinute === null ? null : view.nextEventMinute - view.minute!;
      });
      expect(jumping).toEqual(minuteByMinute);
    });
  }
});
