/**
 * SCORM 1.2's CMITimespan, the type of `cmi.core.session_time`: `HHHH:MM:SS.SS` — hours in four
 * digits (two to four allowed), minutes and seconds in two, and optional hundredths (SCORM 1.2
 * Run-Time Environment, 3.4.2 data types).
 */

/** The longest span the type can hold: 9999:59:59.99, in milliseconds. */
export const MAX_TIMESPAN_MS = (9999 * 3600 + 59 * 60 + 59.99) * 1000;

/**
 * A duration in milliseconds as a CMITimespan. Rounded to the hundredth once, then split, so a
 * rounding never gives "60.00" seconds; negative or non-finite input counts as 0, and a span
 * beyond 9999 hours is written as the longest the type can hold.
 */
export function cmiTimespan(ms: number): string {
  const bounded = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMESPAN_MS) : 0;
  const hundredths = Math.round(bounded / 10);
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  const fraction = hundredths % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(fraction)}`;
}
