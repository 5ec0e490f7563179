/**
 * Step deadlines in play: when the current step's offer is withdrawn unanswered, and the record
 * of the withdrawal. Which steps can be withdrawn, where they lead and what their deadline is made
 * of is the format's rule (format/step-deadlines.ts); this file puts it on the session's clock.
 * The machine (the edge a withdrawal takes out of its phase), the clock, the view, the CLI and the
 * workspace preview all read it from here.
 *
 * - The deadline is the last arrival-clock minute the step can be answered; once the clock passes
 *   it, the offer is withdrawn: the decision is recorded as not made (scored with the step's
 *   `expires.points`, none by default), the transcript says so, and the session goes to the
 *   step's timeout target.
 * - A step reached after its deadline (a late `next`) is withdrawn at once, without being shown:
 *   text written for a minute never appears after that minute has passed. A phase's opening step
 *   is the exception: when its phase opens after the step's minute, it is shown as the phase
 *   opens, and its deadline counts from then.
 * - A withdrawal that would end the session is held while one of the visit's end gates holds.
 */
import type { PhaseId } from '../format/schema.ts';
import {
  deadlineOf,
  impliedTarget,
  stepMinute,
  writtenTarget,
  type ExpiryTarget,
} from '../format/step-deadlines.ts';
import { evaluateCondition } from './conditions.ts';
import { conditionEnv, say } from './context.ts';
import type { StepDef } from './indexScenario.ts';
import { recordExpiredStep } from './decisions.ts';
import { endRefusal } from './gates.ts';
import { stepArrivalMinute } from './timing.ts';
import type { SessionContext } from './types.ts';

/** What the transcript and the debrief say of a withdrawn step when the scenario does not say. */
export const DEFAULT_EXPIRY_TEXT = 'No answer was given in time: the moment passed.';

/** The current step's withdrawal now: where it leads and its deadline (arrival clock). */
export interface ExpiryNow {
  target: ExpiryTarget;
  /** The last arrival-clock minute the step can be answered; null while it waits as long as the session runs. */
  deadline: number | null;
  /** The step's `expires`, when it applies now (its `when` holds). */
  written?: StepDef['expires'];
}

/**
 * The current step's withdrawal rule now (format/step-deadlines.ts, on the session's clock), or
 * null when the step cannot be withdrawn: its written `expires` (when its `when` holds), else the
 * default from the options offered now.
 */
export function expiryNow(ctx: SessionContext): ExpiryNow | null {
  if (!ctx.stepId) return null;
  const place = ctx.index.steps.get(ctx.stepId);
  if (!place) return null;
  const { step } = place;
  if (step.atMinute === undefined && step.expires === undefined) return null;
  // The clock asks several times a minute; the answer changes only with what it reads: the
  // clocks, the presentation, and which of the step's conditions hold.
  const conditions = conditionsNow(step, ctx);
  const presentedAt = ctx.stepShown ? (ctx.stepShownAt ?? null) : ctx.clock;
  const memo = memos.get(step);
  if (
    memo !== undefined &&
    conditions !== UNKEPT &&
    memo.conditions === conditions &&
    (!memo.usesPresentedAt || memo.presentedAt === presentedAt) &&
    memo.doseClock === ctx.doseClock &&
    memo.restEndsAt === (ctx.restEndsAt ?? null) &&
    memo.phaseEnteredAt === (ctx.phaseEnteredAt ?? null)
  )
    return memo.now;
  const [now, usesPresentedAt] = computeExpiryNow(ctx, place.phase, step, conditions, presentedAt);
  memos.set(step, { ...reads(ctx, presentedAt, conditions), usesPresentedAt, now });
  return now;
}

/** The last answer of expiryNow for a step, with what it read. */
interface ExpiryMemo {
  conditions: number;
  presentedAt: number | null;
  /** Whether the answer counted from the minute the step was presented (else it does not matter). */
  usesPresentedAt: boolean;
  doseClock: number | null;
  restEndsAt: number | null;
  phaseEnteredAt: number | null;
  now: ExpiryNow | null;
}
const memos = new WeakMap<StepDef, ExpiryMemo>();
const UNKEPT = -1;

const reads = (ctx: SessionContext, presentedAt: number | null, conditions: number) => ({
  conditions,
  presentedAt,
  doseClock: ctx.doseClock,
  restEndsAt: ctx.restEndsAt ?? null,
  phaseEnteredAt: ctx.phaseEnteredAt ?? null,
});

