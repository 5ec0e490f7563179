/**
 * Simulated time: what happens at each minute after the dose, advancing the clock, and the next
 * minute at which something will happen (for "advance to the next event").
 */
import { own } from '../format/own.ts';
import { drugEffect } from '../drug/index.ts';
import { evaluateCondition } from './conditions.ts';
import {
  acuteEffectsOverByModel,
  advanceDrugMinute,
  drugAhead,
  effectSiteSample,
  modelDrivesSignals,
} from './drug-course.ts';
import { conditionEnv } from './context.ts';
import { fireDueEvents, isTriggered, missEvent } from './events.ts';
import {
  alarmDeadlines,
  isMonitoringDone,
  markOverdueAlarms,
  refreshVitals,
  runCuff,
  settleMissedChecks,
} from './monitoring.ts';
import { showStep, stepDueNow, stepWaitsUntil, withdrawStepsDue } from './steps.ts';
import { expiryDue, stepDeadline } from './deadlines.ts';
import { isTherapyPhase } from './phases.ts';
import { arrivalMinuteOf, lastClockMinute } from './timing.ts';
import { signalsAt } from './vitals.ts';
import { autoCycleStarts, monitorAlarms, NIBP_CYCLE_MINUTES } from './nibp.ts';
import type { EventDef } from './indexScenario.ts';
import type { SessionContext } from './types.ts';

/** Everything that happens at the current minute (on either side of the dose). */
export function processMinute(d: SessionContext): void {
  refreshVitals(d);
  runCuff(d);
  if (d.stepId && !d.stepShown && d.status === 'running' && stepDueNow(d)) showStep(d);
  fireDueEvents(d);
  // The clock never passes the last minute, so responses still open then count as missed.
  const last = d.doseClock !== null && d.clock >= lastClockMinute(d);
  for (const open of d.open) if (open.deadline < d.clock || last) missEvent(d, open.eventId);
  settleMissedChecks(d);
  markOverdueAlarms(d);
  withdrawStepsDue(d);
}

/**
 * Whether the machine must take an edge before the clock runs on: the current step's withdrawal
 * leaves its phase or ends the session, or the therapy region has finished and the acute effects
 * are over (integration starts). The clock stops there and runs the rest after the edge.
 */
export function machineMustMove(d: SessionContext): boolean {
  if (d.status !== 'running') return false;
  if (expiryDue(d) !== null) return true;
  return isTherapyPhase(d.phase) && d.stepId === null && isMonitoringDone(d);
}

/**
 * Advances the clock minute by minute, never past its last minute (the session length after the
 * dose, the pre-dose limit before it). After the dose, each minute left adds a vitals sample.
 */
export function advanceClock(d: SessionContext, minutes: number): void {
  const end = Math.min(d.clock + minutes, lastClockMinute(d));
  d.clockOwed = 0;
  while (d.clock < end) {
    if (d.minute !== null) {
      d.history = d.history.append({ minute: d.minute, ...d.vitals, ...effectSiteSample(d) });
      d.minute += 1;
    }
    d.clock += 1;
    advanceDrugMinute(d);
    processMinute(d);
    if (d.clock < end && machineMustMove(d)) {
      // The machine takes its edge first; it then runs the minutes still owed (machine.ts).
      d.clockOwed = end - d.clock;
      return;
    }
  }
}

/**
 * The next arrival-clock minute after now at which something is due: an event, a step, a check,
 * an open response's deadline (the last minute it can be answered; the minute after it, when it is
 * missed, only once the clock stands at the deadline), a recheck, recovery, the end of the
 * observation time, and while the modelled acute effects last the session's last minute; null
 * when nothing is.
 */
export function nextEventClock(c: SessionContext): number | null {
  // A context is never changed once an event has produced it, so its answer is kept with it.
  const known = nextByContext.get(c);
  if (known !== undefined) return known;
  const next = computeNextEventClock(c);
  nextByContext.set(c, next);
  return next;
}
const nextByContext = new WeakMap<SessionContext, number | null>();

