import { describe, expect, it } from 'vitest';
import {
  createSession,
  playHeadless,
  ScenarioIndex,
  viewSession,
  type SessionSnapshot,
} from '../../../src/engine/index.ts';
import { FIXTURE_FILE, loadScenarioFile, shippedScenarioFiles } from './fixtures.ts';

/** Every snapshot of a run, the first before any event. */
function snapshotsOf(file: string, strategy: 'best' | 'worst'): SessionSnapshot[] {
  const scenario = loadScenarioFile(file);
  const run = playHeadless(scenario, { seed: 5, mode: 'practice', strategy });
  const actor = createSession(scenario, { seed: 5, mode: 'practice' });
  const out = [actor.getSnapshot()];
  for (const event of run.attempt.events) {
    actor.send(event);
    out.push(actor.getSnapshot());
  }
  actor.stop();
  return out;
}

/** The view of a snapshot computed from nothing kept: a new context with its own new index. */
function coldView(s: SessionSnapshot) {
  const index = new ScenarioIndex(s.context.index.scenario);
  return viewSession({ ...s, context: { ...s.context, index } } as SessionSnapshot);
}

// The view keeps what it derives (the next event, a threshold crossing ahead) while its inputs are
// unchanged: whatever was viewed before, each snapshot gives the view computed from scratch.
describe('a snapshot shows the same view whatever was viewed before it', () => {
  for (const file of [FIXTURE_FILE, ...shippedScenarioFiles()]) {
    it(file.split('/').pop()!, () => {
      let timed = 0;
      for (const strategy of ['best', 'worst'] as const) {
        const snapshots = snapshotsOf(file, strategy);
        const cold = snapshots.map(coldView);
        const forward = snapshots.map((s) => viewSession(s));
        const backward = [...snapshots]
          .reverse()
          .map((s) => viewSession(s))
          .reverse();
        expect(forward).toEqual(cold);
        expect(backward).toEqual(cold);
        timed += cold.filter((v) => v.minutesToNextEvent !== null).length;
      }
      // The runs pass through minutes at which something lies ahead (the derived value is used).
      expect(timed).toBeGreaterThan(0);
    });
  }
});
