/**
 * Scenario times on the session's clocks. Every time is kept on the arrival clock (minutes since
 * the patient arrived); a scenario time says which clock it counts on (`from`: "arrival", or
 * "dose", the default and the only clock of format 1; a step's `atMinute` may also count on
 * "recheck", the end of the rest the last `delayDose` option asked for).
 */
import type { PhaseId, StepClockName } from '../format/schema.ts';
import { stepMinute } from '../format/step-deadlines.ts';
import type { SessionContext } from './types.ts';

/**
 * The arrival-clock minute of a scenario time, or null while it cannot be known: a dose time
 * before the dose, a recheck time before any rest was asked for (`restEndsAt` is null; such a
 * step is due at once, see stepArrivalMinute).
 */
export function arrivalMinuteOf(
  ctx: Pick<SessionContext, 'doseClock'> & Partial<Pick<SessionContext, 'restEndsAt'>>,
  atMinute: number,
  from: StepClockName | undefined,
): number | null {
  if (from === 'arrival') return atMinute;
  if (from === 'recheck') {
    // A context saved before the rest's end was kept has no field: no rest known.
    const restEnds = ctx.restEndsAt ?? null;
    return restEnds === null ? null : restEnds + atMinute;
  }
  return ctx.doseClock === null ? null : ctx.doseClock + atMinute;
}

/**
 * The arrival-clock minute of a step's `atMinute` in `phase`, or null when it has none that counts
 * there (a dose-clock minute before the phases after the dose) or it cannot be known now
 * (arrivalMinuteOf). The one rule behind a step's wait (steps.ts), its deadline (deadlines.ts),
 * the next-event prediction (clock.ts) and the preview; the validator reads the same
 * `stepMinute` (format/step-deadlines.ts). A step whose minute cannot be known is due at once
 * (a recheck-clock step reached without a rest, in particular).
 */
export function stepArrivalMinute(
  ctx: Pick<SessionContext, 'doseClock'> & Partial<Pick<SessionContext, 'restEndsAt'>>,
  step: object,
  phase: PhaseId,
): number | null {
  const m = stepMinute(step, phase);
  return m ? arrivalMinuteOf(ctx, m.minute, m.from) : null;
}

/** The latest arrival-clock minute the clock may reach now: the session length after a dose, the pre-dose limit before. */
export function lastClockMinute(ctx: SessionContext): number {
  const protocol = ctx.index.scenario.protocol;
  return ctx.doseClock === null
    ? (protocol.predoseMinutes ?? DEFAULT_PREDOSE_MINUTES)
    : ctx.doseClock + protocol.sessionMinutes;
}

/** How long a visit may run before a dose when the protocol does not say (a simulator limit, not a clinical one). */
export const DEFAULT_PREDOSE_MINUTES = 120;
