/**
 * A three-visit course (preparation → dosing → integration) with carried consent-to-touch terms:
 * each visit is played and scored on its own, and what the preparation visit agreed decides what
 * the dosing visit offers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playCourse, validateCourse } from '../../../src/engine/course/index.ts';
import {
  restoreAttempt,
  serializeAttempt,
  parseAttempt,
} from '../../../src/engine/attempt/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile } from './fixtures.ts';

const dir = fileURLToPath(new URL('../../fixtures/engine/visit/course/', import.meta.url));
const { course, diagnostics } = validateCourse(readFileSync(`${dir}course.json`, 'utf8'));
const scenarios = course!.visits.map((v) => loadScenarioFile(dir + v.scenario));

describe('a course file', () => {
  it('validates, and a damaged one gets located diagnostics', () => {
    expect(diagnostics).toEqual([]);
    const bad = readFileSync(`${dir}course.json`, 'utf8').replace('"lastVitals"', '"lastVital"');
    const found = validateCourse(bad).diagnostics;
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ code: 'COURSE_SCHEMA', severity: 'error' });
    expect(found[0]!.line).toBeGreaterThan(1);
  });
});

describe('playing the three-visit course', () => {
  const { visits, summary } = playCourse(course!, scenarios, {
    seed: 1,
    mode: 'assessment',
    strategy: 'best',
  });

  it('plays each visit in order, each scored on its own, and sums them up', () => {
    expect(visits.map((v) => v.scenarioId)).toEqual([
      'course-preparation',
      'course-dosing',
      'course-integration',
    ]);
    for (const v of visits) expect(v.run.report.scenarioId).toBe(v.scenarioId);
    expect(summary.visits.map((v) => [v.scenarioId, v.passed])).toEqual([
      ['course-preparation', true],
      ['course-dosing', true],
      ['course-integration', true],
    ]);
    expect(summary).toMatchObject({ completed: true, passed: true });
  });

  it('carries the consent-to-touch terms and consent into the dosing visit', () => {
    const dosing = visits[1]!;
    expect(dosing.carriedIn?.vars).toEqual({ touchConsent: true, touchHandOnly: true });
    expect(dosing.carriedIn?.facts).toEqual({ consentRecorded: true });
    expect(dosing.run.report.decisions.map((d) => d.optionId)).toContain('mon-hand');
    // The terms pass through to the integration visit, which does not declare them.
    expect(visits[2]!.carriedIn?.vars).toEqual({ touchConsent: true, touchHandOnly: true });
  });

  it('without the preparation visit, the agreed touch is not offered at the dosing visit', () => {
    const alone = playHeadless(scenarios[1]!, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(alone.report.decisions.map((d) => d.optionId)).not.toContain('mon-hand');
  });

  it("a visit's attempt keeps what it was carried, so it replays to the same report", () => {
    const dosing = visits[1]!.run;
    expect(dosing.attempt.carried?.vars).toEqual({ touchConsent: true, touchHandOnly: true });
    const parsed = parseAttempt(serializeAttempt(dosing.attempt), scenarios[1]!);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(restoreAttempt(scenarios[1]!, parsed.attempt).report).toEqual(dosing.report);
  });
});
