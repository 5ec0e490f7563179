/**
 * When a step's offer is withdrawn unanswered, and where the session goes then: the one rule
 * behind the engine's withdrawal (session/deadlines.ts), the validator's STEP_EXPIRY_*
 * diagnostics and the documentation (docs/session-rules.md), so they cannot disagree.
 *
 * - **Where it leads** (the step's *timeout target*): `expires.next`, `expires.endsPhase` or
 *   `expires.ending` when written (and its `when`, if any, holds); otherwise the one place every
 *   option offered that does not end the session leads (a `next` step, or `endsPhase`), when
 *   they all agree. A step whose options lead to different places, or all end the session, has no
 *   default target and is not withdrawn. A withdrawal never ends `administration` (the dose may
 *   not have been given) or the last phase.
 * - **When**: `expires.withinMinutes` after the step's `atMinute` (or, for a step without one, after
 *   the minute it is presented); otherwise, for a step with an `atMinute`, the minute before the
 *   step its timeout target presents (the `next` step, or the next phase's `start` step) is due,
 *   when that step has an `atMinute` later than its own. That deadline is the last minute the step
 *   can be answered: the offer is withdrawn once the clock passes it.
 *
 * A step's `atMinute` counts only where the session counts it: on the arrival clock in any phase,
 * on the dose clock in the phases after the dose, on the recheck clock (from the end of the rest
 * the last `delayDose` option asked for) in any phase. Minutes on different clocks are compared
 * only in play; here a deadline is known only when the step and its target count on one clock.
 *
 * Defensive: reads a parsed (normalised) document that may have schema errors, and never throws.
 * Linear in the number of steps and options.
 */
import { PHASE_IDS, type StepClockName } from './schema.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): [Json, number][] =>
  (Array.isArray(v) ? (v as unknown[]) : []).flatMap((x, i) =>
    isObject(x) ? [[x, i] as [Json, number]] : [],
  );
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Phases played after the dose, whose dose-clock `atMinute` counts. */
const AFTER_DOSE = new Set(['monitoring', 'guidedConversation', 'integration']);

/** Where a withdrawn step leads (the same three targets an option has). */
export type ExpiryTarget = { next: string } | { endsPhase: true } | { ending: string };

/** A step minute and the clock it counts on. */
export interface StepMinute {
  minute: number;
  from: StepClockName;
}

/** What the rule says about one step that can be withdrawn. */
export interface StepExpiry {
  /** Where the step is in the document. */
  phaseIndex: number;
  stepIndex: number;
  stepId: string;
  phaseId: string;
  /** Where the session goes when the offer is withdrawn. */
  target: ExpiryTarget;
  /** `expires.withinMinutes`, when written. */
  withinMinutes?: number;
  /** The step's own minute, when it has one that counts. */
  at?: StepMinute;
  /** The step the withdrawal presents (the `next` step or the next phase's start step), if any. */
  targetStepId?: string;
  /** That step's minute, when it has one that counts. */
  targetAt?: StepMinute;
}

/** Why a written `expires` cannot be followed (the validator reports it; the engine ignores it). */
export interface ExpiryProblem {
  phaseIndex: number;
  stepIndex: number;
  stepId: string;
  kind: 'noTarget' | 'noDeadline' | 'endsPhase' | 'unknownStep' | 'afterTarget';
  /** For `afterTarget`: the deadline and the minute of the step the withdrawal presents. */
  deadline?: number;
  targetStepId?: string;
  targetMinute?: number;
  /** For `endsPhase`: the phase that cannot be left this way. */
  phaseId?: string;
}

/**
 * A step's minute, when it counts in its phase (dose-clock minutes only after the dose). The
 * session puts it on its clock with session/timing.ts `stepArrivalMinute`.
 */
export function stepMinute(stepObject: object, phaseId: string): StepMinute | undefined {
  const step = stepObject as Json;
  const minute = num(step.atMinute);
  if (minute === undefined) return undefined;
  const from: StepClockName =
    step.from === 'arrival' || step.from === 'recheck' ? step.from : 'dose';
  if (from === 'dose' && !AFTER_DOSE.has(phaseId)) return undefined;
  return { minute, from };
}

/**
 * The default target: where every one of `options` (those offered) that does not end the session
 * leads, when they agree; undefined when they disagree or all end the session.
 */
export function impliedTarget(options: readonly object[]): ExpiryTarget | undefined {
  let target: ExpiryTarget | undefined;
  for (const [option] of entries(options)) {
    if (option.ending !== undefined) continue;
    const here: ExpiryTarget | undefined =
      option.endsPhase === true
        ? { endsPhase: true }
        : str(option.next) !== undefined
          ? { next: str(option.next)! }
          : undefined;
    if (here === undefined) return undefined;
    if (target === undefined) target = here;
    else if (!sameTarget(target, here)) return undefined;
  }
  return target;
}

const sameTarget = (a: ExpiryTarget, b: ExpiryTarget): boolean =>
  ('next' in a && 'next' in b && a.next === b.next) ||
  ('endsPhase' in a && 'endsPhase' in b) ||
  ('ending' in a && 'ending' in b && a.ending === b.ending);

/** The target an `expires` names, if it names one. */
export function writtenTarget(expiresObject: object): ExpiryTarget | undefined {
  const expires = expiresObject as Json;
  if (str(expires.ending) !== undefined) return { ending: str(expires.ending)! };
  if (expires.endsPhase === true) return { endsPhase: true };
  if (str(expires.next) !== undefined) return { next: str(expires.next)! };
  return undefined;
}