function computeNextEventClock(c: SessionContext): number | null {
  const now = c.clock;
  const scenario = c.index.scenario;
  const last = lastClockMinute(c);
  let best = Infinity;
  const consider = (m: number | null) => {
    if (m === null) return;
    const whole = Math.ceil(m);
    if (whole > now && whole < best) best = whole;
  };
  const fired = new Set(c.fired);
  for (const e of c.index.events.values())
    if (!fired.has(e.id) && 'atMinute' in e.trigger)
      consider(arrivalMinuteOf(c, e.trigger.atMinute, e.trigger.from));
  if (c.stepId && !c.stepShown) consider(stepWaitsUntil(c));
  for (const check of c.index.checks.values())
    if (!own(c.checks, check.id)) consider(arrivalMinuteOf(c, check.atMinute, check.from));
  // An open response: the clock stops at its deadline, the last minute it can still be answered,
  // so no jump misses it unannounced; only from the deadline itself is the next stop the miss.
  for (const o of c.open) {
    consider(o.deadline);
    consider(o.deadline + 1);
  }
  // A step's deadline, the last minute it can be answered, then its withdrawal (as a response's).
  const deadline = c.status === 'running' ? stepDeadline(c) : null;
  if (deadline !== null) {
    consider(deadline);
    consider(deadline + 1);
  }
  // An alarm's response time, then the minute it is overdue.
  for (const m of alarmDeadlines(c)) {
    consider(m);
    consider(m + 1);
  }
  consider(c.recheckFrom);
  if (c.doseClock !== null) {
    const course = scenario.protocol.timeCourse;
    if (course && !isMonitoringDone(c)) consider(c.doseClock + course.offsetMinutes);
    consider(c.doseClock + scenario.protocol.discharge.minObservationMinutes);
    // With the model, the acute phase ends by rule at the session's last minute at the latest
    // (acuteEffectsOverByModel), so that minute is due even when nothing else is scheduled.
    if (modelDrivesSignals(c) && !acuteEffectsOverByModel(c)) consider(last);
  }
  const until = Math.min(best, last);
  const crossing = nextCrossingClock(c, until);
  if (crossing !== null) return crossing;
  return best === Infinity ? null : until;
}

/** The next minute since the dose at which something is due (null before the dose or when nothing is). */
export function nextEventMinute(c: SessionContext): number | null {
  const next = c.doseClock === null ? null : nextEventClock(c);
  return next === null ? null : next - c.doseClock!;
}

/**
 * The first arrival-clock minute before `until` at which a threshold event would fire or a new
 * alarm would sound. Nothing changes the signals' offsets between now and `until` without the
 * trainee, so the signal model predicts it exactly.
 */
function nextCrossingClock(c: SessionContext, until: number): number | null {
  const fired = new Set(c.fired);
  const watched = [...c.index.events.values()].filter(
    (e) => !fired.has(e.id) && !('atMinute' in e.trigger),
  );
  const sounding = c.activeAlarms.map((a) => `${a.signal}:${a.direction}`);
  // Everything the scan reads: when none of it changed since the last scan of this scenario (a
  // choice that only moves the story on), the answer is the same and is not searched for again.
  const inputs: unknown[] = [
    c.clock,
    until,
    c.doseClock,
    c.seed,
    c.fired,
    c.offsets,
    c.drug,
    c.infusion,
    c.pendingDrug,
    sounding.join(),
    c.monitor.intervalMinutes,
    c.monitor.intervalChosenAt,
    c.monitor.readings.at(-1),
    ...(watched.length > 0 ? [c.vars, c.facts, c.settings] : []),
  ];
  const last = lastCrossing.get(c.index);
  if (last && last.inputs.length === inputs.length && last.inputs.every((v, i) => v === inputs[i]))
    return last.crossing;
  const crossing = scanForCrossing(c, until, watched, new Set(sounding));
  lastCrossing.set(c.index, { inputs, crossing });
  return crossing;
}
/** Per scenario: the inputs and result of the last crossing scan. */
const lastCrossing = new WeakMap<object, { inputs: unknown[]; crossing: number | null }>();

function scanForCrossing(
  c: SessionContext,
  until: number,
  watched: readonly EventDef[],
  soundingNow: ReadonlySet<string>,
): number | null {
  let sounding = soundingNow;
  const scenario = c.index.scenario;
  let reading: { systolic: number; diastolic: number } | null = c.monitor.readings.at(-1) ?? null;
  // With the drug model, the end of the acute effects is found minute by minute too.
  const watchRecovery =
    modelDrivesSignals(c) && c.doseClock !== null && !acuteEffectsOverByModel(c);
  for (let clock = c.clock + 1; clock < until; clock++) {
    const minute = c.doseClock === null ? null : clock - c.doseClock;
    const drug = drugAhead(c, clock - c.clock);
    const effect = drug && modelDrivesSignals(c) ? drugEffect(drug) : undefined;
    if (
      watchRecovery &&
      drug &&
      acuteEffectsOverByModel({ ...c, drug, clock, infusion: null, pendingDrug: [] })
    )
      return clock;
    const vitals = signalsAt(scenario, c.index.keyframes, minute, c.offsets, c.seed, clock, effect);
    // Blood pressure as the cuff reads it (nibp.ts): a reading ends the cycle started a cycle ago.
    if (autoCycleStarts(c.monitor, c.doseClock, clock - NIBP_CYCLE_MINUTES))
      reading = { systolic: vitals.systolic, diastolic: vitals.diastolic };
    const now = monitorAlarms(vitals, reading, scenario.protocol.thresholds.alarm);
    if (now.some((a) => !sounding.has(`${a.signal}:${a.direction}`))) return clock;
    // A reading inside the limits ends a blood-pressure alarm: one outside later sounds anew.
    sounding = new Set(now.map((a) => `${a.signal}:${a.direction}`));
    const env = { ...conditionEnv(c), vitals, minute };
    for (const e of watched)
      if (isTriggered(c, e, clock, vitals, reading) && evaluateCondition(e.when, env)) return clock;
  }
  return null;
}
