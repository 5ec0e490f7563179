/**
 * Cohort and progress figures: each is checked against a value worked out here, independently,
 * from the headless runs' own reports (not from the module's helpers).
 */
import { describe, expect, it } from 'vitest';
import {
  claimText,
  cohortAttempt,
  cohortCsv,
  cohortFigures,
  decisionsAt,
  dedupeAttempts,
  scenarioFigures,
  pseudonymise,
  summarise,
  traineeProgress,
  type CohortAttempt,
} from '../../../src/engine/cohort/index.ts';
import { restoreAttempt } from '../../../src/engine/attempt/index.ts';
import { parseCsv } from '../../../src/engine/results/csv.ts';
import type { ExportedAttempt } from '../../../src/engine/results/export.ts';
import { playHeadless, type Strategy } from '../../../src/engine/play/headless.ts';
import type { Mode } from '../../../src/engine/session/types.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);

function run(seed: number, strategy: Strategy, mode: Mode, day: number) {
  const r = playHeadless(scenario, { seed, mode, strategy });
  const entry: ExportedAttempt = {
    attempt: r.attempt,
    report: r.report,
    comments: [],
    finishedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    scenarioVersion: scenario.version,
    verified: true,
  };
  return { r, entry };
}

const plays = [
  { who: 'Ada', ...run(1, 'worst', 'practice', 1) },
  { who: 'Ada', ...run(2, 'best', 'assessment', 3) },
  { who: 'Ben', ...run(3, 'random', 'practice', 2) },
  { who: 'Ben', ...run(4, 'random', 'assessment', 4) },
  { who: 'Cy', ...run(5, 'worst', 'assessment', 5) },
];
const verified = plays.map((p) => cohortAttempt(p.entry, p.who, 'file', scenario));