/**
 * The deadline (the last minute the step can be answered), all minutes on one clock: `within`
 * minutes after the step's minute `at` (or, without one, after `presentedAt`); else the minute
 * before its target's minute `targetAt`, when both are known and the target comes later. Null
 * when there is none.
 */
export function deadlineOf(m: {
  at: number | null;
  presentedAt: number | null;
  within: number | undefined;
  targetAt: number | null;
}): number | null {
  if (m.within !== undefined) {
    const from = m.at ?? m.presentedAt;
    return from === null ? null : from + m.within;
  }
  return m.at !== null && m.targetAt !== null && m.targetAt > m.at ? m.targetAt - 1 : null;
}

/** The deadline on the step's own clock, when both minutes are known on it (for the validator). */
export function staticDeadline(e: StepExpiry): number | undefined {
  if (e.at === undefined) return undefined;
  const sameClock = e.targetAt !== undefined && e.targetAt.from === e.at.from;
  return (
    deadlineOf({
      at: e.at.minute,
      presentedAt: null,
      within: e.withinMinutes,
      targetAt: sameClock ? e.targetAt!.minute : null,
    }) ?? undefined
  );
}

/**
 * Every step that can be withdrawn (its timeout target and what its deadline is made of), and the
 * problems of written `expires` that cannot be followed. A step with neither a written `expires`
 * nor a default deadline is not listed: it waits for an answer as long as the session runs.
 */
export function stepExpiries(doc: unknown): { expiries: StepExpiry[]; problems: ExpiryProblem[] } {
  const expiries: StepExpiry[] = [];
  const problems: ExpiryProblem[] = [];
  if (!isObject(doc)) return { expiries, problems };
  const phases = entries(doc.phases);
  const byId = new Map<string, { phase: Json; index: number }>();
  for (const [phase, index] of phases) {
    const id = str(phase.id);
    if (id !== undefined && !byId.has(id)) byId.set(id, { phase, index });
  }
  const order = PHASE_IDS.filter((id) => byId.has(id));
  for (const [phase, p] of phases) {
    const phaseId = str(phase.id) ?? '';
    const steps = new Map<string, Json>();
    for (const [step] of entries(phase.steps)) {
      const id = str(step.id);
      if (id !== undefined && !steps.has(id)) steps.set(id, step);
    }
    const nextPhaseId = order[order.indexOf(phaseId as (typeof order)[number]) + 1];
    const nextPhase = nextPhaseId === undefined ? undefined : byId.get(nextPhaseId)?.phase;
    for (const [step, s] of entries(phase.steps)) {
      const stepId = str(step.id);
      if (stepId === undefined) continue;
      const expires = isObject(step.expires) ? step.expires : undefined;
      const where = { phaseIndex: p, stepIndex: s, stepId };
      const problem = (kind: ExpiryProblem['kind'], more: Partial<ExpiryProblem> = {}) => {
        if (expires) problems.push({ ...where, kind, ...more });
      };
      const target =
        (expires && writtenTarget(expires)) ?? impliedTarget(entries(step.options).map(([o]) => o));
      if (target === undefined) {
        problem('noTarget');
        continue;
      }
      const endsPhase = 'endsPhase' in target;
      if (endsPhase && (phaseId === 'administration' || nextPhase === undefined)) {
        problem('endsPhase', { phaseId });
        continue;
      }
      let targetStep: Json | undefined;
      let targetStepId: string | undefined;
      let targetPhaseId = phaseId;
      if ('next' in target) {
        targetStep = steps.get(target.next);
        targetStepId = target.next;
        if (targetStep === undefined) {
          problem('unknownStep', { targetStepId });
          continue;
        }
      } else if (endsPhase && nextPhase) {
        targetStepId = str(nextPhase.start);
        targetPhaseId = nextPhaseId!;
        targetStep = entries(nextPhase.steps).find(([t]) => t.id === targetStepId)?.[0];
      }
      const withinMinutes = expires ? num(expires.withinMinutes) : undefined;
      const at = stepMinute(step, phaseId);
      const targetAt = targetStep ? stepMinute(targetStep, targetPhaseId) : undefined;
      const expiry: StepExpiry = {
        ...where,
        phaseId,
        target,
        ...(withinMinutes !== undefined ? { withinMinutes } : {}),
        ...(at ? { at } : {}),
        ...(targetStepId !== undefined ? { targetStepId } : {}),
        ...(targetAt ? { targetAt } : {}),
      };
      const deadline = staticDeadline(expiry);
      const hasDeadline =
        withinMinutes !== undefined ||
        (at !== undefined && targetAt !== undefined && deadline !== undefined) ||
        (at !== undefined && targetAt !== undefined && targetAt.from !== at.from);
      if (!hasDeadline) {
        problem('noDeadline');
        continue;
      }
      if (
        deadline !== undefined &&
        targetAt !== undefined &&
        at !== undefined &&
        targetAt.from === at.from &&
        deadline >= targetAt.minute
      ) {
        problem('afterTarget', { deadline, targetStepId, targetMinute: targetAt.minute });
        if (expires) continue;
      }
      expiries.push(expiry);
    }
  }
  return { expiries, problems };
}
