/**
 * An attempt left with "Leave session" goes on where the engine allows it, or says why not.
 */
import { describe, expect, it } from 'vitest';
import { restoreAttempt } from '../../../src/engine/attempt/index.ts';
import { resumeLeft } from '../../../src/engine/results/left.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
const run = playHeadless(scenario, { seed: 4, mode: 'assessment', strategy: 'best' });
const part = run.attempt.events.slice(0, 4);
const left = { ...run.attempt, events: [...part, { type: 'session.leave' as const }] };

describe('resuming a left attempt', () => {
  it('the left log replays to "left"; resuming gives the log without the leave, running', () => {
    expect(restoreAttempt(scenario, left).report.status).toBe('left');
    const resumed = resumeLeft(scenario, left);
    if (!resumed.ok) throw new Error(resumed.reason);
    expect(resumed.attempt.events).toEqual(part);
    expect(restoreAttempt(scenario, resumed.attempt).report.status).toBe('running');
  });

  it('says why not: no scenario, another version, not left, or already over', () => {
    expect(resumeLeft(null, left)).toMatchObject({ ok: false, reason: /not in this build/ });
    const edited = { ...scenario, title: `${scenario.title} (edited)` };
    const other = resumeLeft(edited, left);
    expect(other.ok).toBe(false);
    expect(resumeLeft(scenario, run.attempt)).toMatchObject({ ok: false, reason: /not left/ });
    const afterEnd = {
      ...run.attempt,
      events: [...run.attempt.events, { type: 'session.leave' as const }],
    };
    expect(resumeLeft(scenario, afterEnd)).toMatchObject({ ok: false, reason: /already ended/ });
  });
});
