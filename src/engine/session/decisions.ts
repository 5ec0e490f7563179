/**
 * Scoring inputs: the decision records the engine writes as the session goes (step choices, event
 * responses, missed events and scheduled checks). Scoring (scoring/score.ts) explains them.
 */
import { eventOptions } from './offers.ts';
import { availableNow } from './gates.ts';
import type { OptionDef } from './indexScenario.ts';
import type { DecisionRecord, SessionContext } from './types.ts';
import { conditionEnv, say } from './context.ts';
import { chooseVariant } from './variants.ts';
import { own } from '../format/own.ts';
import { stepMeetsEvent } from './crisis.ts';

function recordDecision(
  d: SessionContext,
  record: Omit<DecisionRecord, 'phase' | 'minute' | 'clock'>,
): void {
  d.decisions = d.decisions.append({ ...record, phase: d.phase, minute: d.minute, clock: d.clock });
}

/** Records a step choice (scored on the first visit of the step only) before its effects apply. */
export function recordStepChoice(d: SessionContext, option: OptionDef): void {
  const stepId = d.stepId!;
  const feedbackVariant = chooseVariant(option.feedbackVariants, conditionEnv(d));
  const late = lateCheck(d, option);
  const lateField = late === null ? {} : { lateFor: late };
  if (!d.scoredSteps.has(stepId)) {
    recordDecision(d, {
      kind: 'step',
      refId: stepId,
      optionId: option.id,
      available: availableNow(d),
      ...variantField(feedbackVariant),
      ...lateField,
    });
    d.scoredSteps = d.scoredSteps.add(stepId);
  }
  say(d, { speaker: 'trainee', text: option.text });
  sayReaction(d, option);
  d.lastFeedback = { optionId: option.id, variant: feedbackVariant, ...lateField, clock: d.clock };
}

/**
 * The check a vitals option takes too late: the scheduled check its step prompts
 * (format/check-prompts.ts), when that check's window has already closed unmet. Null otherwise.
 */
function lateCheck(d: SessionContext, option: OptionDef): string | null {
  if (option.action !== 'checkVitals' || !d.stepId) return null;
  const checkId = d.index.checkPrompts.get(d.stepId);
  return checkId !== undefined && own(d.checks, checkId) === 'missed' ? checkId : null;
}

const variantField = (v: number | null) => (v === null ? {} : { feedbackVariant: v });

/**
 * Records a step withdrawn unanswered at its deadline (deadlines.ts): a step decision with no
 * option (scored with the step's `expires` outcome), on the step's first visit only.
 */
export function recordExpiredStep(d: SessionContext, stepId: string, written: boolean): void {
  if (d.scoredSteps.has(stepId)) return;
  recordDecision(d, {
    kind: 'step',
    refId: stepId,
    optionId: null,
    available: availableNow(d),
    ...(written ? {} : { defaultExpiry: true }),
  });
  d.scoredSteps = d.scoredSteps.add(stepId);
}

/** Records the response to an open scenario event and closes the event. */
export function recordEventChoice(d: SessionContext, option: OptionDef): void {
  const eventId = d.index.options.get(option.id)!.eventId!;
  const event = d.index.events.get(eventId)!;
  const feedbackVariant = chooseVariant(option.feedbackVariants, conditionEnv(d));
  recordDecision(d, {
    kind: 'event',
    refId: eventId,
    optionId: option.id,
    available: eventOptions(d, event).map((o) => o.id),
    ...variantField(feedbackVariant),
  });
  d.open = d.open.filter((o) => o.eventId !== eventId);
  d.eventStates = { ...d.eventStates, [eventId]: 'answered' };
  say(d, { speaker: 'trainee', text: option.text });
  sayReaction(d, option);
  d.lastFeedback = { optionId: option.id, variant: feedbackVariant, clock: d.clock };
  stepMeetsEvent(d, eventId);
}

/** The patient's answer to what the trainee just said or did, when the option gives one. */
function sayReaction(d: SessionContext, option: OptionDef): void {
  if (option.reaction) say(d, { speaker: 'patient', text: option.reaction });
}

/** Records an event whose response window closed without a response. */
export function recordMissedEvent(d: SessionContext, eventId: string): void {
  const event = d.index.events.get(eventId)!;
  recordDecision(d, {
    kind: 'missedEvent',
    refId: eventId,
    optionId: null,
    available: eventOptions(d, event).map((o) => o.id),
  });
}

/** Records a scheduled monitoring check as made on time or missed. */
export function recordCheck(d: SessionContext, checkId: string, outcome: 'done' | 'missed'): void {
  d.checks = { ...d.checks, [checkId]: outcome };
  recordDecision(d, {
    kind: 'check',
    refId: checkId,
    optionId: null,
    done: outcome === 'done',
    available: [],
  });
}
