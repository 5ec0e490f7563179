import { describe, expect, it } from 'vitest';
import { buildStatements, extensionIris } from '../../../src/engine/results/xapi.ts';
import { statementProblems } from '../../../src/engine/results/xapi-rules.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const base = 'https://training.example.org/kap/';
const actor = { name: 'Trainee', mbox: 'mailto:trainee@example.org' };
const options = { actor, activityBase: base, finishedAt: '2026-03-01T09:30:00.000Z' };

describe('buildStatements', () => {
  const files = shippedScenarioFiles();

  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: every statement follows the xAPI rules',
    (_, file) => {
      const scenario = loadScenarioFile(file);
      for (const strategy of ['best', 'worst', 'random'] as const) {
        const run = playHeadless(scenario, { seed: 11, mode: 'assessment', strategy });
        expect(run.ok).toBe(true);
        const statements = buildStatements(scenario, run.attempt, run.report, options);
        for (const s of statements)
          expect(statementProblems(JSON.parse(JSON.stringify(s))), s.verb.id).toEqual([]);
      }
    },
  );

  const scenario = loadScenarioFile(files[0]!);
  const run = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
  const statements = buildStatements(scenario, run.attempt, run.report, options);
  const verbs = statements.map((s) => s.verb.display['en-US']);

  it('runs initialized, experienced per phase, answered per decision, completed, passed/failed, terminated', () => {
    expect(verbs[0]).toBe('initialized');
    const experienced = statements.filter((s) => s.verb.display['en-US'] === 'experienced');
    const phases = experienced.map((s) => s.object.id.split('/').pop());
    expect(new Set(phases).size).toBe(phases.length);
    expect(experienced.map((s) => s.object.id.split('/').pop())[0]).toBe('preparation');
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(run.report.decisions.length);
    expect(verbs.slice(-3)).toEqual([
      'completed',
      run.report.passed ? 'passed' : 'failed',
      'terminated',
    ]);
    // Every phase a decision was made in was entered first.
    const enteredBefore = new Set<string>();
    for (const s of statements) {
      if (s.verb.display['en-US'] === 'experienced')
        enteredBefore.add(s.object.id.split('/').pop()!);
    }
    for (const d of run.report.decisions)
      if (d.phase) expect(enteredBefore.has(d.phase)).toBe(true);
  });

  it('answers carry the chosen option, the options offered, the points and the simulated minute', () => {
    const answered = statements.filter((s) => s.verb.display['en-US'] === 'answered');
    const ext = extensionIris(base);
    run.report.decisions.forEach((d, i) => {
      const s = answered[i]!;
      if (d.kind === 'step' || d.kind === 'event') {
        expect(s.object.definition.interactionType).toBe('choice');
        expect(s.result!.response).toBe(d.optionId);
        expect(s.object.definition.choices!.map((c) => c.id)).toContain(d.optionId);
      }
      for (const [c, p] of Object.entries(d.points))
        expect(s.result!.extensions![ext.competency(c)]).toBe(p);
      expect(s.context.extensions[ext.simulatedMinute]).toBe(d.minute);
      expect(s.context.extensions[ext.scenarioVersion]).toBe(scenario.version);
    });
  });

  it('scores the attempt as scaled, raw, min and max', () => {
    const verdict = statements.at(-2)!;
    expect(verdict.result!.score).toEqual({
      scaled: run.report.overall / 100,
      raw: run.report.overall,
      min: 0,
      max: 100,
    });
    expect(verdict.result!.success).toBe(run.report.passed);
  });

  it('derives the same ids for the same attempt, and different ids for another one', () => {
    const again = buildStatements(scenario, run.attempt, run.report, {
      ...options,
      finishedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(again.map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const other = playHeadless(scenario, { seed: 4, mode: 'assessment', strategy: 'best' });
    const otherIds = new Set(
      buildStatements(scenario, other.attempt, other.report, options).map((s) => s.id),
    );
    expect(statements.some((s) => otherIds.has(s.id))).toBe(false);
  });

  it('uses a launch registration when one is given', () => {
    const registration = '0f8e2d1c-1111-4aaa-8bbb-123456789abc';
    const launched = buildStatements(scenario, run.attempt, run.report, {
      ...options,
      registration,
    });
    expect(launched.every((s) => s.context.registration === registration)).toBe(true);
    expect(statements[0]!.context.registration).not.toBe(registration);
  });
});

describe('scheduled vitals checks', () => {
  it('answer true when the check was made in its window and false when it was missed', () => {
    const files = shippedScenarioFiles();
    // A scenario whose best and worst plays dose and whose worst play makes none of its scheduled checks (a worst
    // choice may itself take a reading, e.g. one that leaves the form for later), so they are missed.
    const worst = (s: ReturnType<typeof loadScenarioFile>) =>
      playHeadless(s, { seed: 2, mode: 'assessment', strategy: 'worst' });
    const missesEveryCheck = (s: ReturnType<typeof loadScenarioFile>) => {
      const c = worst(s).snapshot.context;
      const best = playHeadless(s, { seed: 2, mode: 'assessment', strategy: 'best' });
      return (
        c.facts.dosed &&
        best.snapshot.context.facts.dosed &&
        !Object.values(c.checks).includes('done')
      );
    };
    const scenario = files
      .map(loadScenarioFile)
      .find((s) => s.protocol.monitoring.length > 0 && missesEveryCheck(s))!;
    const made = playHeadless(scenario, { seed: 2, mode: 'assessment', strategy: 'best' });
    const missed = worst(scenario);
    const checks = (run: typeof made) =>
      buildStatements(scenario, run.attempt, run.report, options).filter(
        (s) => s.object.definition.interactionType === 'true-false',
      );
    expect(checks(made).length).toBeGreaterThan(0);
    expect(checks(made).every((s) => s.result!.response === 'true')).toBe(true);
    expect(checks(missed).length).toBeGreaterThan(0);
    expect(checks(missed).every((s) => s.result!.response === 'false')).toBe(true);
  });
});
