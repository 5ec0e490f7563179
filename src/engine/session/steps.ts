/**
 * Steps and phases: which step is current, when it is presented, entering a phase, and where a
 * choice leads within its phase. Which phase follows is drawn as an edge in the machine.
 */
import type { PhaseId } from '../format/schema.ts';
import { conditionEnv, say } from './context.ts';
import { chooseVariant, textOf } from './variants.ts';
import type { OptionDef } from './indexScenario.ts';
import { stepArrivalMinute } from './timing.ts';
import { expiryNow, expiryDue, withdrawStep } from './deadlines.ts';
import type { SessionContext } from './types.ts';

/**
 * The arrival-clock minute the current step waits for, or null when it does not wait. A step's
 * `atMinute` counts where stepArrivalMinute says (timing.ts): on the dose clock only in the phases
 * after the dose, once dosed (format 1's rule); on the arrival clock in any phase; on the recheck
 * clock in any phase, once a rest has been asked for (before that the step is due at once).
 */
export function stepWaitsUntil(d: SessionContext): number | null {
  const place = d.stepId ? d.index.steps.get(d.stepId) : undefined;
  if (place?.step.atMinute === undefined) return null;
  const at = stepArrivalMinute(d, place.step, place.phase);
  return at !== null && d.clock < at ? at : null;
}

/**
 * Makes `stepId` the current step; it is presented now unless it waits for its minute, or its
 * deadline has already passed (then it is never shown, and withdrawStepsDue withdraws it).
 */
export function presentStep(d: SessionContext, stepId: string): void {
  d.stepId = stepId;
  d.stepShown = false;
  const step = d.index.steps.get(stepId)?.step;
  if (step && stepDueNow(d)) showStep(d);
}

/**
 * Whether the current, not yet shown step is shown now: its minute has come and its withdrawal
 * is not due (a step whose deadline has passed is never shown).
 */
export function stepDueNow(d: SessionContext): boolean {
  return stepWaitsUntil(d) === null && expiryDue(d) === null;
}

/**
 * Withdraws the current step while its deadline has passed and its withdrawal leads to a step of
 * the same phase, presenting that step (which may in turn be past its own deadline). A withdrawal
 * that leaves the phase or ends the session is left due: the machine takes that edge.
 */
export function withdrawStepsDue(d: SessionContext): void {
  const seen = new Set<string>();
  for (let target = expiryDue(d); target !== null && 'next' in target; target = expiryDue(d)) {
    if (seen.has(d.stepId!)) return;
    seen.add(d.stepId!);
    withdrawStep(d);
    presentStep(d, target.next);
  }
}

/** Presents the current step: its text enters the transcript and its audio cue plays. */
export function showStep(d: SessionContext): void {
  const step = d.index.steps.get(d.stepId!)!.step;
  d.stepShown = true;
  d.stepShownAt = d.clock;
  d.stepCrisis = null;
  d.stepVariant = chooseVariant(step.variants, conditionEnv(d));
  say(d, { speaker: step.speaker, ...textOf(step, d.stepVariant) });
  if (step.audio) d.cues = [...d.cues, step.audio];
}

/** Starts a phase at its first step. */
export function enterPhase(d: SessionContext, phase: PhaseId): void {
  d.phase = phase;
  d.phaseEnteredAt = d.clock;
  presentStep(d, d.index.phases.get(phase)!.start);
  withdrawStepsDue(d);
}

/** The therapy region has finished: no step is current until integration starts. */
export function finishTherapy(d: SessionContext): void {
  d.stepId = null;
  d.stepShown = false;
}

/** After a step option that stays in its phase: go to its next step. */
export function followNext(d: SessionContext, option: OptionDef): void {
  if (!option.next) return;
  presentStep(d, option.next);
  withdrawStepsDue(d);
}

/**
 * The current step was withdrawn at its deadline and its withdrawal leaves the phase or ends the
 * session: records it, then goes where it leads (the machine's edge says which).
 */
export function withdrawThen(
  d: SessionContext,
  then: 'finishTherapy' | 'endSession' | { enterPhase: PhaseId },
): void {
  const target = expiryNow(d)!.target;
  withdrawStep(d);
  if (then === 'finishTherapy') finishTherapy(d);
  else if (then === 'endSession') endSession(d, 'ending' in target ? target.ending : '');
  else enterPhase(d, then.enterPhase);
}

/** Ends the session with an ending. */
export function endSession(d: SessionContext, endingId: string): void {
  d.ending = endingId;
  d.stepShown = false;
  d.clockOwed = 0;
  const ending = d.index.endings.get(endingId);
  if (ending) say(d, { speaker: 'system', text: `${ending.title}. ${ending.text}` });
}
