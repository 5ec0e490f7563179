/**
 * How the cohort view writes its figures and names an attempt: one style for every percentage
 * (the engine's percentText, one decimal place as scored), and an attempt named by the day it
 * finished and the start of its id, so the instructor can find it among the files.
 */
import { percentText } from '../engine/index.ts';

/** A share (0–1) as a percentage written the way every score is: 0.333… → "33.3%", 1 → "100%". */
export const shareText = (share: number): string => percentText(share * 100);

/** The first 8 characters of an attempt's id (a UUID's first group): enough to find its file. */
export const shortAttemptId = (id: string): string => id.slice(0, 8);

/**
 * Which attempt this is, for the instructor: "attempt 1a2b3c4d, finished 2026-11-03" (the date
 * the debrief was reached, ISO day), or "attempt 1a2b3c4d, no finish date" when unknown.
 */
export function attemptName(a: { id: string; finishedAt: string }): string {
  const day = a.finishedAt.slice(0, 10);
  return `attempt ${shortAttemptId(a.id)}, ${day ? `finished ${day}` : 'no finish date'}`;
}
