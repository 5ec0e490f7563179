/**
 * What is offered: the options of the current step and of open scenario events whose `when` holds.
 * Whether an offered option may be taken is the gates' question (gates.ts).
 */
import { evaluateCondition } from './conditions.ts';
import { conditionEnv } from './context.ts';
import { heldBackByCrisis } from './crisis.ts';
import type { EventDef, OptionDef } from './indexScenario.ts';
import type { SessionContext } from './types.ts';

/** The options of the current step whose `when` holds (empty while the step waits or none is current). */
export function offeredOptions(ctx: SessionContext): OptionDef[] {
  if (ctx.status !== 'running' || !ctx.stepId || !ctx.stepShown) return [];
  const step = ctx.index.steps.get(ctx.stepId)?.step;
  if (!step) return [];
  const env = conditionEnv(ctx);
  return step.options.filter((o) => evaluateCondition(o.when, env) && !heldBackByCrisis(ctx, o));
}

/** The options of an open scenario event whose `when` holds. */
export function eventOptions(ctx: SessionContext, event: EventDef): OptionDef[] {
  const env = conditionEnv(ctx);
  return (event.respond?.options ?? []).filter((o) => evaluateCondition(o.when, env));
}

/** The option belongs to the current step. */
export function isStepOption(ctx: SessionContext, optionId: string): boolean {
  const place = ctx.index.options.get(optionId);
  return place?.stepId !== undefined && place.stepId === ctx.stepId;
}

/** The option answers a scenario event that is open now. */
export function isOpenEventOption(ctx: SessionContext, optionId: string): boolean {
  const place = ctx.index.options.get(optionId);
  return place?.eventId !== undefined && ctx.open.some((o) => o.eventId === place.eventId);
}
