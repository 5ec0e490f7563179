/**
 * Attempts rebuilt from our own xAPI statements replay to the same report as the attempt itself;
 * a forged score statement changes nothing, and other statements are skipped.
 */
import { describe, expect, it } from 'vitest';
import { attemptsFromStatements } from '../../../src/engine/cohort/index.ts';
import { decodeSuspendData } from '../../../src/engine/results/suspend-data.ts';
import { verifyAttempt } from '../../../src/engine/results/verify.ts';
import { buildStatements } from '../../../src/engine/results/xapi.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);

describe('attempts from statements', () => {
  it('rebuilds each attempt once from its completed statement, and it verifies', () => {
    const run = playHeadless(scenario, { seed: 11, mode: 'assessment', strategy: 'random' });
    const statements = buildStatements(scenario, run.attempt, run.report, {
      actor: { name: 'Ada Lovelace', mbox: 'mailto:ada@example.org' },
      activityBase: 'https://training.example.org/kap/',
      finishedAt: '2026-03-01T09:30:00.000Z',
    });
    const forged = statements.map((s) =>
      s.result?.score
        ? { ...s, result: { ...s.result, score: { ...s.result.score, raw: 100 } } }
        : s,
    );
    const { attempts, skipped } = attemptsFromStatements([...forged, ...forged, { verb: 'x' }]);
    expect(attempts).toHaveLength(1);
    expect(skipped).toBe(forged.length * 2 - 2 + 1);
    const [a] = attempts;
    expect(a!.trainee).toBe('Ada Lovelace');
    expect(a!.scenarioVersion).toBe(scenario.version);
    const decoded = decodeSuspendData(scenario, a!.log);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(verifyAttempt(scenario, decoded.attempt)).toEqual({
      verified: true,
      report: run.report,
    });
  });
});
