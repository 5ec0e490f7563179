/**
 * An attempt the trainee left ("Leave session", then ending it): its log ends with
 * `session.leave`, which ends the session at once, unscored (docs/session-rules.md). The engine
 * allows it to go on where the log without that last event replays to a session still running
 * against the very scenario version it was played with.
 */
import { parseAttempt, restoreAttempt, serializeAttempt, type Attempt } from '../attempt/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';

export type ResumeLeft = { ok: true; attempt: Attempt } | { ok: false; reason: string };

/**
 * The attempt to go on with (the log without its final `session.leave`, no checkpoint), or why
 * it cannot go on, as a sentence: its scenario is not at hand (`scenario` null), the attempt was
 * not left, the scenario has changed since (the log does not fit it), or the session had ended.
 */
export function resumeLeft(scenario: ScenarioV1 | null, attempt: Attempt): ResumeLeft {
  if (!scenario)
    return { ok: false, reason: `Its scenario "${attempt.scenarioId}" is not in this build.` };
  if (attempt.events.at(-1)?.type !== 'session.leave')
    return { ok: false, reason: 'It was not left: it ended in another way.' };
  const { checkpoint: _checkpoint, ...plain } = attempt;
  const before = { ...plain, events: attempt.events.slice(0, -1) };
  const checked = parseAttempt(serializeAttempt(before), scenario);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const { report } = restoreAttempt(scenario, checked.attempt);
  if (report.status !== 'running')
    return { ok: false, reason: 'The session had already ended when it was left.' };
  return { ok: true, attempt: checked.attempt };
}
