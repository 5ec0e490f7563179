/**
 * Severity floors: how severely an option that breaches a standard must be graded.
 *
 *   critical  the option carries `critical` (a critical error, which fails the attempt);
 *   major     the option carries `critical`, or its penalty is at least MAJOR_PENALTY points;
 *   minor     the option carries `critical`, or its penalty is at least MINOR_PENALTY point.
 *
 * An option's penalty is the sum of its negative points over all competencies, as a positive
 * number: `{ safety: -2, alliance: -1, setting: 1 }` has a penalty of 3. Positive points in other
 * competencies do not offset it: a breach is a breach whatever else the option does well.
 */
import type { SeverityFloor } from './schema.ts';

/** The least penalty, in points, of an option that breaches a `major` standard. */
export const MAJOR_PENALTY = 3;
/** The least penalty, in points, of an option that breaches a `minor` standard. */
export const MINOR_PENALTY = 1;

/** The grading of one option or missed-event consequence. */
export interface Grading {
  points?: Record<string, number> | undefined;
  critical?: unknown;
}

/** The sum of the negative points, as a positive number (0 when nothing is negative). */
export function penaltyOf(points: Record<string, number> | undefined): number {
  let sum = 0;
  for (const v of Object.values(points ?? {})) if (typeof v === 'number' && v < 0) sum -= v;
  return sum;
}

/** Whether a grading reaches a severity floor. */
export function meetsFloor(floor: SeverityFloor, grading: Grading): boolean {
  if (grading.critical !== undefined) return true;
  if (floor === 'critical') return false;
  return penaltyOf(grading.points) >= (floor === 'major' ? MAJOR_PENALTY : MINOR_PENALTY);
}

/** What a floor requires, in words, for messages and the generated documentation. */
export function floorRequirement(floor: SeverityFloor): string {
  if (floor === 'critical')
    return 'a critical error: add "critical": { "explanation": "why this is unsafe" } to the option';
  const n = floor === 'major' ? MAJOR_PENALTY : MINOR_PENALTY;
  return `a critical error or a penalty of at least ${n} point${n === 1 ? '' : 's'} (the sum of its negative points)`;
}
