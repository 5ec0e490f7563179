/**
 * The cohort view's replay scheduler: every attempt of every job is replayed once and its result
 * handed back under its own place, equal to a sequential replay, whatever order the replayers
 * answer in; each replayer never has more than its share of batches in hand; batches shrink
 * towards the end so that replayers finish together.
 */
import { describe, expect, it } from 'vitest';
import {
  IN_FLIGHT,
  MAX_BATCH,
  replayJobs,
  type Replayer,
  type ReplayJob,
} from '../../../src/results/cohort-verify.ts';
import { verifyAttempt, type Verification } from '../../../src/engine/results/verify.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { Attempt } from '../../../src/engine/attempt/index.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const [a, b] = shippedScenarioFiles()
  .slice(0, 2)
  .map((f) => loadScenarioFile(f));

const attemptsOf = (scenario: typeof a, n: number, from: number): Attempt[] =>
  Array.from(
    { length: n },
    (_, i) =>
      playHeadless(scenario!, { seed: from + i, mode: 'practice', strategy: 'random' }).attempt,
  );

const jobs: ReplayJob[] = [
  { scenarioKey: 'a', scenario: a!, attempts: attemptsOf(a, 23, 1) },
  { scenarioKey: 'b', scenario: b!, attempts: attemptsOf(b, 9, 100) },
];

/**
 * A replayer that really replays, but answers its batches in an order chosen by `order` (so that
 * results arrive out of order), and records how many batches it had in hand and their sizes.
 */
function testReplayer(order: (pending: number) => number) {
  const pending: { job: ReplayJob; attempts: Attempt[]; resolve: (v: Verification[]) => void }[] =
    [];
  const stats = { most: 0, sizes: [] as number[], scenarios: new Set<string>() };
  let scheduled = false;
  const answer = () => {
    scheduled = false;
    if (!pending.length) return;
    const [p] = pending.splice(order(pending.length), 1);
    p!.resolve(p!.attempts.map((x) => verifyAttempt(p!.job.scenario, x)));
    if (pending.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(answer, 0);
  };
  const replayer: Replayer = {
    replay(job, attempts) {
      stats.sizes.push(attempts.length);
      stats.scenarios.add(job.scenarioKey);
      return new Promise((resolve) => {
        pending.push({ job, attempts, resolve });
        stats.most = Math.max(stats.most, pending.length);
        schedule();
      });
    },
    dispose: () => {},
  };
  return { replayer, stats };
}

describe('replayJobs', () => {
  it('hands back every attempt once, in its place, equal to a sequential replay', async () => {
    const first = testReplayer(() => 0);
    const last = testReplayer((n) => n - 1); // answers its newest batch first
    const got = jobs.map((j) => new Array<Verification | undefined>(j.attempts.length));
    let handed = 0;
    await replayJobs(
      jobs,
      (job, start, results) => {
        results.forEach((v, i) => {
          expect(got[job]![start + i]).toBeUndefined();
          got[job]![start + i] = v;
          handed++;
        });
      },
      [first.replayer, last.replayer],
    );
    expect(handed).toBe(23 + 9);
    jobs.forEach((j, job) =>
      j.attempts.forEach((x, i) => expect(got[job]![i]).toEqual(verifyAttempt(j.scenario, x))),
    );
    for (const { stats } of [first, last]) {
      expect(stats.most).toBeLessThanOrEqual(IN_FLIGHT);
      expect(Math.max(...stats.sizes)).toBeLessThanOrEqual(MAX_BATCH);
    }
    // Both replayers worked, and the last batches were small: 32 attempts over 4 chains.
    expect(first.stats.sizes.length).toBeGreaterThan(0);
    expect(last.stats.sizes.length).toBeGreaterThan(0);
    const sizes = [...first.stats.sizes, ...last.stats.sizes];
    expect(Math.min(...sizes)).toBe(1);
  });

  it('replays nothing and resolves when there is nothing to replay', async () => {
    const { replayer, stats } = testReplayer(() => 0);
    let calls = 0;
    await replayJobs([], () => calls++, [replayer]);
    await replayJobs([{ ...jobs[0]!, attempts: [] }], () => calls++, [replayer]);
    expect(calls).toBe(0);
    expect(stats.sizes).toEqual([]);
  });
});
