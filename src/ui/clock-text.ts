/**
 * How the player words times, so every status text names its clock. The visit has two clocks
 * (the engine's `SessionView.clock`): minutes since arrival, and minutes since the dose once it has
 * been given. The view gives the minutes it shows for what is due (a step's minute, a response's
 * deadline) on the dose clock once dosed and on the arrival clock before; these helpers only say
 * which, and how far from now. No session rule is decided here.
 */
import type { SessionView } from './engine-bridge.ts';

/** A visit's clock: minutes since arrival, or since the dose. */
export type ClockName = 'arrival' | 'dose';

type Clocks = Pick<SessionView, 'clock'>;

/** The clock the view's shown minutes are on: the dose clock once dosed, arrival before. */
export function shownClock(view: Clocks): ClockName {
  return view.clock.sinceDose === null ? 'arrival' : 'dose';
}

/** The current minute on the shown clock. */
export function shownNow(view: Clocks): number {
  return view.clock.sinceDose ?? view.clock.sinceArrival;
}

/** "1 minute", "9 minutes". */
export function minutesText(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** "minute 20 since the dose", "minute 5 since arrival". */
export function minuteOn(minute: number, clock: ClockName): string {
  return `minute ${minute} since ${clock === 'dose' ? 'the dose' : 'arrival'}`;
}

/** "now", "in 1 minute", "in 9 minutes"; "1 minute ago" for a past minute. */
export function fromNow(minutes: number): string {
  if (minutes === 0) return 'now';
  return minutes > 0 ? `in ${minutesText(minutes)}` : `${minutesText(-minutes)} ago`;
}

/**
 * A minute the view shows (on its shown clock), with its clock and its distance from now:
 * "minute 20 since the dose (in 9 minutes)".
 */
export function shownMinuteText(view: Clocks, minute: number): string {
  return `${minuteOn(minute, shownClock(view))} (${fromNow(minute - shownNow(view))})`;
}

/**
 * Where "advance to the next event" goes, `minutesToNextEvent` from now (the engine's
 * prediction), on the shown clock: "minute 20 since the dose (in 9 minutes)"; null when nothing
 * is due.
 */
export function nextEventText(
  view: Clocks & Pick<SessionView, 'minutesToNextEvent'>,
): string | null {
  const ahead = view.minutesToNextEvent;
  return ahead === null ? null : shownMinuteText(view, shownNow(view) + ahead);
}

/** The legend of the transcript's times, which are minutes since the dose (none before it). */
export const TRANSCRIPT_TIMES =
  'Times (′) are minutes since the dose; lines before the dose have none.';