describe('collecting attempts', () => {
  it('verifies by replay, and never counts a forged score', () => {
    const worst = plays[0]!;
    const forged = cohortAttempt(
      { ...worst.entry, report: { ...worst.entry.report, passed: true, overall: 100 } },
      'Ada',
      'file',
      scenario,
    );
    expect(forged.verified).toBe(true);
    expect(forged.report!.overall).toBe(worst.r.report.overall);
    expect(forged.report!.passed).toBe(worst.r.report.passed);
  });

  it('marks an attempt whose report claimed another result than its replay', () => {
    const worst = plays[0]!;
    const replayed = worst.r.report;
    expect(replayed.passed).toBe(false);
    const forged = cohortAttempt(
      { ...worst.entry, report: { ...worst.entry.report, passed: true, overall: 96.5 } },
      'Ada',
      'file',
      scenario,
    );
    expect(forged.claimed).toEqual({ passed: true, overall: 96.5 });
    expect(claimText(forged)).toBe(
      `claimed passed, 96.5%; replayed not passed, ${replayed.overall}%`,
    );
    // An honest report carries no claim.
    expect(verified[0]!.claimed).toBeUndefined();
    expect(claimText(verified[0]!)).toBe('');
    // The claim is in the attempt rows of the CSV.
    const rows = parseCsv(
      cohortCsv(
        [],
        [forged, verified[1]!],
        { scenarios: false, attempts: true, names: 'none' },
        (n) => n,
      ),
    );
    const col = rows[0]!.indexOf('claimed_result');
    expect(rows[1]![col]).toBe(claimText(forged));
    expect(rows[2]![col]).toBe('');
  });

  it('takes the version its log replays against, and marks a file naming another', () => {
    const entry = { ...plays[1]!.entry, scenarioVersion: '2.0.0' };
    const a = cohortAttempt(entry, 'Ada', 'file', scenario);
    expect(a.verified).toBe(true);
    expect(a.scenarioVersion).toBe(scenario.version);
    expect(a.claimedVersion).toBe('2.0.0');
    expect(claimText(a)).toBe(`claims version 2.0.0; replayed against ${scenario.version}`);
    // An honest file names the version it replays against: no claim.
    expect(verified[1]!.claimedVersion).toBeUndefined();
    // The attempt rows of the CSV say it in claimed_result.
    const rows = parseCsv(
      cohortCsv([], [a], { scenarios: false, attempts: true, names: 'none' }, (n) => n),
    );
    expect(rows[1]![rows[0]!.indexOf('claimed_result')]).toBe(claimText(a));
  });

  it('names a duplicated attempt the same way whatever order its copies come in', () => {
    const base = verified[0]!;
    const copy = {
      ...base,
      trainee: 'Alice Park (1)',
      traineeFromFile: true,
      source: 'Alice Park (1).json',
    };
    const original = {
      ...base,
      trainee: 'Alice Park',
      traineeFromFile: true,
      source: 'Alice Park.json',
    };
    for (const order of [
      [copy, original],
      [original, copy],
    ]) {
      const [a] = dedupeAttempts(order);
      expect(a!.trainee).toBe('Alice Park');
      expect(a!.otherNames).toEqual(['Alice Park (1)']);
    }
    // A name recorded in the file wins over any file's name.
    const recorded = { ...base, trainee: 'Dr Alice Park', source: 'x.json' };
    const [b] = dedupeAttempts([copy, original, recorded]);
    expect(b!.trainee).toBe('Dr Alice Park');
    expect(b!.traineeFromFile).toBe(false);
    expect(b!.otherNames).toEqual(['Alice Park (1)', 'Alice Park']);
    // The same name twice is no conflict.
    const [c] = dedupeAttempts([base, { ...base }]);
    expect(c!.otherNames).toBeUndefined();
  });

  it('keeps a claim made by any copy of a duplicated attempt, whatever the reading order', () => {
    const base = verified[0]!;
    const edited = {
      ...base,
      source: 'Bob Edited.json',
      claimedVersion: '2.0.0',
      claimed: { passed: true, overall: 99 },
    };
    for (const order of [
      [base, edited],
      [edited, base],
    ]) {
      const [a] = dedupeAttempts(order);
      expect(claimText(a!)).toContain('claims version 2.0.0');
      expect(a!.claimed).toEqual({ passed: true, overall: 99 });
    }
  });

  it('marks an attempt of a version not at hand unverified, and leaves it out of the figures', () => {
    const changed = { ...scenario, version: '9.9.9', title: `${scenario.title} (edited)` };
    const other = cohortAttempt(plays[1]!.entry, 'Ada', 'file', changed);
    expect(other.verified).toBe(false);
    expect(other.unverifiedReason).toMatch(/^Unverified — /);
    const missing = cohortAttempt(plays[1]!.entry, 'Ada', 'file', null);
    expect(missing.unverifiedReason).toMatch(/not at hand/);
    const [f] = cohortFigures([...verified.slice(2), missing]);
    expect(f!.attempts).toBe(3);
  });

  it('counts an attempt met twice once, preferring a verified copy', () => {
    const unverifiedCopy = cohortAttempt(plays[0]!.entry, '', 'LRS', null);
    const list = dedupeAttempts([unverifiedCopy, ...verified, verified[0]!]);
    expect(list).toHaveLength(5);
    const ada = list.find((a) => a.id === verified[0]!.id)!;
    expect(ada.verified).toBe(true);
    expect(ada.trainee).toBe('Ada');
  });
});

