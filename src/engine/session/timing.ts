/**
 * Scenario times on the session's clocks. Every time is kept on the arrival clock (minutes since
 * the patient arrived); a scenario time says which clock it counts on (`from`: "arrival", or
 * "dose", the default and the only clock of format 1).
 */
import type { ClockName } from '../format/schema.ts';
import type { SessionContext } from './types.ts';

/** The arrival-clock minute of a scenario time, or null while it cannot be known (a dose time before the dose). */
export function arrivalMinuteOf(
  ctx: Pick<SessionContext, 'doseClock'>,
  atMinute: number,
  from: ClockName | undefined,
): number | null {
  if (from === 'arrival') return atMinute;
  return ctx.doseClock === null ? null : ctx.doseClock + atMinute;
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
