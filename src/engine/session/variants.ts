/**
 * Text that follows the state (format 2): steps and events may carry text variants, options
 * feedback variants, each with a `when`. The first variant whose condition holds at the moment the
 * text is shown (or the option chosen) is used; the session records which, so the view, the
 * transcript and the debrief all say the same thing.
 */
import { evaluateCondition, type Condition, type ConditionEnv } from './conditions.ts';
import type { EventDef, OptionDef, StepDef } from './indexScenario.ts';

/** The index of the first variant whose `when` holds, or null (the plain text). */
export function chooseVariant(
  variants: readonly { when: Condition }[] | undefined,
  env: ConditionEnv,
): number | null {
  if (!variants) return null;
  const i = variants.findIndex((v) => evaluateCondition(v.when, env));
  return i < 0 ? null : i;
}

/** A step's or event's text and affect under a chosen variant. */
export function textOf(
  def: Pick<StepDef | EventDef, 'text' | 'affect' | 'variants'>,
  variant: number | null | undefined,
): { text: string; affect?: string } {
  const v = variant === null || variant === undefined ? undefined : def.variants?.[variant];
  const text = v?.text ?? def.text;
  const affect = v ? v.affect : def.affect;
  return affect ? { text, affect } : { text };
}

/** An option's feedback and rationale under a chosen feedback variant. */
export function feedbackOf(
  option: OptionDef,
  variant: number | null | undefined,
): { feedback?: string; rationale?: string } {
  const v =
    variant === null || variant === undefined ? undefined : option.feedbackVariants?.[variant];
  const feedback = v ? v.feedback : option.feedback;
  const rationale = v ? (v.rationale ?? option.rationale) : option.rationale;
  return {
    ...(feedback ? { feedback } : {}),
    ...(rationale ? { rationale } : {}),
  };
}
