/**
 * The suicidality course (preparation → dosing → integration): each visit and the whole course
 * pass when played well and fail with a critical error when played badly, random play never gets
 * stuck, what an earlier visit agreed (touch terms, intention, baseline, safety plan) changes what
 * a later visit offers and says, and the integration visit cannot end before a risk assessment.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playCourse, validateCourse } from '../../../src/engine/course/index.ts';
import { playHeadless, type Strategy } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const { course, diagnostics } = validateCourse(
  readFileSync(`${dir}suicidality-course.course.json`, 'utf8'),
);
const scenarios = course!.visits.map((v) => loadScenarioFile(dir + v.scenario));
const [preparation, dosing, integration] = scenarios as [
  (typeof scenarios)[0],
  (typeof scenarios)[0],
  (typeof scenarios)[0],
];
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

const play = (strategy: Strategy, seed = 1) =>
  playCourse(course!, scenarios, { seed, mode: 'assessment', strategy });
const chosen = (run: ReturnType<typeof playHeadless>) =>
  run.report.decisions.map((d) => d.optionId);

describe('the suicidality course file', () => {
  it('validates, and lists its three visits in order, one of each kind', () => {
    expect(diagnostics).toEqual([]);
    expect(scenarios.map((s) => [s.id, s.visit?.kind])).toEqual([
      ['suicidality-course-preparation', 'preparation'],
      ['suicidality-course-dosing', 'dosing'],
      ['suicidality-course-integration', 'integration'],
    ]);
    expect(integration.visit?.daysSinceDosing).toBe(2);
  });
});

describe('playing the course', () => {
  it('passes every visit, with no critical error, when played with the best choices', () => {
    const { visits, summary } = play('best');
    expect(summary).toMatchObject({ completed: true, passed: true });
    for (const v of visits) expect(v.run.report.criticalErrors, v.scenarioId).toEqual([]);
  });

  it('fails every visit with a critical error when played with the worst choices', () => {
    const { visits, summary } = play('worst');
    expect(summary.completed).toBe(true);
    expect(summary.passed).toBe(false);
    for (const v of visits) {
      expect(v.run.report.passed, v.scenarioId).toBe(false);
      expect(v.run.report.criticalErrors.length, v.scenarioId).toBeGreaterThan(0);
    }
  });

  // Random play is slow (three visits, 100 seeds each), hence the longer timeouts.
  it('never gets stuck in random play over 100 seeds of the course', { timeout: 120_000 }, () => {
    const stuck: string[] = [];
    for (const seed of SEEDS) {
      const { visits, summary } = play('random', seed);
      if (!summary.completed) stuck.push(`seed ${seed}: ${visits.at(-1)?.run.error?.code}`);
    }
    expect(stuck).toEqual([]);
  });

  // The preparation visit alone is the course's first visit, played above with nothing carried.
  it.each(['dosing', 'integration'] as const)(
    'never gets stuck in random play over 100 seeds of the %s visit alone',
    { timeout: 120_000 },
    (kind) => {
      const s = scenarios.find((v) => v.visit?.kind === kind)!;
      const stuck = SEEDS.filter((seed) => {
        const run = playHeadless(s, { seed, mode: 'assessment', strategy: 'random' });
        return run.error !== undefined || run.view.status !== 'debrief';
      });
      expect(stuck).toEqual([]);
    },
  );
});

describe('state carried between visits', () => {
  const { visits } = play('best');
  const [, dosed, integrated] = visits as [
    (typeof visits)[0],
    (typeof visits)[0],
    (typeof visits)[0],
  ];

  it('hands the preparation visit’s terms, intention, baseline and safety plan on', () => {
    expect(dosed.carriedIn?.vars).toEqual({
      touchConsent: true,
      touchShoulderOnly: true,
      intentionSet: true,
      baselineRecorded: true,
      safetyPlan: true,
    });
    expect(dosed.carriedIn?.facts).toEqual({ consentRecorded: true });
    expect(integrated.carriedIn?.vars).toMatchObject({ safetyPlan: true, touchConsent: true });
  });

  it('offers at the dosing visit only the touch agreed at preparation', () => {
    expect(chosen(dosed.run)).toEqual(expect.arrayContaining(['d3-terms', 'm4-shoulder']));
    const alone = playHeadless(dosing, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(chosen(alone)).toEqual(expect.arrayContaining(['d3-none', 'm4-voice']));
    expect(chosen(alone)).not.toContain('m4-shoulder');
  });

  it('offers the shoulder only when the carried terms say shoulder, not for any touch consent', () => {
    const carried = {
      ...dosed.carriedIn!,
      vars: { ...dosed.carriedIn!.vars, touchShoulderOnly: false },
    };
    const other = playHeadless(dosing, { seed: 1, mode: 'assessment', strategy: 'best', carried });
    expect(chosen(other)).not.toContain('d3-terms');
    expect(chosen(other)).not.toContain('m4-shoulder');
  });

  it('shows the intention she found at preparation, and says when there is none', () => {
    const step = dosed.run.report.decisions.find((d) => d.stepId === 'd-arrive')!;
    expect(step.feedback).toMatch(/let whatever's there be there/);
    const alone = playHeadless(dosing, { seed: 1, mode: 'assessment', strategy: 'best' });
    const aloneStep = alone.report.decisions.find((d) => d.stepId === 'd-arrive')!;
    expect(aloneStep.feedback).toMatch(/no intention was found/);
  });

  it('updates the safety plan made at preparation, or builds one when there is none', () => {
    expect(chosen(integrated.run)).toContain('n5-review');
    const alone = playHeadless(integration, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(chosen(alone)).toContain('n5-build');
    expect(chosen(alone)).not.toContain('n5-review');
  });

  it('compares the disclosure with the baseline only when one was recorded', () => {
    const withBaseline = integrated.run.report.decisions.find((d) => d.optionId === 'n2-ask')!;
    expect(withBaseline.feedback).toMatch(/baseline/);
    const alone = playHeadless(integration, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(alone.report.decisions.find((d) => d.optionId === 'n2-ask')!.feedback).not.toMatch(
      /baseline/,
    );
  });
});

describe('the integration visit', () => {
  it(
    'cannot end after a disclosure until a risk assessment is recorded',
    { timeout: 60_000 },
    () => {
      // The worst player skips the structured assessment; the end gate sends it back to one.
      const worst = playHeadless(integration, { seed: 1, mode: 'assessment', strategy: 'worst' });
      expect(chosen(worst)).not.toContain('n3-cssrs');
      expect(chosen(worst)).toContain('n11-late');
      for (const seed of SEEDS) {
        const run = playHeadless(integration, { seed, mode: 'assessment', strategy: 'random' });
        expect(run.report.ending, `seed ${seed}`).not.toBeNull();
        expect(run.snapshot.context.facts.riskAssessmentRecorded, `seed ${seed}`).toBe(true);
      }
    },
  );

  it('gives no drug', () => {
    const run = playHeadless(integration, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(run.snapshot.context.facts.dosed).toBe(false);
    const prep = playHeadless(preparation, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(prep.snapshot.context.facts.dosed).toBe(false);
  });
});
