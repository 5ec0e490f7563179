/**
 * A step is offered until its deadline, so its text may be read minutes after its `atMinute`: no
 * bundled step opens with the clock time ("Minute 45. A scheduled check is due." read at minute 52);
 * the clock panel says the minute.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const CLOCK_PREFIX = /^(Minute \d+[.,:]|(\w+|\d+) minutes (in|after [^.]*)\.|At minute \d+)/i;

describe('bundled step texts do not open with the clock time', () => {
  for (const file of shippedScenarioFiles()) {
    it(file.split('/').pop()!, () => {
      const scenario = loadScenarioFile(file);
      const found: string[] = [];
      for (const phase of scenario.phases)
        for (const s of phase.steps ?? [])
          for (const text of [s.text, ...(s.variants ?? []).map((v) => v.text)])
            if (CLOCK_PREFIX.test(text)) found.push(`${s.id}: ${text}`);
      expect(found).toEqual([]);
    });
  }
});
