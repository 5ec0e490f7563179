/**
 * An attempt left with "Leave session" goes on where the engine allows it, or says why not.
 */
import { describe, expect, it } from 'vitest';
import { restoreAttempt } from '../../../src/engine/attempt/index.ts';
import { resumeLeft } from '../../../src/engine/results/left.ts';
import { exportJson, parseExport } from '../../../src/engine/results/export.ts';
import { attemptResult, attemptResultText } from '../../../src/engine/results/result.ts';
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

describe('a left attempt has no verdict or score anywhere', () => {
  const report = restoreAttempt(scenario, left).report;

  it('attemptResult: only an attempt that reached its debrief is scored', () => {
    expect(report.status).toBe('left');
    expect(attemptResult(report)).toEqual({ kind: 'left' });
    expect(attemptResultText(report)).toBe('left before the debrief (not scored)');
    const finished = restoreAttempt(scenario, run.attempt).report;
    expect(attemptResult(finished)).toEqual({
      kind: 'scored',
      passed: finished.passed,
      overall: finished.overall,
    });
    const stopped = { ...left, events: part };
    expect(attemptResult(restoreAttempt(scenario, stopped).report)).toEqual({ kind: 'unfinished' });
  });

  it('the JSON export writes null for its verdict and scores, and imports again', () => {
    const text = exportJson([{ attempt: left, report, comments: [], verified: true }]);
    const written = JSON.parse(text).attempts[0].report;
    expect([written.status, written.passed, written.overall]).toEqual(['left', null, null]);
    for (const c of Object.values(written.competencies) as { percent: unknown; passed: unknown }[])
      expect([c.percent, c.passed]).toEqual([null, null]);
    expect(parseExport(text).ok).toBe(true);
    // A finished attempt's verdict may not be null.
    const finished = restoreAttempt(scenario, run.attempt).report;
    const bad = JSON.parse(exportJson([{ attempt: run.attempt, report: finished, comments: [] }]));
    bad.attempts[0].report.passed = null;
    expect(parseExport(JSON.stringify(bad))).toMatchObject({ ok: false });
  });

  it('a finished attempt writes null for the verdict of a competency it did not score', () => {
    const hardStop = loadScenarioFile(
      shippedScenarioFiles().find((f) => f.endsWith('hard-stop-blood-pressure.json'))!,
    );
    const best = playHeadless(hardStop, { seed: 1, mode: 'practice', strategy: 'best' });
    const finished = restoreAttempt(hardStop, best.attempt).report;
    const unscored = Object.values(finished.competencies).filter((c) => c.percent === null);
    expect(unscored.length).toBeGreaterThan(0);
    const text = exportJson([{ attempt: best.attempt, report: finished, comments: [] }]);
    const written = JSON.parse(text).attempts[0].report.competencies;
    for (const c of unscored)
      expect([written[c.id].percent, written[c.id].passed]).toEqual([null, null]);
    const scored = Object.values(finished.competencies).find((c) => c.percent !== null)!;
    expect(written[scored.id].passed).toBe(scored.passed);
    expect(parseExport(text).ok).toBe(true);
  });
});
