/**
 * Whether a recorded result is true: the only score the history, the exports, the library and
 * the LRS or LMS ever show is the one obtained by replaying the attempt's log against its
 * scenario. A report that came with the attempt (from this device or an imported file) is never
 * believed; when the scenario is not available, or has changed since, the recorded report can
 * only be shown marked as unverified.
 *
 * `verifySteps` does the replay in slices, yielding how many events are done, so that a host can
 * keep a page responsive and show progress for a very long log (run it in a worker, or give the
 * page a turn between slices).
 */
import { parseAttempt, serializeAttempt, type Attempt } from '../attempt/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { scoreContext, type Report } from '../scoring/score.ts';
import { createSession } from '../session/session.ts';

export type Verification =
  | { verified: true; report: Report }
  | {
      verified: false;
      /** Why the log could not be replayed, as a sentence. */
      reason: string;
    };

/**
 * The reason a result is unverified, as one sentence: "Unverified — " and the cause, its first
 * letter lower-cased (unless the first word is an abbreviation such as "LRS").
 */
export function unverifiedReason(cause: string): string {
  const lower = /^[A-Z][a-z]/.test(cause) ? cause[0]!.toLowerCase() + cause.slice(1) : cause;
  return `Unverified — ${lower}`;
}

/** Events replayed between two progress reports. */
export const VERIFY_SLICE = 5000;

/**
 * Replays `attempt` against `scenario` (null: not available, with `missing` saying why), yielding
 * the number of events replayed after each slice; returns the verification.
 */
export function* verifySteps(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing = 'the scenario is not available in this build.',
  slice = VERIFY_SLICE,
): Generator<number, Verification> {
  if (!scenario) return { verified: false, reason: unverifiedReason(missing) };
  const checked = parseAttempt(serializeAttempt(attempt), scenario);
  if (!checked.ok) return { verified: false, reason: unverifiedReason(checked.message) };
  // The attempt as read names what a course visit was started with (`carried`): replayed without
  // it, a choice that depends on an earlier visit would be refused and the log would end early.
  const { events } = checked.attempt;
  const actor = createSession(scenario, checked.attempt);
  try {
    for (let i = 0; i < events.length; i++) {
      if (actor.getSnapshot().status !== 'active') break;
      actor.send(events[i]!);
      if ((i + 1) % slice === 0) yield i + 1;
    }
    return { verified: true, report: scoreContext(actor.getSnapshot().context) };
  } finally {
    actor.stop();
  }
}

/** The verification in one go (for short logs, tests and the CLI). */
export function verifyAttempt(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing?: string,
): Verification {
  const steps = verifySteps(scenario, attempt, missing);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
