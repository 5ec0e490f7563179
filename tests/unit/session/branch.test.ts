import { describe, expect, it } from 'vitest';
import { eventsBeforeDecision, playHeadless } from '../../../src/engine/index.ts';
import { score } from '../../../src/engine/scoring/score.ts';
import { FIXTURE_FILE, loadScenarioFile } from './fixtures.ts';

describe('replay from a decision', () => {
  const scenario = loadScenarioFile(FIXTURE_FILE);
  const run = playHeadless(scenario, { seed: 3, mode: 'practice', strategy: 'best' });
  const decisions = run.report.decisions.length;

  it('cuts the log just before the chosen decision, for every decision', () => {
    expect(decisions).toBeGreaterThan(3);
    for (let index = 0; index < decisions; index++) {
      const cut = eventsBeforeDecision(scenario, run.attempt, index);
      const before = score(scenario, { ...run.attempt, events: cut });
      const withNext = score(scenario, {
        ...run.attempt,
        events: run.attempt.events.slice(0, cut.length + 1),
      });
      expect(before.decisions.length).toBe(index);
      expect(withNext.decisions.length).toBeGreaterThan(index);
    }
  });
});
