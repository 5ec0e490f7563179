import { describe, expect, it } from 'vitest';
import { hashScenario } from '../../../src/engine/attempt/hash.ts';
import {
  parseAttempt,
  restoreAttempt,
  serializeAttempt,
} from '../../../src/engine/attempt/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadFixture } from '../session/fixtures.ts';

describe('attempts saved while a scenario was in format 1', () => {
  const scenario = loadFixture();
  const run = playHeadless(scenario, { seed: 4, mode: 'assessment', strategy: 'best' });
  const underFormat1 = {
    ...run.attempt,
    scenarioHash: hashScenario({ ...scenario, formatVersion: 1 }),
  };

  it('replay against the same scenario migrated to format 2, to the same report', () => {
    const parsed = parseAttempt(serializeAttempt(underFormat1), scenario);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(restoreAttempt(scenario, parsed.attempt).report).toEqual(run.report);
  });

  it('are still refused when the content changed, with the reason', () => {
    const changed = { ...scenario, passPercent: scenario.passPercent - 1 };
    const parsed = parseAttempt(serializeAttempt(underFormat1), changed);
    expect(parsed).toMatchObject({ ok: false, code: 'SCENARIO_CHANGED' });
  });
});
