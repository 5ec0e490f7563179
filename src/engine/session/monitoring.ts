/**
 * Monitoring: the signals now, the alarms they raise, vitals measurements, and the scheduled
 * checks (when one is due, when one is missed). The one answer to "is a check due now" is
 * `dueChecks`, used by the engine, the headless player and the path tests.
 */
import { own } from '../format/own.ts';
import { say } from './context.ts';
import { recordCheck } from './decisions.ts';
import type { CheckDef } from './indexScenario.ts';
import { acuteEffectsOverByModel, effectNow, modelDrivesSignals } from './drug-course.ts';
import { arrivalMinuteOf } from './timing.ts';
import { alarmWords, signalsAt } from './vitals.ts';
import { addReading, monitorAlarms, stepNibp, type NibpReading } from './nibp.ts';
import type { AlarmRecord, SessionContext } from './types.ts';

/** Recomputes the signals now and the alarms they raise. */
export function refreshVitals(d: SessionContext): void {
  const scenario = d.index.scenario;
  const effect = modelDrivesSignals(d) ? (effectNow(d) ?? undefined) : undefined;
  d.vitals = signalsAt(scenario, d.index.keyframes, d.minute, d.offsets, d.seed, d.clock, effect);
  soundAlarms(d);
}

/**
 * The protocol's alarms now (nibp.ts `monitorAlarms`: continuous signals as they are, blood
 * pressure as the cuff last read it): a signal newly outside the limits raises an alarm now.
 * Called after the signals change and after every cuff reading.
 */
export function soundAlarms(d: SessionContext): void {
  const now = monitorAlarms(
    d.vitals,
    d.monitor.readings.at(-1) ?? null,
    d.index.scenario.protocol.thresholds.alarm,
  );
  // Most minutes nothing sounds, before or now: the context keeps its (empty) list.
  if (now.length === 0 && d.activeAlarms.length === 0) return;
  const raised = now.filter(
    (a) => !d.activeAlarms.some((b) => b.signal === a.signal && b.direction === a.direction),
  );
  if (raised.length > 0) {
    d.alarms = [
      ...d.alarms,
      ...raised.map((a) => ({
        ...a,
        raisedAt: d.minute,
        raisedClock: d.clock,
        responded: false,
        respondedAt: null,
      })),
    ];
    d.cues = [...d.cues, 'alarm'];
  }
  d.activeAlarms = now;
}

/**
 * Marks as responded to now every unanswered alarm among the first `raisedBefore` of the session
 * (those raised before the trainee's act began): an alarm raised during the act itself (in the
 * minute a vitals check takes, or by the drug the act gave) was not yet sounding when the trainee
 * acted, so it waits for their next act.
 */
export function respondToAlarms(d: SessionContext, raisedBefore = d.alarms.length): void {
  if (!d.alarms.some((a, i) => i < raisedBefore && !a.responded)) return;
  d.alarms = d.alarms.map((a, i) =>
    a.responded || i >= raisedBefore
      ? a
      : { ...a, responded: true, respondedAt: d.minute, respondedClock: d.clock },
  );
}

/**
 * The last arrival-clock minute each unanswered alarm can be answered before it is overdue: its
 * minute plus `protocol.alarmResponseMinutes` (none when the protocol gives no response time).
 */
export function alarmDeadlines(ctx: SessionContext): number[] {
  const within = ctx.index.scenario.protocol.alarmResponseMinutes;
  if (within === undefined) return [];
  return ctx.alarms.flatMap((a) =>
    a.responded || a.overdue || a.raisedClock === undefined ? [] : [a.raisedClock + within],
  );
}

/**
 * Marks as overdue every alarm left unanswered longer than `protocol.alarmResponseMinutes`, and
 * says so in the transcript, naming the minute it was raised (and "again" when an earlier alarm on
 * the same signal was answered, so the text never reads as ignoring that answer); an overdue alarm puts the session in crisis until it is answered
 * (crisis.ts), as a missed event does.
 */
