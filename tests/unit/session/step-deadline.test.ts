/**
 * Step deadlines (session/deadlines.ts, format/step-deadlines.ts): a step's offer is withdrawn
 * once the clock passes its deadline, recorded as a decision not made, and the session moves on;
 * text written for a minute is never shown after that minute has passed. And a monitor alarm left
 * unanswered past the protocol's response time is a crisis (crisis.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadVisitFixture } from './fixtures.ts';
import { CAREFUL, HURRIED, IM, dosed } from './im-paths.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { markOverdueAlarms } from '../../../src/engine/session/monitoring.ts';
import type { AlarmRecord, SessionContext } from '../../../src/engine/session/types.ts';

/** Lets the clock run one minute at a time, never answering, until `minute` after the dose. */
function waitUntil(s: SessionSnapshot, minute: number): SessionSnapshot {
  while (viewSession(s).status === 'running' && (viewSession(s).minute ?? 0) < minute)
    s = step(s, { type: 'clock.advance', minutes: 1 });
  return s;
}

const send = (s: SessionSnapshot, e: SessionEvent) => step(s, e);
const stepDecisions = (s: SessionSnapshot, stepId: string) =>
  s.context.decisions.toArray().filter((d) => d.kind === 'step' && d.refId === stepId);

describe('a step is withdrawn at its deadline (the trial of the minute-4 line)', () => {
  it('the minute-4 line is offered until minute 14, then withdrawn when the minute-15 step is due', () => {
    const at14 = waitUntil(dosed(IM, CAREFUL), 14);
    expect(viewSession(at14).step?.id).toBe('mon-onset');
    expect(viewSession(at14).options.map((o) => o.id)).toContain('m1-silence');

    const at15 = waitUntil(at14, 15);
    const v = viewSession(at15);
    expect(v.step?.id).toBe('mon-15');
    expect(v.options.map((o) => o.id)).not.toContain('m1-silence');
    // The attempt records the decision not made: no option, at minute 15, no points.
    expect(stepDecisions(at15, 'mon-onset')).toEqual([
      expect.objectContaining({ optionId: null, minute: 15 }),
    ]);
    const report = scoreContext(at15.context);
    const withdrawn = report.decisions.find((d) => d.stepId === 'mon-onset')!;
    expect(withdrawn.optionId).toBeNull();
    expect(withdrawn.points).toEqual({});
    expect(withdrawn.bestOptionId).toBe('m1-brief');
    const said = v.transcript.map((t) => `${t.minute} ${t.speaker}: ${t.text}`);
    expect(said).toContain('15 system: No answer was given in time: the moment passed.');
  });

  it('"Say nothing" cannot be chosen after the deadline, so it earns no +1 at minute 126', () => {
    let s = waitUntil(dosed(IM, CAREFUL), 126);
    s = send(s, { type: 'trainee.choose', optionId: 'm1-silence' });
    const last = s.context.log.toArray().at(-1)!;
    expect(last).toMatchObject({
      accepted: false,
      reason: 'That option is not offered at this step.',
    });
    const report = scoreContext(s.context);
    const onset = report.decisions.filter((d) => d.stepId === 'mon-onset');
    expect(onset).toHaveLength(1);
    expect(onset[0]!.optionId).toBeNull();
    expect(onset[0]!.points).toEqual({});
  });

  it('no step text that names a minute is shown after that minute has passed', () => {
    const s = waitUntil(dosed(IM, CAREFUL), 126);
    const v = viewSession(s);
    for (const line of v.transcript) {
      const named = /^Minute (\d+)\./.exec(line.text);
      if (named) expect(line.minute).toBe(Number(named[1]));
    }
    expect(v.step?.text ?? '').not.toMatch(/^Minute (1[0-1]\d|\d\d?)\./);
    expect(v.step?.text ?? '').not.toMatch(/Minute 15/);
  });

  it('on the crisis branch, leaving the minute-30 step unanswered ends the session as the scenario says', () => {
    const s = waitUntil(dosed(IM, HURRIED), 40);
    const v = viewSession(s);
    expect(v.status).toBe('debrief');
    expect(v.ending?.id).toBe('late-collapse');
    const report = scoreContext(s.context);
    const mon30 = report.decisions.find((d) => d.stepId === 'mon-30')!;
    expect(mon30).toMatchObject({ optionId: null, minute: 35, points: { safety: -5 } });
    expect(report.criticalErrors.map((c) => c.minute)).toContain(35);
    expect(report.passed).toBe(false);
  });

  it('"advance to the next event" stops at the deadline, the last minute the step can be answered', () => {
    let s = waitUntil(dosed(IM, CAREFUL), 5);
    expect(viewSession(s).step?.id).toBe('mon-onset');
    // Advance event by event (answering the blood-pressure alarm when it opens) up to minute 14.
    const stops: number[] = [];
    for (let i = 0; i < 10 && s.context.minute! < 14; i++) {
      for (const e of viewSession(s).openEvents)
        s = send(s, { type: 'trainee.choose', optionId: e.options[0]!.id });
      expect(viewSession(s).nextEventMinute).toBeLessThanOrEqual(14);
      s = send(s, { type: 'clock.advance', minutes: viewSession(s).minutesToNextEvent! });
      stops.push(s.context.minute!);
    }
    expect(stops.at(-1)).toBe(14);
    expect(viewSession(s).step?.id).toBe('mon-onset');
    expect(viewSession(s).nextEventMinute).toBe(15);
  });

  it('a step reached after its deadline is withdrawn without being shown, and the session goes on', () => {
    let s = dosed(IM, CAREFUL);
    for (const [minute, optionId] of [
      [4, 'm1-brief'],
      [15, 'm2-check'],
      [20, 'md-silence'],
      [25, 'm3-watch'],
      [30, 'm4-check'],
      [35, 'g1-interpret'], // leads to the untimed repair step
    ] as const) {
      s = waitUntil(s, minute);
      for (const e of viewSession(s).openEvents)
        s = send(s, { type: 'trainee.choose', optionId: e.options[0]!.id });
      s = send(s, { type: 'trainee.choose', optionId });
    }
    expect(viewSession(s).step?.id).toBe('conv-repair');
    // The repair step has no minute: it waits. At minute 95 the trainee answers it; the minute-45
    // check step and the minute-75 step have passed their deadlines and are never shown.
    s = waitUntil(s, 95);
    expect(viewSession(s).step?.id).toBe('conv-repair');
    s = send(s, { type: 'trainee.choose', optionId: 'gr-own' });
    const v = viewSession(s);
    expect(v.step?.id).toBe('int-check90');
    expect(v.transcript.some((t) => /^Minute (45|75)/.test(t.text))).toBe(false);
    expect(stepDecisions(s, 'conv-check45')).toEqual([
      expect.objectContaining({ optionId: null, minute: 95 }),
    ]);
    expect(stepDecisions(s, 'conv-tears')).toEqual([
      expect.objectContaining({ optionId: null, minute: 95 }),
    ]);
    expect(v.transcript.filter((t) => t.minute === 95 && t.speaker === 'system')).toEqual([]);
  });

  it('a step without a minute or a written expiry waits for its answer while the clock runs', () => {
    let s = initialSnapshot(IM, { seed: 1, mode: 'assessment' });
    s = send(s, { type: 'session.begin' });
    s = send(s, { type: 'clock.advance', minutes: 60 });
    const v = viewSession(s);
    expect(v.clock.sinceArrival).toBe(60);
    expect(v.step?.id).toBe('prep-arrival');
    expect(v.options.map((o) => o.id)).toContain('p1-ask-meds');
    expect(s.context.decisions.toArray()).toEqual([]);
  });
});

