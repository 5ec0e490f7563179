import { describe, expect, it } from 'vitest';
import { playHeadless, replay, step, viewSession } from '../../../src/engine/index.ts';
import type { SessionSnapshot } from '../../../src/engine/index.ts';
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

describe('"advance to the next event" stops at an open response\'s deadline, never past it', () => {
  for (const file of [FIXTURE_FILE, ...shippedScenarioFiles()]) {
    it(file.split('/').pop()!, () => {
      const scenario = loadScenarioFile(file);
      // A path that ignores emergencies: responses open and are left unanswered.
      const run = playHeadless(scenario, { seed: 7, mode: 'assessment', strategy: 'worst' });
      let snapshot: SessionSnapshot | null = null;
      for (let i = 1; i <= run.attempt.events.length; i++) {
        const s = replay(scenario, { ...run.attempt, events: run.attempt.events.slice(0, i) });
        const view = viewSession(s);
        if (view.status === 'running' && view.openEvents.length > 0 && view.minute !== null) {
          snapshot = s;
          break;
        }
      }
      if (!snapshot) return; // no response opens on this path
      const view = viewSession(snapshot);
      const open = view.openEvents[0]!;
      const deadline = Math.min(...view.openEvents.map((e) => e.deadline));
      if (view.minute! < deadline) {
        // However far the next thing lies, the jump ends at the deadline at the latest, still open.
        expect(view.nextEventMinute).not.toBeNull();
        expect(view.nextEventMinute!).toBeLessThanOrEqual(deadline);
        let s = snapshot;
        for (let guard = 0; guard < 500; guard++) {
          const v = viewSession(s);
          if (v.minute! >= deadline || !v.openEvents.some((e) => e.id === open.id)) break;
          s = step(s, { type: 'clock.advance', minutes: v.minutesToNextEvent! });
        }
        const atDeadline = viewSession(s);
        if (atDeadline.openEvents.some((e) => e.id === open.id)) {
          expect(atDeadline.minute).toBe(deadline);
          // From the deadline itself, the next stop is the minute the response is missed.
          expect(atDeadline.nextEventMinute).toBe(deadline + 1);
        }
      }
    });
  }
});

describe('while the acute effects last, "advance to the next event" always has somewhere to go', () => {
  // Without its three-hour event, the telehealth scenario's extra-lozenge path has nothing
  // scheduled after its last check while the modelled effects outlast the session: the session's
  // last minute, where the acute phase ends by rule, is then the next event.
  const telehealth = loadScenarioFile(
    new URL('../../../scenarios/telehealth-home-lozenges.json', import.meta.url).pathname,
  );
  const bare = { ...telehealth, events: telehealth.events.filter((e) => e.id !== 'three-hours') };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random play, seed %i', (seed) => {
    const run = playHeadless(bare, { seed, mode: 'assessment', strategy: 'random' });
    expect(run.error).toBeUndefined();
    expect(run.view.status).toBe('debrief');
    let s = replay(bare, { ...run.attempt, events: [] });
    for (const e of run.attempt.events) {
      s = step(s, e);
      const view = viewSession(s);
      if (view.status === 'running' && view.dosed && !view.step && view.openEvents.length === 0)
        expect({ minute: view.minute, next: view.nextEventMinute }).not.toMatchObject({
          next: null,
        });
    }
  });
});