describe('cohort figures', () => {
  const [f] = cohortFigures(verified);
  const reports = plays.map((p) => p.r.report);

  it('attempts, modes and pass rate', () => {
    expect(f!.attempts).toBe(5);
    expect(f!.practice).toBe(2);
    expect(f!.assessment).toBe(3);
    const passed = reports.filter((r) => r.passed).length;
    expect(f!.passed).toBe(passed);
    expect(f!.passRate).toBeCloseTo(passed / 5);
  });

  it('competency distributions', () => {
    for (const id of Object.keys(reports[0]!.competencies)) {
      const values = reports.map((r) => r.competencies[id]!.percent).filter((p) => p !== null);
      const sorted = [...values].sort((a, b) => a - b);
      const m = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[m] : (sorted[m - 1]! + sorted[m]!) / 2;
      expect(f!.competencies[id]!.summary.median).toBe(sorted.length ? median : null);
      expect(f!.competencies[id]!.summary.min).toBe(sorted[0] ?? null);
      expect(f!.competencies[id]!.bins.reduce((s, b) => s + b, 0)).toBe(values.length);
    }
  });

  it('breached standards and critical errors ranked by frequency', () => {
    const counts: Record<string, number> = {};
    for (const r of reports)
      for (const d of r.decisions)
        for (const s of d.standards?.breaches ?? []) counts[s] = (counts[s] ?? 0) + 1;
    expect(Object.fromEntries(f!.breachedStandards.map((s) => [s.id, s.count]))).toEqual(counts);
    const attemptsWith = f!.breachedStandards.map((s) => s.attempts);
    expect(attemptsWith).toEqual([...attemptsWith].sort((a, b) => b - a));
    const criticalTotal = reports.reduce((s, r) => s + r.criticalErrors.length, 0);
    expect(f!.criticalErrors.reduce((s, c) => s + c.count, 0)).toBe(criticalTotal);
  });

  it('with the scenario, every step and every option is listed, 0 when nobody chose it', () => {
    const g = scenarioFigures(scenario.id, verified, scenario);
    for (const phase of scenario.phases)
      for (const step of phase.steps) {
        const row = g.steps.find((s) => s.id === step.id);
        expect(row, step.id).toBeDefined();
        expect(row!.choices.map((c) => c.optionId).sort()).toEqual(
          expect.arrayContaining(step.options.map((o) => o.id).sort()),
        );
        const before = f!.steps.find((s) => s.id === step.id);
        for (const c of row!.choices) {
          const was = before?.choices.find((b) => b.optionId === c.optionId);
          expect(c.count, `${step.id}/${c.optionId}`).toBe(was?.count ?? 0);
          if (!was) expect(c.share).toBe(0);
        }
        if (!before) expect(row).toMatchObject({ reached: 0, reach: 0, decisions: 0 });
      }
    // Some option of the scenario was chosen by nobody, and is listed anyway.
    expect(g.steps.some((s) => s.choices.some((c) => c.count === 0))).toBe(true);
  });

  it('with the scenario, steps are listed by phase in the file’s order, then events, then checks', () => {
    const g = scenarioFigures(scenario.id, verified, scenario);
    const fileOrder = [
      ...scenario.phases.flatMap((p) => p.steps.map((s) => s.id)),
      ...scenario.events.map((e) => e.id),
      ...scenario.protocol.monitoring.map((c) => c.id),
    ];
    const listed = g.steps.map((s) => s.id);
    expect(listed.every((id) => fileOrder.includes(id))).toBe(true);
    expect(listed).toEqual(fileOrder.filter((id) => listed.includes(id)));
    // Without the scenario, the order met is kept (and differs here, so the test can fail).
    expect(f!.steps.map((s) => s.id)).not.toEqual(
      fileOrder.filter((id) => f!.steps.some((s) => s.id === id)),
    );
  });

  it('each step’s reach and each option’s choice share', () => {
    const first = reports[0]!.decisions[0]!;
    const place = first.stepId ?? first.eventId ?? first.checkId;
    const step = f!.steps.find((s) => s.id === place)!;
    const reachedBy = reports.filter((r) =>
      r.decisions.some((d) => (d.stepId ?? d.eventId ?? d.checkId) === place),
    ).length;
    expect(step.reached).toBe(reachedBy);
    expect(step.reach).toBeCloseTo(reachedBy / 5);
    const chosen = reports.flatMap((r) =>
      r.decisions.filter((d) => d.stepId === place).map((d) => d.optionId),
    );
    for (const c of step.choices)
      expect(c.count).toBe(chosen.filter((o) => o === c.optionId).length);
    expect(step.choices.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1);
    const at = decisionsAt(verified, scenario.id, place!, (n) => `P-${n.length}`);
    expect(at).toHaveLength(chosen.length);
    expect(at.every((d) => /^P-\d$/.test(d.trainee))).toBe(true);
    // Each row says which attempt it is from: its mode, date and replayed result.
    const expectedRows = plays.flatMap((p) =>
      p.r.report.decisions
        .filter((d) => d.stepId === place)
        .map(() => [
          p.entry.attempt.mode,
          p.entry.finishedAt,
          p.r.report.overall,
          p.r.report.passed,
        ]),
    );
    expect(at.map((d) => [d.mode, d.finishedAt, d.overall, d.passed])).toEqual(expectedRows);
    expect(new Set(at.map((d) => d.mode))).toEqual(new Set(['practice', 'assessment']));
  });

  it('alarm response times, and where unfinished attempts stop', () => {
    const times = reports.flatMap((r) =>
      r.alarmResponses.filter((a) => a.minutes !== null).map((a) => a.minutes!),
    );
    expect(f!.alarms.reduce((s, a) => s + a.summary.count, 0)).toBe(times.length);
    const left = playHeadless(scenario, {
      seed: 9,
      mode: 'practice',
      strategy: 'best',
    });
    const events = left.attempt.events;
    // Leave the session part way: after its fourth event.
    const cut = {
      ...left.attempt,
      events: [...events.slice(0, 4), { type: 'session.leave' as const }],
    };
    const a = cohortAttempt({ ...plays[0]!.entry, attempt: cut }, 'Dee', 'file', scenario);
    const [g] = cohortFigures([...verified, a]);
    expect(a.report!.status).not.toBe('debrief');
    const last = a.report!.decisions.at(-1);
    expect(g!.leaves).toEqual([
      { id: last ? (last.stepId ?? last.eventId ?? last.checkId) : '', count: 1, attempts: 1 },
    ]);
  });
});