/**
 * Which of the step's conditions hold now, as bits: bit 0 its `expires.when`, bit i + 1 the
 * `when` of option i; UNKEPT for a step with more than 30 options (its answer is not kept).
 */
function conditionsNow(step: StepDef, ctx: SessionContext): number {
  if (step.options.length > 30) return UNKEPT;
  const conditional = step.expires?.when !== undefined || step.options.some((o) => o.when);
  if (!conditional) return 0;
  const env = conditionEnv(ctx);
  let bits = step.expires && evaluateCondition(step.expires.when, env) ? 1 : 0;
  step.options.forEach((o, i) => {
    if (evaluateCondition(o.when, env)) bits |= 1 << (i + 1);
  });
  return bits;
}

function computeExpiryNow(
  ctx: SessionContext,
  phase: PhaseId,
  step: StepDef,
  conditions: number,
  presentedAt: number | null,
): [ExpiryNow | null, boolean] {
  const env = conditions === UNKEPT ? conditionEnv(ctx) : null;
  const holds = (when: StepDef['options'][number]['when'], bit: number) =>
    when === undefined || (env ? evaluateCondition(when, env) : (conditions & (1 << bit)) !== 0);
  const written = step.expires && holds(step.expires.when, 0) ? step.expires : undefined;
  const target =
    (written && writtenTarget(written)) ??
    impliedTarget(step.options.filter((o, i) => holds(o.when, i + 1)));
  if (!target) return [null, false];
  let targetStep: StepDef | undefined;
  let targetPhase: PhaseId = phase;
  if ('endsPhase' in target) {
    const next = ctx.index.nextPhase(phase);
    if (phase === 'administration' || next === null) return [null, false];
    targetPhase = next;
    targetStep = ctx.index.steps.get(ctx.index.phases.get(next)!.start)?.step;
  } else if ('next' in target) targetStep = ctx.index.steps.get(target.next)?.step;
  let at = stepArrivalMinute(ctx, step, phase);
  // A dose-clock minute not known yet: no deadline. A recheck-clock step reached without a rest
  // is due at once, as a step without an atMinute (its withinMinutes counts from then).
  if (at === null && stepMinute(step, phase)?.from === 'dose') return [null, false];
  // A phase's opening step is its moment when the phase opens after the step's minute (when the
  // drug's effects, not the trainee, decide when integration begins): shown then, not withdrawn.
  const opened = ctx.phaseEnteredAt ?? null;
  if (at !== null && opened !== null && ctx.index.phases.get(phase)?.start === step.id)
    at = Math.max(at, opened);
  const within = written?.withinMinutes;
  const deadline = deadlineOf({
    at,
    presentedAt,
    within,
    targetAt: targetStep ? stepArrivalMinute(ctx, targetStep, targetPhase) : null,
  });
  return [
    { target, deadline, ...(written ? { written } : {}) },
    within !== undefined && at === null,
  ];
}

/**
 * The last arrival-clock minute the current step can be answered, or null when it waits for an
 * answer as long as the session runs (or while its minutes cannot be known yet).
 */
export function stepDeadline(ctx: SessionContext): number | null {
  return expiryNow(ctx)?.deadline ?? null;
}

/**
 * Where the current step's withdrawal leads when it is due now (the clock has passed its
 * deadline), or null. A withdrawal that ends the session waits while an end gate holds.
 */
export function expiryDue(ctx: SessionContext): ExpiryTarget | null {
  if (ctx.status !== 'running' || ctx.paused || !ctx.stepId) return null;
  const now = expiryNow(ctx);
  if (!now || now.deadline === null || ctx.clock <= now.deadline) return null;
  if ('ending' in now.target && endRefusal(ctx) !== null) return null;
  return now.target;
}

/**
 * Withdraws the current step: records the decision not made (the first visit of a step only,
 * as for choices) with the `expires` outcome that applies, and, when the step was on screen,
 * says so in the transcript. Where the session goes next is the caller's (steps.ts within the
 * phase, the machine's edge out of it).
 */
export function withdrawStep(d: SessionContext): void {
  const stepId = d.stepId!;
  const written = expiryNow(d)?.written;
  recordExpiredStep(d, stepId, written !== undefined);
  if (d.stepShown) say(d, { speaker: 'system', text: written?.text ?? DEFAULT_EXPIRY_TEXT });
  d.stepShown = false;
  d.stepCrisis = null;
}
