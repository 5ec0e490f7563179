/**
 * A recorded result is never believed: it is replayed from the log. A forged "passed, 100%"
 * beside a one-event log replays to what that log really earned; a log of a scenario that is
 * missing or changed is marked unverified; and a very long log is replayed in slices.
 */
import { describe, expect, it } from 'vitest';
import { restoreAttempt, type Attempt } from '../../../src/engine/attempt/index.ts';
import { exportCsv, parseDecisionCsv } from '../../../src/engine/results/export.ts';
import { verifyAttempt, verifySteps } from '../../../src/engine/results/verify.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
const worst = playHeadless(scenario, { seed: 8, mode: 'assessment', strategy: 'worst' });

describe('verifying recorded results by replay', () => {
  it('a forged "passed, 100%" beside a one-event log is replayed to what the log earned', () => {
    const oneEvent: Attempt = { ...worst.attempt, events: worst.attempt.events.slice(0, 1) };
    const forged = { ...worst.report, passed: true, overall: 100 };
    const v = verifyAttempt(scenario, oneEvent);
    expect(v.verified).toBe(true);
    if (!v.verified) return;
    expect(v.report).toEqual(restoreAttempt(scenario, oneEvent).report);
    expect(v.report.passed).toBe(false);
    expect(v.report).not.toEqual(forged);
  });

  it('a finished log verifies to the report the trainee saw', () => {
    expect(verifyAttempt(scenario, worst.attempt)).toEqual({
      verified: true,
      report: worst.report,
    });
  });

  it('without its scenario, or with a changed one, the result is unverified and says why', () => {
    expect(verifyAttempt(null, worst.attempt)).toEqual({
      verified: false,
      reason: 'Unverified — the scenario is not available in this build.',
    });
    const changed = { ...scenario, title: `${scenario.title} (edited)` };
    expect(verifyAttempt(changed, worst.attempt)).toMatchObject({
      verified: false,
      reason: expect.stringMatching(/^Unverified — the scenario has changed/),
    });
  });

  it('replays a long log in slices, reporting progress after each', () => {
    const padding: SessionEvent[] = [];
    for (let i = 0; i < 1_500; i++)
      padding.push({ type: 'session.pause' }, { type: 'session.resume' });
    const [begin, ...rest] = worst.attempt.events;
    const long: Attempt = { ...worst.attempt, events: [begin!, ...padding, ...rest] };
    const steps = verifySteps(scenario, long, undefined, 500);
    const progress: number[] = [];
    let next = steps.next();
    while (!next.done) {
      progress.push(next.value);
      next = steps.next();
    }
    expect(progress[0]).toBe(500);
    expect(progress.length).toBeGreaterThanOrEqual(3_000 / 500 - 1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(next.value).toMatchObject({ verified: true });
  });

  it('the CSV says which rows were verified and which were not', () => {
    const rows = (verified: boolean) =>
      parseDecisionCsv(
        exportCsv([
          {
            attempt: worst.attempt,
            report: worst.report,
            comments: [],
            verified,
            ...(verified ? {} : { unverifiedReason: 'Unverified — the scenario is not available' }),
          },
        ]),
      );
    const yes = rows(true);
    const no = rows(false);
    expect(yes.ok && yes.rows.every((r) => r.verified === 'yes')).toBe(true);
    expect(
      no.ok && no.rows.every((r) => r.verified === 'Unverified — the scenario is not available'),
    ).toBe(true);
  });
});