describe('attempts left before the debrief', () => {
  /** Plays as `run` does, then ends the attempt ("End the attempt") after two choices. */
  function leftEvents(entry: ExportedAttempt) {
    const events = entry.attempt.events;
    let chosen = 0;
    const cut = events.findIndex((e) => e.type === 'trainee.choose' && ++chosen === 2);
    return [...events.slice(0, cut + 1), { type: 'session.leave' as const }];
  }
  function leftAfterTwo(seed: number, mode: Mode) {
    const { entry } = run(seed, 'best', mode, 6);
    const attempt = { ...entry.attempt, events: leftEvents(entry) };
    const report = restoreAttempt(scenario, attempt).report;
    return cohortAttempt({ ...entry, attempt, report }, 'Eve', 'file', scenario);
  }
  const left = [
    leftAfterTwo(11, 'practice'),
    leftAfterTwo(12, 'assessment'),
    leftAfterTwo(13, 'practice'),
  ];

  it('are not failures: attempts, pass rate and score spreads count finished attempts only', () => {
    for (const a of left) expect(a.verified && a.report.status).toBe('left');
    const [only] = cohortFigures(left);
    expect(only).toMatchObject({ attempts: 0, unfinished: 3, passed: 0, passRate: null });
    for (const c of Object.values(only!.competencies)) expect(c.summary.count).toBe(0);
    // …but where trainees leave counts them all.
    expect(only!.leaves.reduce((s, l) => s + l.attempts, 0)).toBe(3);

    const [mixed] = cohortFigures([...verified, ...left]);
    const [plain] = cohortFigures(verified);
    expect(mixed!.attempts).toBe(5);
    expect(mixed!.unfinished).toBe(3);
    expect(mixed!.passRate).toBe(plain!.passRate);
    expect(mixed!.competencies).toEqual(plain!.competencies);

    // The CSV's scenario row says the same, with the number left beside it.
    const rows = parseCsv(
      cohortCsv(
        cohortFigures(left),
        left,
        { scenarios: true, attempts: true, names: 'none' },
        (n) => n,
      ),
    );
    const col = (name: string) => rows[0]!.indexOf(name);
    const scenarioRow = rows[1]!;
    expect(
      [col('attempts'), col('passed'), col('pass_rate_percent'), col('left_before_debrief')].map(
        (c) => scenarioRow[c],
      ),
    ).toEqual(['0', '0', '', '3']);
    for (const r of rows.slice(2))
      expect([r[col('passed')], r[col('overall_percent')]]).toEqual(['', '']);
  });

  it('have no verdict or score in the decisions at a step, nor in a claim', () => {
    const a = left[0]!;
    const first = a.report!.decisions[0]!;
    const [d] = decisionsAt([a], scenario.id, first.stepId!, (n) => n);
    expect(d).toMatchObject({ overall: null, passed: null });
    expect(d!.resultText).toBe('left before the debrief (not scored)');
    // A file claiming a finished result for it: the claim names the replayed result as left.
    const { entry } = run(11, 'best', 'practice', 6);
    const claimed = cohortAttempt(
      { ...entry, attempt: { ...entry.attempt, events: a.report ? leftEvents(entry) : [] } },
      'Eve',
      'file',
      scenario,
    );
    expect(claimText(claimed)).toBe(
      `claimed ${entry.report.passed ? 'passed' : 'not passed'}, ${entry.report.overall}%; replayed left before the debrief (not scored)`,
    );
    // A recorded report that itself says "left" claims nothing.
    expect(a.claimed).toBeUndefined();
  });
});

