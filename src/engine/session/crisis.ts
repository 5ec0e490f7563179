/**
 * The patient's real state during and after an emergency: one rule for what the patient panel shows
 * and which options are offered while a scenario event waits for a response or after one was
 * missed. The view (player, workspace preview, CLI), the gates and the decision records all read
 * it from here.
 *
 * - A step's text was chosen when the step was presented. When an event opens, is answered or is
 *   missed while the step is on screen, the step's variants are chosen again: a variant whose
 *   `when` reads the event's state (`{"event": "severe-headache", "eq": "missed"}`) then replaces
 *   the text, and the new text enters the transcript.
 * - When the scenario declares no such variant, the event is told apart while it is open or
 *   missed: the panel shows the event's own line and affect (when missed, the missed outcome's
 *   text with the event's affect) as a notice above the step's own line, until the next step is
 *   presented. The step's line itself is never replaced: its options answer it.
 * - Step options marked `calm` (silence, letting words pass) are hidden while any event waits for
 *   a response, and after an event was missed while the current step was on screen.
 * - A monitor alarm left unanswered longer than `protocol.alarmResponseMinutes` is a crisis too,
 *   until the trainee responds (a vitals check or a clinical action): `calm` options are hidden
 *   and, unless an event's crisis or a crisis variant already speaks, a notice above the step's
 *   line says the alarm is still sounding unanswered and how to answer it.
 */
import type { EventDef, OptionDef, StepDef } from './indexScenario.ts';
import type { Condition } from './conditions.ts';
import { conditionEnv, say } from './context.ts';
import { chooseVariant, textOf } from './variants.ts';
import type { AlarmRecord, EventState, SessionContext } from './types.ts';
import { alarmWords } from './vitals.ts';
import { own } from '../format/own.ts';

/** The state of an event now, or undefined when it has not fired. */
export function eventState(ctx: SessionContext, eventId: string): EventState | undefined {
  return own(ctx.eventStates ?? {}, eventId);
}

/** Whether a condition reads the state of an event (a crisis variant). */
export function readsEventState(condition: Condition | undefined): boolean {
  if (condition === undefined) return false;
  if ('all' in condition) return condition.all.some(readsEventState);
  if ('any' in condition) return condition.any.some(readsEventState);
  if ('not' in condition) return readsEventState(condition.not);
  return 'event' in condition;
}

/**
 * The event that the current step's text predates and that is still open or was missed, or null.
 * An event that was answered leaves the step to its own variants.
 */
export function crisisOfStep(
  ctx: SessionContext,
): { event: EventDef; state: 'open' | 'missed' } | null {
  const id = ctx.stepCrisis ?? null;
  if (id === null) return null;
  const state = eventState(ctx, id);
  const event = ctx.index.events.get(id);
  if (!event || (state !== 'open' && state !== 'missed')) return null;
  return { event, state };
}

/**
 * The alarms left unanswered longer than `protocol.alarmResponseMinutes` (monitoring.ts marks
 * them) and still unanswered: each puts the session in crisis until the trainee responds.
 */
export function overdueAlarms(ctx: SessionContext): AlarmRecord[] {
  return (ctx.alarms ?? []).filter((a) => a.overdue === true && !a.responded);
}

/**
 * A crisis is on: an event waits for a response, one was missed while this step was shown, or an
 * alarm has gone unanswered past the protocol's response time.
 */
export function isCrisisOn(ctx: SessionContext): boolean {
  return (
    (ctx.open?.length ?? 0) > 0 ||
    crisisOfStep(ctx)?.state === 'missed' ||
    overdueAlarms(ctx).length > 0
  );
}

/**
 * Whether an option is held back by the crisis rule: a step's `calm` option while a crisis is on.
 * An event's own options answer that event, so `calm` does not hide them.
 */
export function heldBackByCrisis(ctx: SessionContext, option: OptionDef): boolean {
  return (
    option.calm === true &&
    ctx.index.options.get(option.id)?.stepId !== undefined &&
    isCrisisOn(ctx)
  );
}

/**
 * The current step's own line: the step's text under its chosen variant (a crisis variant when the
 * scenario declares one). A crisis never replaces it: the trainee always sees the words the step's
 * options answer; the crisis is told apart by `crisisNotice`, whose affect (an event's), when it
 * has one, replaces the step's.
 */
export function stepLineNow(
  ctx: SessionContext,
  step: StepDef,
): { speaker: string; text: string; affect?: string } {
  const { text, affect } = textOf(step, ctx.stepVariant ?? null);
  // An event's affect (open or missed) is how the patient is now: the step's older affect goes.
  const now = affect !== undefined && crisisNotice(ctx, step)?.affect === undefined;
  return now ? { speaker: step.speaker, text, affect } : { speaker: step.speaker, text };
}

/**
 * What the patient panel shows above the current step's line while a crisis is on, or null:
 * - an event that postdates the step's text and is open: the event's line and affect
 *   (`kind: 'event'`); missed: the missed outcome's text with the event's affect (`'missed'`),
 *   unless the step's chosen variant already speaks of events;
 * - else an alarm left unanswered past `protocol.alarmResponseMinutes` (`'alarm'`): the
 *   narrator says no one has responded, naming the alarm. Its response is the next clinical act
 *   (a vitals check or any option of kind `action`, monitoring.ts), which the panel says.
 */
export function crisisNotice(
  ctx: SessionContext,
  step: StepDef | undefined,
): { kind: 'event' | 'missed' | 'alarm'; speaker: string; text: string; affect?: string } | null {
  const variant = ctx.stepVariant;
  const declared =
    step !== undefined &&
    variant !== null &&
    variant !== undefined &&
    readsEventState(step.variants?.[variant]?.when);
  const crisis = step === undefined || declared ? null : crisisOfStep(ctx);
  if (crisis) {
    const open = ctx.open.find((o) => o.eventId === crisis.event.id);
    const line = textOf(crisis.event, open?.variant ?? null);
    if (crisis.state === 'open')
      return { kind: 'event', speaker: crisis.event.speaker ?? 'narrator', ...line };
    const text = crisis.event.respond!.missed.text;
    return line.affect
      ? { kind: 'missed', speaker: 'narrator', text, affect: line.affect }
      : { kind: 'missed', speaker: 'narrator', text };
  }
  if (declared) return null;
  const alarm = overdueAlarms(ctx)[0];
  if (!alarm) return null;
  return {
    kind: 'alarm',
    speaker: 'narrator',
    text: `No one has responded to the monitor's alarm (${alarmWords(alarm)}).`,
  };
}

/**
 * After an event opened, was answered or was missed: the current step, if on screen, now predates
 * it. Its variants are chosen again, and a changed text enters the transcript.
 */
export function stepMeetsEvent(d: SessionContext, eventId: string): void {
  if (!d.stepId || !d.stepShown || d.status !== 'running') return;
  const step = d.index.steps.get(d.stepId)?.step;
  if (!step) return;
  const state = eventState(d, eventId);
  if (state === 'open' || state === 'missed') d.stepCrisis = eventId;
  const variant = chooseVariant(step.variants, conditionEnv(d));
  if (variant === d.stepVariant) return;
  d.stepVariant = variant;
  say(d, { speaker: step.speaker, ...textOf(step, variant) });
}
