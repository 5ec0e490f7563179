/**
 * previewSnapshot: a session started at any step of any phase, for authors who want to try a
 * scenario from the middle ("test from here"). Pure: it builds the context the machine would
 * have reached — chosen variables, protocol facts, vitals offsets and clock minute — and resolves
 * the matching machine state with `machine.resolveState`. The snapshot is then played on with
 * `step(snapshot, event)` from session.ts, exactly like a normal session.
 *
 * What a preview does not have: the decisions and transcript that would have led here. Scoring
 * therefore counts only the decisions made after the preview starts. Timed events whose minute
 * has already passed are marked as fired (they do not fire late), and scheduled checks whose
 * window closed before the start minute are settled without being scored.
 */
import {
  PROTOCOL_FACTS,
  SIGNAL_KEYS,
  type ProtocolFact,
  type ScenarioV1,
  type SignalKey,
} from '../format/schema.ts';
import { AppendList } from './append-list.ts';
import { initialContext } from './initial-context.ts';
import { sessionMachine } from './machine.ts';
import { isMonitoringDone, refreshVitals } from './monitoring.ts';
import { AFTER_DOSE, phaseInfo } from './phases.ts';
import { presentStep } from './steps.ts';
import { expiryDue, stepDeadline } from './deadlines.ts';
import { arrivalMinuteOf, lastClockMinute } from './timing.ts';
import type { SessionSnapshot } from './session.ts';
import type { Mode, SessionContext } from './types.ts';

export interface PreviewOptions {
  /** The step to start at; its phase is the phase the preview starts in. */
  stepId: string;
  /** Values for declared variables; the others keep their `initial` value. */
  variables?: Record<string, boolean | number>;
  /** Protocol facts that hold at the start (the others are false, except `dosed`, see `minute`). */
  facts?: Partial<Record<ProtocolFact, boolean>>;
  /** Changes to vitals and state, added like option effects (e.g. `{ systolic: 20 }`). */
  offsets?: Partial<Record<SignalKey, number>>;
  /**
   * The clock's minute (0 when not given). A preview in monitoring, guidedConversation or
   * integration is always dosed, and so is one with the `dosed` fact: minutes since the dose
   * (0 to the session's length; the dose taken as given on arrival). Otherwise minutes since
   * arrival, before the dose (0 to the protocol's pre-dose limit).
   */
  minute?: number;
  seed?: number;
  mode?: Mode;
}

/** A problem with the preview options, said in words an author understands. */
export class PreviewError extends Error {
  override name = 'PreviewError';
}

/** The machine state value for a context in its phase (the state path comes from the phase table). */
function stateValue(context: SessionContext): Record<string, unknown> {
  const info = phaseInfo(context.phase!);
  const leaf = info.stateId.split('.').pop()!;
  const inPhase = info.therapy
    ? { dosed: { observation: isMonitoringDone(context) ? 'settled' : 'observing', therapy: leaf } }
    : leaf;
  return { visit: { active: inPhase } };
}

/** The context of a session started at `options.stepId`, before any event. */
export function previewContext(scenario: ScenarioV1, options: PreviewOptions): SessionContext {
  const d = initialContext({ scenario, seed: options.seed ?? 1, mode: options.mode ?? 'practice' });
  const place = d.index.steps.get(options.stepId);
  if (!place) throw new PreviewError(`There is no step "${options.stepId}" in this scenario.`);
  const phase = place.phase;

  for (const [id, value] of Object.entries(options.variables ?? {})) {
    const declared = scenario.variables.find((v) => v.id === id);
    if (!declared) throw new PreviewError(`"${id}" is not a declared variable.`);
    if (
      declared.type === 'flag'
        ? typeof value !== 'boolean'
        : typeof value !== 'number' || !Number.isFinite(value)
    )
      throw new PreviewError(
        `Variable "${id}" is a ${declared.type}; ${String(value)} does not fit.`,
      );
    d.vars = { ...d.vars, [id]: value };
  }
  for (const [fact, value] of Object.entries(options.facts ?? {})) {
    if (!(PROTOCOL_FACTS as readonly string[]).includes(fact))
      throw new PreviewError(`"${fact}" is not a protocol fact.`);
    d.facts = { ...d.facts, [fact]: value === true };
  }
  const offsets: SessionContext['offsets'] = {};
  for (const [key, value] of Object.entries(options.offsets ?? {})) {
    if (!(SIGNAL_KEYS as readonly string[]).includes(key))
      throw new PreviewError(`"${key}" is not a vital sign or state signal.`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new PreviewError(`The offset for ${key} must be a number.`);
    if (value !== 0) offsets[key as SignalKey] = value;
  }
  d.offsets = offsets;

  if (AFTER_DOSE.includes(phase)) d.facts = { ...d.facts, dosed: true };
  const last = scenario.protocol.sessionMinutes;
  const minute = options.minute ?? 0;
  if (d.facts.dosed) {
    if (!Number.isInteger(minute) || minute < 0 || minute > last)
      throw new PreviewError(`The clock minute must be a whole number from 0 to ${last}.`);
    // A preview in the dosed phases starts as if the dose had been given on arrival.
    d.minute = minute;
    d.doseClock = 0;
    d.clock = minute;
  } else {
    // Before the dose the clock counts minutes since arrival, up to the pre-dose limit.
    const limit = lastClockMinute(d);
    if (!Number.isInteger(minute) || minute < 0 || minute > limit)
      throw new PreviewError(
        `Before the dose the clock counts minutes since arrival: a whole number from 0 to ${limit}.`,
      );
    d.clock = minute;
  }
  // Events and checks whose time has passed belong to the part of the session skipped.
  const passed = (atMinute: number, from: 'arrival' | 'dose' | undefined, window = 0) => {
    const at = arrivalMinuteOf(d, atMinute, from);
    return at !== null && at + window < d.clock;
  };
  d.fired = scenario.events
    .filter((e) => 'atMinute' in e.trigger && passed(e.trigger.atMinute, e.trigger.from))
    .map((e) => e.id);
  d.checks = Object.fromEntries(
    scenario.protocol.monitoring
      .filter((c) => passed(c.atMinute, c.from, c.windowMinutes))
      .map((c) => [c.id, 'missed' as const]),
  );

  d.status = 'running';
  d.phase = phase;
  d.history = AppendList.empty();
  d.activeAlarms = [];
  refreshVitals(d);
  presentStep(d, options.stepId);
  const deadline = expiryDue(d) === null ? null : stepDeadline(d);
  if (deadline !== null) {
    throw new PreviewError(
      `At minute ${d.clock} the step "${options.stepId}" has passed its deadline (minute ${deadline}): in a session it is withdrawn unanswered. Start the preview at minute ${deadline} or earlier.`,
    );
  }
  d.cues = [];
  return d;
}

/** A snapshot of a session started at `options.stepId`; play on with `step()` from session.ts. */
export function previewSnapshot(scenario: ScenarioV1, options: PreviewOptions): SessionSnapshot {
  const context = previewContext(scenario, options);
  return sessionMachine.resolveState({ value: stateValue(context), context } as Parameters<
    typeof sessionMachine.resolveState
  >[0]);
}