describe('summaries and pseudonyms', () => {
  it('summarises a list', () => {
    expect(summarise([4, 1, 3, 2])).toEqual({ count: 4, min: 1, median: 2.5, mean: 2.5, max: 4 });
    expect(summarise([])).toEqual({ count: 0, min: null, median: null, mean: null, max: null });
  });

  it('pseudonyms are deterministic per seed, distinct per name, and hide the name', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Trainee name ${i}`);
    const a = pseudonymise(names, 42);
    const b = pseudonymise([...names].reverse(), 42);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(new Set(a.values()).size).toBe(300);
    const c = pseudonymise(names, 43);
    expect(names.filter((n) => a.get(n) === c.get(n)).length).toBeLessThan(10);
    for (const [name, p] of a) expect(p).not.toContain(name);
  });
});

describe('trainee progress', () => {
  const ada = verified.filter((a) => a.trainee === 'Ada');
  const catalogue = ['intro', scenario.id, 'later'];
  const p = traineeProgress(ada, catalogue);

  it('trends oldest first, practice and assessment told apart', () => {
    expect(p.overall.map((t) => [t.mode, t.percent])).toEqual([
      ['practice', plays[0]!.r.report.overall],
      ['assessment', plays[1]!.r.report.overall],
    ]);
    expect(p.practice).toBe(1);
    expect(p.assessment).toBe(1);
    const id = Object.keys(plays[0]!.r.report.competencies)[0]!;
    expect(p.scenarios[0]!.competencies[id]!.points.map((t) => t.percent)).toEqual(
      [plays[0]!.r.report, plays[1]!.r.report]
        .map((r) => r.competencies[id]!.percent)
        .filter((x) => x !== null),
    );
  });

  it('says which names an overall competency trend combines', () => {
    const id = Object.keys(plays[0]!.r.report.competencies)[0]!;
    const label = plays[0]!.r.report.competencies[id]!.label;
    expect(p.competencies[id]!.labels).toEqual([label]);
    // Another scenario naming the same competency differently: the trend lists both names.
    const [first, second] = ada;
    const renamed = {
      ...second!,
      scenarioId: 'other',
      report: {
        ...second!.report!,
        competencies: Object.fromEntries(
          Object.entries(second!.report!.competencies).map(([k, c]) => [
            k,
            k === id ? { ...c, label: `${label} and ethics` } : c,
          ]),
        ),
      },
    } as CohortAttempt;
    for (const a of [first!, renamed])
      expect(a.verified && a.report.competencies[id]!.percent).not.toBeNull();
    const both = traineeProgress([first!, renamed], catalogue);
    expect(both.competencies[id]!.labels).toEqual([label, `${label} and ethics`]);
    expect(both.competencies[id]!.points).toHaveLength(2);
    expect(both.scenarios.map((s) => s.competencies[id]!.labels)).toEqual([
      [label],
      [`${label} and ethics`],
    ]);
  });

  it('standards breached, time on task and scenarios not yet tried', () => {
    const breaches = [plays[0]!, plays[1]!].flatMap((x) =>
      x.r.report.decisions.flatMap((d) => d.standards?.breaches ?? []),
    );
    expect(p.breachedStandards.reduce((s, b) => s + b.count, 0)).toBe(breaches.length);
    const minutes = (e: ExportedAttempt) =>
      e.attempt.events.reduce((s, ev) => s + (ev.type === 'clock.advance' ? ev.minutes : 0), 0);
    expect(p.timeOnTask).toEqual({
      practice: minutes(plays[0]!.entry),
      assessment: minutes(plays[1]!.entry),
    });
    expect(p.notTried).toEqual(['intro', 'later']);
  });

  it('an attempt left before its debrief is counted apart, but its scenario has been tried', () => {
    const first = ada[0]!;
    if (!first.verified) throw new Error('the fixture attempt is verified');
    const left = {
      ...first,
      id: 'left-attempt',
      key: 'left-attempt',
      scenarioId: 'later',
      report: { ...first.report, status: 'left' as const },
    };
    const withLeft = traineeProgress([...ada, left], catalogue);
    expect(withLeft.unfinished).toBe(1);
    expect(withLeft.attempts).toBe(p.attempts);
    expect(withLeft.timeOnTask).toEqual(p.timeOnTask);
    expect(withLeft.notTried).toEqual(['intro']);
    expect(p.unfinished).toBe(0);
  });
});

describe('cohort CSV export', () => {
  const figures = cohortFigures(verified);
  const named = (list: CohortAttempt[]) => list.map((a) => ({ ...a, trainee: '=HYPERLINK("x")' }));

  it('holds only what was chosen, with the formula guard', () => {
    const onlyScenarios = parseCsv(
      cohortCsv(figures, verified, { scenarios: true, attempts: false, names: 'none' }, (n) => n),
    );
    expect(onlyScenarios.slice(1).map((r) => r[0])).toEqual(['scenario']);
    const rows = parseCsv(
      cohortCsv(
        figures,
        named(verified),
        { scenarios: false, attempts: true, names: 'names' },
        (n) => n,
      ),
    );
    expect(rows).toHaveLength(6);
    const trainee = rows[0]!.indexOf('trainee');
    expect(rows[1]![trainee]).toBe(`'=HYPERLINK("x")`);
    const hidden = parseCsv(
      cohortCsv(
        figures,
        verified,
        { scenarios: false, attempts: true, names: 'pseudonyms' },
        () => 'P',
      ),
    );
    expect(hidden.slice(1).every((r) => r[trainee] === 'P')).toBe(true);
    expect(hidden.flat().join()).not.toMatch(/Ada|Ben/);
  });

  it('writes each scenario title beside its id', () => {
    const rows = parseCsv(
      cohortCsv(
        figures,
        verified,
        { scenarios: true, attempts: true, names: 'none' },
        (n) => n,
        (id) => `Title of ${id}`,
      ),
    );
    const [id, title] = ['scenario', 'scenario_title'].map((c) => rows[0]!.indexOf(c));
    expect(rows.length).toBe(1 + figures.length + verified.length);
    for (const r of rows.slice(1)) expect(r[title!]).toBe(`Title of ${r[id!]}`);
  });
});
