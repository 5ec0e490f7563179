/**
 * Simulated time: what happens at each minute after the dose, advancing the clock, and the next
 * minute at which something will happen (for "advance to the next event").
 */
import { evaluateCondition } from './conditions.ts';
import { conditionEnv } from './context.ts';
import { fireDueEvents, isTriggered, missEvent } from './events.ts';
import { isMonitoringDone, refreshVitals, settleMissedChecks } from './monitoring.ts';
import { showStep } from './steps.ts';
import { outsideLimits, signalsAt } from './vitals.ts';
import type { SessionContext } from './types.ts';

/** Everything that happens at the current minute after dosing. */
export function processMinute(d: SessionContext): void {
  const m = d.minute!;
  refreshVitals(d);
  if (d.stepId && !d.stepShown && d.status === 'running') {
    const at = d.index.steps.get(d.stepId)?.step.atMinute ?? 0;
    if (m >= at) showStep(d);
  }
  fireDueEvents(d);
  // The clock never passes the last minute, so responses still open then count as missed.
  const last = m >= d.index.scenario.protocol.sessionMinutes;
  for (const open of d.open) if (open.deadline < m || last) missEvent(d, open.eventId);
  settleMissedChecks(d);
}

/** Advances the clock minute by minute, never past the session's last minute. */
export function advanceClock(d: SessionContext, minutes: number): void {
  const end = Math.min((d.minute ?? 0) + minutes, d.index.scenario.protocol.sessionMinutes);
  while (d.minute !== null && d.minute < end) {
    d.history = d.history.append({ minute: d.minute, ...d.vitals });
    d.minute += 1;
    processMinute(d);
  }
}

/** The next minute after now at which something is due: an event, a step, a check, a deadline, recovery. */
export function nextEventMinute(c: SessionContext): number | null {
  if (c.minute === null) return null;
  const now = c.minute;
  const scenario = c.index.scenario;
  const last = scenario.protocol.sessionMinutes;
  let best = Infinity;
  const consider = (m: number) => {
    const whole = Math.ceil(m);
    if (whole > now && whole < best) best = whole;
  };
  const fired = new Set(c.fired);
  for (const e of c.index.events.values())
    if (!fired.has(e.id) && 'atMinute' in e.trigger) consider(e.trigger.atMinute);
  if (c.stepId && !c.stepShown) consider(c.index.steps.get(c.stepId)?.step.atMinute ?? 0);
  for (const check of c.index.checks.values()) if (!c.checks[check.id]) consider(check.atMinute);
  for (const o of c.open) consider(o.deadline + 1);
  if (!isMonitoringDone(c)) consider(scenario.protocol.timeCourse.offsetMinutes);
  if (c.facts.dosed) consider(scenario.protocol.discharge.minObservationMinutes);
  const until = Math.min(best, last);
  const crossing = nextCrossingMinute(c, until);
  if (crossing !== null) return crossing;
  return best === Infinity ? null : until;
}

/**
 * The first minute before `until` at which a threshold event would fire or a new alarm would sound.
 * Nothing changes the signals' offsets between now and `until` without the trainee, so the
 * signal model predicts it exactly.
 */
function nextCrossingMinute(c: SessionContext, until: number): number | null {
  if (c.minute === null) return null;
  const scenario = c.index.scenario;
  const fired = new Set(c.fired);
  const watched = [...c.index.events.values()].filter(
    (e) => !fired.has(e.id) && !('atMinute' in e.trigger),
  );
  const sounding = new Set(c.activeAlarms.map((a) => `${a.signal}:${a.direction}`));
  for (let m = c.minute + 1; m < until; m++) {
    const vitals = signalsAt(scenario, c.index.keyframes, m, c.offsets, c.seed);
    const alarm = outsideLimits(vitals, scenario.protocol.thresholds.alarm).some(
      (a) => !sounding.has(`${a.signal}:${a.direction}`),
    );
    if (alarm) return m;
    const env = { ...conditionEnv(c), vitals, minute: m };
    for (const e of watched)
      if (isTriggered(e, m, vitals) && evaluateCondition(e.when, env)) return m;
  }
  return null;
}