export function markOverdueAlarms(d: SessionContext): void {
  const within = d.index.scenario.protocol.alarmResponseMinutes;
  if (within === undefined || d.status !== 'running') return;
  const late = (a: AlarmRecord) =>
    !a.responded && !a.overdue && a.raisedClock !== undefined && d.clock > a.raisedClock + within;
  if (!d.alarms.some(late)) return;
  const before = d.alarms;
  d.alarms = d.alarms.map((a) => {
    if (!late(a)) return a;
    // An act answers only the alarms sounding when it began, so an alarm raised again on the same
    // signal after an answer is a new one: the text says since when it has had no response.
    const again = before.some(
      (b) =>
        b !== a &&
        b.signal === a.signal &&
        b.responded &&
        (b.raisedClock ?? -Infinity) < a.raisedClock!,
    );
    const since =
      a.raisedAt === null ? `minute ${a.raisedClock} since arrival` : `minute ${a.raisedAt}`;
    say(d, {
      speaker: 'system',
      text:
        `The alarm (${alarmWords(a)}), sounding${again ? ' again' : ''} since ${since}, ` +
        `has had no response for more than ${within} minutes.`,
    });
    return { ...a, overdue: true };
  });
}

/** The scheduled checks due now: not yet settled, and the clock inside their window. */
export function dueChecks(ctx: SessionContext): CheckDef[] {
  const due: CheckDef[] = [];
  for (const check of ctx.index.checks.values()) {
    const at = arrivalMinuteOf(ctx, check.atMinute, check.from);
    if (at === null || own(ctx.checks, check.id)) continue;
    if (ctx.clock >= at && ctx.clock <= at + check.windowMinutes) due.push(check);
  }
  return due;
}

/** Settles as missed every check whose window closed before now. */
export function settleMissedChecks(d: SessionContext): void {
  for (const check of d.index.checks.values()) {
    const at = arrivalMinuteOf(d, check.atMinute, check.from);
    if (at === null || own(d.checks, check.id) || d.clock <= at + check.windowMinutes) continue;
    recordCheck(d, check.id, 'missed');
  }
}

function fmtBp(v: SessionContext['vitals']): string {
  return `${v.systolic}/${v.diastolic} mmHg`;
}

/** The automatic cuff at this minute: a cycle that has run its time reads the modelled pressure now (nibp.ts). */
export function runCuff(d: SessionContext): void {
  const { monitor, reading } = stepNibp(d.monitor, d.doseClock, d.clock, d.vitals);
  d.monitor = monitor;
  if (reading) soundAlarms(d);
}

/**
 * A vitals measurement: pre-dose it checks the blood pressure; after dosing it counts for due
 * checks. Its blood pressure becomes the monitor's last NIBP reading (`source`: the trainee's
 * check, or a scenario option's).
 */
export function checkVitals(
  d: SessionContext,
  source: NibpReading['source'] = 'option',
  alarmsBefore = d.alarms.length,
): void {
  const v = d.vitals;
  d.monitor = addReading(d.monitor, {
    clock: d.clock,
    systolic: v.systolic,
    diastolic: v.diastolic,
    source,
  });
  soundAlarms(d);
  say(d, {
    speaker: 'system',
    text: `Vitals: BP ${fmtBp(v)}, heart rate ${v.heartRate}/min, SpO2 ${v.spo2}%, respiratory rate ${v.respiratoryRate}/min.`,
  });
  if (!d.facts.dosed) {
    const t = d.index.scenario.protocol.thresholds.predose;
    d.facts = {
      ...d.facts,
      bpChecked: true,
      bpWithinThreshold: v.systolic <= t.systolicMax && v.diastolic <= t.diastolicMax,
    };
    d.predoseBp = { systolic: v.systolic, diastolic: v.diastolic };
    if (d.recheckFrom !== null) {
      // The delayDose recheck rule: only a reading taken once the rest has ended lifts the delay.
      if (d.clock >= d.recheckFrom) {
        d.recheckFrom = null;
        d.earlyRecheckAt = null;
      } else d.earlyRecheckAt = d.clock;
    }
  }
  for (const check of dueChecks(d)) recordCheck(d, check.id, 'done');
  respondToAlarms(d, alarmsBefore);
}

/**
 * The observation region is done: the acute effects are over (the time course's offset minute,
 * or by the drug model when it drives the signals) and no response is open.
 */
export function isMonitoringDone(ctx: SessionContext): boolean {
  if (ctx.minute === null || ctx.open.length > 0) return false;
  const course = ctx.index.scenario.protocol.timeCourse;
  return course ? ctx.minute >= course.offsetMinutes : acuteEffectsOverByModel(ctx);
}