/** The scenario with a heart-rate alarm the drug's rise crosses soon after the dose, and no events. */
function alarmScenario(responseMinutes: number | undefined): ScenarioV1 {
  const copy = structuredClone(IM);
  copy.events = [];
  copy.protocol.thresholds.alarm = { heartRateMax: 70 };
  if (responseMinutes === undefined) delete copy.protocol.alarmResponseMinutes;
  else copy.protocol.alarmResponseMinutes = responseMinutes;
  return copy;
}

/** Answers the first two steps without checking the vitals and stops on the quiet step at 20. */
function toQuietStep(scenario: ScenarioV1): SessionSnapshot {
  let s = waitUntil(dosed(scenario, CAREFUL), 4);
  s = send(s, { type: 'trainee.choose', optionId: 'm1-silence' });
  s = waitUntil(s, 15);
  s = send(s, { type: 'trainee.choose', optionId: 'm2-skip' });
  return waitUntil(s, 20);
}

describe('an alarm left unanswered is a crisis', () => {
  it('past the protocol’s response time, calm options are withheld and the panel names the alarm', () => {
    const s = toQuietStep(alarmScenario(5));
    const alarm = s.context.alarms[0]!;
    expect(alarm.raisedAt).not.toBeNull();
    expect(alarm.raisedAt!).toBeLessThan(14);
    const v = viewSession(s);
    expect(v.step?.id).toBe('mon-deep');
    expect(v.crisis).toBe(true);
    expect(v.options.map((o) => o.id)).not.toContain('md-silence');
    // The patient's line stays; the alarm is told apart in a notice above it.
    expect(v.step?.text).toMatch(/so much space/);
    expect(v.crisisNotice?.kind).toBe('alarm');
    expect(v.crisisNotice?.text).toMatch(
      /No one has responded to the monitor's alarm \(heart rate \d+, above the alarm limit of 70\)/,
    );
    expect(
      v.transcript.some(
        (t) =>
          t.minute === alarm.raisedAt! + 6 &&
          /has had no response for more than 5 minutes/.test(t.text),
      ),
    ).toBe(true);
    // Silence is refused by id too, with the crisis reason.
    const refused = send(s, { type: 'trainee.choose', optionId: 'md-silence' });
    expect(refused.context.log.toArray().at(-1)?.reason).toMatch(/not calm/);

    // Responding (a vitals check) ends the alarm's crisis: silence is offered again.
    const checked = send(s, { type: 'trainee.act', action: 'checkVitals' });
    expect(viewSession(checked).crisis).toBe(false);
    expect(viewSession(checked).options.map((o) => o.id)).toContain('md-silence');
    expect(viewSession(checked).step?.text).toMatch(/so much space/);
    expect(viewSession(checked).crisisNotice).toBeNull();
  });

  it('the overdue line names since when the alarm sounds, and says "again" after an answered one', () => {
    const s = toQuietStep(alarmScenario(5));
    const base = s.context.alarms[0]!;
    const clock = s.context.clock;
    const minute = s.context.minute!;
    const answered: AlarmRecord = {
      ...base,
      raisedClock: clock - 9,
      raisedAt: minute - 9,
      responded: true,
      respondedAt: minute - 9,
      overdue: false,
    };
    const raised = (at: number): AlarmRecord => ({
      ...base,
      raisedClock: clock - at,
      raisedAt: minute - at,
      responded: false,
      respondedAt: null,
      overdue: false,
    });
    const overdueLine = (alarms: AlarmRecord[]) => {
      const d: SessionContext = { ...s.context, alarms };
      markOverdueAlarms(d);
      return d.transcript.toArray().at(-1)!.text;
    };
    // Raised again 3 minutes after an answer and unanswered for 6: the answer is not ignored.
    expect(overdueLine([answered, raised(6)])).toMatch(
      new RegExp(`sounding again since minute ${minute - 6}, has had no response for more than 5`),
    );
    // A first alarm: no "again".
    expect(overdueLine([raised(6)])).toMatch(
      new RegExp(`sounding since minute ${minute - 6}, has had no response for more than 5`),
    );
  });

  it('within the response time it is not a crisis yet', () => {
    let s = waitUntil(dosed(alarmScenario(5), CAREFUL), 0);
    while (s.context.alarms.length === 0) s = send(s, { type: 'clock.advance', minutes: 1 });
    const raised = s.context.alarms[0]!.raisedAt!;
    s = waitUntil(s, raised + 5);
    expect(viewSession(s).crisis).toBe(false);
    s = waitUntil(s, raised + 6);
    expect(viewSession(s).crisis).toBe(true);
  });

  it('without a response time in the protocol, an alarm never becomes a crisis', () => {
    const v = viewSession(toQuietStep(alarmScenario(undefined)));
    expect(v.crisis).toBe(false);
    expect(v.options.map((o) => o.id)).toContain('md-silence');
  });
});

describe('a phase that opens after its first step’s minute', () => {
  // The infusion is paused and resumed, so the modelled acute effects end at minute 124: the
  // integration phase opens after its first step's minute (105) and its second step's (120).
  const late = loadVisitFixture('infusion-late-integration.json');

  it('shows the opening step when the phase opens, and the best path is discharged, not left', () => {
    const run = playHeadless(late, { seed: 1, mode: 'assessment', strategy: 'best' });
    const transport = run.report.decisions.find((d) => d.stepId === 'int-transport')!;
    expect(transport.minute).toBeGreaterThan(120);
    expect(transport.optionId).toBe('int-transport-escort');
    expect(run.report.criticalErrors).toEqual([]);
    expect(run.view.ending?.id).toBe('discharged');
    expect(run.report.passed).toBe(true);
  });
});
