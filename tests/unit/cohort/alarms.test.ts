/**
 * Alarm response times with real alarms: attempts of a scenario whose blood pressure rises past
 * the alarm limits, played headless answering the alarms at once, late, or leaving with one
 * sounding. The figures the progress screen and the cohort view show are checked against the
 * alarms worked out here from what the monitor showed and when the trainee acted.
 */
import { describe, expect, it } from 'vitest';
import {
  cohortAttempt,
  scenarioFigures,
  traineeProgress,
  type CohortAttempt,
} from '../../../src/engine/cohort/index.ts';
import {
  ALARM_SCENARIO,
  expectedAlarmFigures,
  medianOf,
  type MetAlarm,
  verifiedAlarmPlays,
} from '../../fixtures/cohort/alarm-plays.ts';
import { bundledScenario } from '../../fixtures/cohort/cohort-fixtures.ts';

const scenario = bundledScenario(ALARM_SCENARIO);
const plays = verifiedAlarmPlays(scenario).map((p) => ({
  ...p,
  a: cohortAttempt(p.entry, p.trainee, 'file', scenario),
}));

function expectFigures(
  figures: {
    signal: string;
    summary: { count: number; median: number | null; max: number | null };
    unanswered: number;
  }[],
  met: readonly MetAlarm[],
) {
  const expected = expectedAlarmFigures(met);
  expect(figures.map((f) => f.signal).sort()).toEqual([...expected.keys()].sort());
  for (const f of figures) {
    const e = expected.get(f.signal)!;
    expect(f.summary.count, f.signal).toBe(e.times.length);
    expect(f.summary.median, f.signal).toBe(medianOf(e.times));
    expect(f.summary.max, f.signal).toBe(e.times.at(-1) ?? null);
    expect(f.unanswered, f.signal).toBe(e.unanswered);
  }
}

describe('alarm response times with real alarms', () => {
  it('the plays meet real alarms: answered at once, answered late, and never answered', () => {
    const all = plays.flatMap((p) => p.met);
    const times = all.filter((m) => m.answeredAt !== null).map((m) => m.answeredAt! - m.raisedAt!);
    expect(times.length).toBeGreaterThan(5);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(7);
    // The late answers are at least as late as the trainee waited.
    for (const p of plays.filter((p) => p.policy.kind === 'late'))
      expect(p.met[0]!.answeredAt! - p.met[0]!.raisedAt!).toBeGreaterThanOrEqual(
        p.policy.kind === 'late' ? p.policy.minutes : 0,
      );
    // Leaving with an alarm sounding leaves it unanswered, in an unfinished attempt.
    const left = plays.find((p) => p.policy.kind === 'leave')!;
    expect(left.a.verified && left.a.report.status).toBe('left');
    expect(left.met.length).toBeGreaterThan(0);
    expect(left.met.every((m) => m.answeredAt === null)).toBe(true);
  });

  it('each report gives the alarms the trainee met, and when they answered', () => {
    for (const p of plays) {
      expect(p.a.verified).toBe(true);
      if (!p.a.verified) continue;
      expect(
        p.a.report.alarmResponses.map((r) => ({
          signal: r.signal,
          raisedAt: r.raisedAt,
          answeredAt: r.respondedAt,
        })),
        `${p.trainee} ${JSON.stringify(p.policy)}`,
      ).toEqual(p.met);
    }
  });

  it("an alarm raised during the trainee's act is not answered by that act", () => {
    // The trainee who left: the check that raised the alarm (in its cuff minute) did not answer it.
    const left = plays.find((p) => p.policy.kind === 'leave')!;
    if (!left.a.verified) throw new Error('unverified');
    expect(left.a.report.alarmResponses.length).toBeGreaterThan(0);
    for (const r of left.a.report.alarmResponses)
      expect(r).toMatchObject({ respondedAt: null, minutes: null });
  });

  it('the cohort figures count every attempt’s alarms, unfinished ones included', () => {
    const f = scenarioFigures(
      ALARM_SCENARIO,
      plays.map((p) => p.a),
    );
    expectFigures(
      f.alarms,
      plays.flatMap((p) => p.met),
    );
  });

  it('with the scenario, the alarm figures count the alarms answered after the response window', () => {
    const within = scenario.protocol.alarmResponseMinutes!;
    expect(within).toBe(5);
    const f = scenarioFigures(
      ALARM_SCENARIO,
      plays.map((p) => p.a),
      scenario,
    );
    const expected = expectedAlarmFigures(plays.flatMap((p) => p.met));
    let late = 0;
    for (const a of f.alarms) {
      const e = expected.get(a.signal)!;
      expect(a.late, a.signal).toBe(e.times.filter((t) => t > within).length);
      late += a.late!;
    }
    // The trainee who let alarms sound for 7 minutes answered some only after the window.
    expect(late).toBeGreaterThan(0);
    // Without the scenario the response window is unknown: no late count is claimed.
    for (const a of scenarioFigures(
      ALARM_SCENARIO,
      plays.map((p) => p.a),
    ).alarms)
      expect(a.late).toBeNull();
  });

  it('the progress figures count one trainee’s alarms', () => {
    for (const trainee of new Set(plays.map((p) => p.trainee))) {
      const mine = plays.filter((p) => p.trainee === trainee);
      const progress = traineeProgress(
        mine.map((p): CohortAttempt => p.a),
        [ALARM_SCENARIO],
      );
      expectFigures(
        progress.alarms,
        mine.flatMap((p) => p.met),
      );
    }
  });
});
