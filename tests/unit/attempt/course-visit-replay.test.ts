/**
 * A course visit's attempt carries what the earlier visits handed it (`carried`): verifying,
 * restoring and exporting it replays the log from that state, so a visit whose choices depend on
 * an earlier visit is verified with the result it had when played. An older attempt saved
 * without it still reads, replayed from nothing carried (its log ends where a choice needs it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playCourse, validateCourse } from '../../../src/engine/course/index.ts';
import {
  parseAttempt,
  restoreAttempt,
  serializeAttempt,
} from '../../../src/engine/attempt/index.ts';
import { verifyAttempt } from '../../../src/engine/results/verify.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const { course } = validateCourse(readFileSync(`${dir}suicidality-course.course.json`, 'utf8'));
const scenarios = course!.visits.map((v) => loadScenarioFile(dir + v.scenario));
const { visits } = playCourse(course!, scenarios, {
  seed: 7,
  mode: 'assessment',
  strategy: 'best',
});

describe('replaying a course visit', () => {
  it('keeps what the visit was started with in its attempt', () => {
    expect(visits[0]!.run.attempt.carried).toBeUndefined();
    for (const v of visits.slice(1)) {
      expect(v.run.attempt.carried).toEqual(v.carriedIn);
      const read = parseAttempt(serializeAttempt(v.run.attempt), scenarios[visits.indexOf(v)]!);
      expect(read.ok && read.attempt.carried).toEqual(v.carriedIn);
    }
  });

  it.each([1, 2])('verifies visit %i as passed with the score it had when played', (i) => {
    const v = visits[i]!;
    expect(v.run.report).toMatchObject({ status: 'debrief', passed: true });
    const verified = verifyAttempt(scenarios[i]!, v.run.attempt);
    expect(verified.verified).toBe(true);
    if (!verified.verified) return;
    expect(verified.report).toMatchObject({
      status: 'debrief',
      passed: true,
      overall: v.run.report.overall,
    });
    expect(restoreAttempt(scenarios[i]!, v.run.attempt).report.overall).toBe(v.run.report.overall);
  });

  it('reads an older attempt saved without the carried state, unfinished as before', () => {
    const { carried: _dropped, ...older } = visits[1]!.run.attempt;
    const verified = verifyAttempt(scenarios[1]!, older);
    expect(verified.verified).toBe(true);
    if (verified.verified) expect(verified.report.status).not.toBe('debrief');
  });
});
