/**
 * The protocol gates and the one refusal function. `refusal(ctx, event)` says why an event is
 * refused now, or null when it is accepted; the machine's single `isAllowed` guard and every
 * message shown to the trainee come from it, so a guard and its reason cannot drift apart.
 */
import { SETTING_VALUES, type PhaseId, type ScenarioV1 } from '../format/schema.ts';
import { evaluateCondition } from './conditions.ts';
import { conditionEnv } from './context.ts';
import { doseProblem, doseProblemAsWritten } from './drug-course.ts';
import { visitKind } from './phases.ts';
import type { OptionDef } from './indexScenario.ts';
import { isOpenEventOption, offeredOptions } from './offers.ts';
import { monitorCommandProblem } from './nibp.ts';
import { heldBackByCrisis } from './crisis.ts';
import { lastClockMinute } from './timing.ts';
import { outsideLimits } from './vitals.ts';
import { atOrAboveHardStop } from './nibp.ts';
import { measuredBp } from './measured-bp.ts';
import type { SessionContext, SessionEvent } from './types.ts';

/**
 * Why the dose cannot be given now, or null when every pre-dose criterion is met. A reading at or
 * above the protocol's hard stop refuses the dose on its own: the reason says no dose today and
 * names nothing that would unlock it (no documented decision does).
 */
export function doseRefusal(ctx: SessionContext): string | null {
  if (ctx.facts.dosed) return 'The dose has already been given.';
  const stop = ctx.index.scenario.protocol.thresholds.hardStop;
  // Before the dose every reading is a vitals check, so the last reading is the pre-dose one.
  const bp = measuredBp(ctx);
  if (stop && bp && atOrAboveHardStop(bp, stop)) {
    return `No dose today: the pre-dose blood pressure of ${bp.systolic}/${bp.diastolic} mmHg is at or above the protocol's hard stop of ${stop.systolic}/${stop.diastolic} mmHg, which no documented decision overrides.`;
  }
  const missing: string[] = [];
  const recheck = recheckRefusal(ctx);
  if (recheck) missing.push(recheck);
  if (!ctx.facts.consentRecorded) missing.push('consent has not been recorded');
  if (!ctx.facts.screeningComplete) missing.push('screening is not complete');
  if (!ctx.facts.bpChecked) missing.push('blood pressure has not been checked before dosing');
  else if (!ctx.facts.bpWithinThreshold && !ctx.facts.bpDecisionDocumented) {
    const t = ctx.index.scenario.protocol.thresholds.predose;
    missing.push(
      `the pre-dose blood pressure${bp ? ` of ${bp.systolic}/${bp.diastolic} mmHg` : ''} is above ${t.systolicMax}/${t.diastolicMax} mmHg and no decision has been documented`,
    );
  }
  if (missing.length === 0) return null;
  return `Cannot give the dose: ${missing.join('; ')}.`;
}

/**
 * The delayDose recheck rule's reason (monitoring.ts lifts the delay): the rest has not ended, or
 * no reading has been taken since it ended; a reading taken during the rest is named as too early.
 */
function recheckRefusal(ctx: SessionContext): string | null {
  const due = ctx.recheckFrom;
  if (due === null) return null;
  const early =
    ctx.earlyRecheckAt === null
      ? ''
      : `; the reading at minute ${ctx.earlyRecheckAt} came before the rest ended, so it is not the recheck`;
  return ctx.clock < due
    ? `the dose was delayed for a recheck after rest; the recheck is due at minute ${due} since arrival (now ${ctx.clock})${early}`
    : ctx.earlyRecheckAt === null
      ? 'the dose was delayed for a recheck of the vitals, which has not been made'
      : `the dose was delayed for a recheck after rest, which ended at minute ${due} since arrival${early}; no reading has been taken since`;
}

/**
 * Why the patient cannot be discharged now, or null. Blood pressure is judged and quoted as
 * measured (`measuredBp`): the reading `option` takes when it takes one, else the last cuff
 * reading; heart rate, SpO2 and respiratory rate are continuous and judged as the monitor shows them.
 */
export function dischargeRefusal(ctx: SessionContext, option?: OptionDef): string | null {
  if (!ctx.facts.dosed) return null;
  const rule = ctx.index.scenario.protocol.discharge;
  const missing: string[] = [];
  const minute = ctx.minute ?? 0;
  if (minute < rule.minObservationMinutes) {
    missing.push(
      `observation has lasted ${minute} of the required ${rule.minObservationMinutes} minutes`,
    );
  }
  const bp = measuredBp(ctx, option);
  const bpLimited = BP_LIMIT_KEYS.some((k) => rule.limits[k] !== undefined);
  if (bpLimited && bp === null) missing.push('no blood pressure reading has been taken');
  const judged = bp
    ? { ...ctx.vitals, systolic: bp.systolic, diastolic: bp.diastolic }
    : ctx.vitals;
  for (const a of outsideLimits(judged, rule.limits)) {
    if (bp === null && (a.signal === 'systolic' || a.signal === 'diastolic')) continue;
    const which =
      bp && (a.signal === 'systolic' || a.signal === 'diastolic')
        ? bp.takenNow
          ? ' on the reading just taken'
          : ` on the last cuff reading (minute ${bp.clock} since arrival)`
        : '';
    missing.push(
      `${a.signal} is ${a.value}${which}, ${a.direction === 'high' ? 'above' : 'below'} the discharge limit of ${a.limit}`,
    );
  }
  if (rule.dissociationMax !== undefined && ctx.vitals.dissociation > rule.dissociationMax) {
    missing.push(`dissociation is ${ctx.vitals.dissociation}, above ${rule.dissociationMax}`);
  }
  if (rule.requireTransport && !ctx.facts.transportArranged)
    missing.push('no escort or transport has been arranged');
  if (missing.length === 0) return null;
  return `Cannot discharge yet: ${missing.join('; ')}.`;
}

/** The discharge limits that concern blood pressure (known only from cuff readings). */
const BP_LIMIT_KEYS = ['systolicMax', 'diastolicMax'] as const;

/** Why an option that ends its phase cannot be taken now, or null. */
export function endPhaseRefusal(ctx: SessionContext, option: OptionDef): string | null {
  if (!option.endsPhase) return null;
  if (ctx.phase === 'administration' && !ctx.facts.dosed && option.action !== 'administerDose') {
    return 'The administration phase cannot end before the dose has been given; to defer dosing, choose an ending instead.';
  }
  if (ctx.phase && !ctx.index.nextPhase(ctx.phase))
    return 'There is no phase after this one; the session ends through an ending.';
  return null;
}

/** Why a booster cannot be given now, or null. */
export function boosterRefusal(ctx: SessionContext): string | null {
  const rule = ctx.index.scenario.protocol.boosters;
  if (!ctx.facts.dosed || ctx.minute === null)
    return 'A booster follows the first dose, which has not been given.';
  if (!rule) return 'The protocol allows no booster.';
  if (ctx.boostersGiven >= rule.maxCount)
    return `The protocol allows ${rule.maxCount} booster${rule.maxCount === 1 ? '' : 's'}, already given.`;
  if (ctx.minute < rule.earliestMinute)
    return `A booster may be given from minute ${rule.earliestMinute} after the first dose (now ${ctx.minute}).`;
  return null;
}

/** Why the visit cannot end now (one of the visit's end gates holds), or null. */
export function endRefusal(ctx: SessionContext): string | null {
  const gates = ctx.index.scenario.visit?.endGates ?? [];
  const env = conditionEnv(ctx);
  const held = gates.filter((g) => evaluateCondition(g.when, env)).map((g) => g.reason);
  return held.length === 0 ? null : `The visit cannot end yet: ${held.join(' ')}`;
}

/** The names of the session's gates, as analyses name them. */
export type GateId =
  'no-drug' | 'end' | 'dose-as-written' | 'booster' | 'dose' | 'discharge' | 'phase-end';

/** Each gate's name and what it holds to, as analyses print them (the rules: docs/session-rules.md). */
export const GATE_TITLES: Readonly<Record<GateId, { name: string; holds: string }>> = {
  'no-drug': { name: 'no-drug gate', holds: 'no drug in this kind of visit' },
  end: { name: 'end gate', holds: 'the visit cannot end while an end gate holds' },
  'dose-as-written': { name: 'dose-model gate', holds: 'a dose the drug model cannot give' },
  booster: { name: 'booster gate', holds: "after the dose, within the protocol's boosters" },
  dose: {
    name: 'dose gate',
    holds: 'hard stop, consent, screening, a pre-dose reading, the recheck after a delay',
  },
  discharge: { name: 'discharge gate', holds: 'the discharge criteria' },
  'phase-end': {
    name: 'phase-end gate',
    holds: 'administration ends only after the dose; no phase after the last',
  },
};

/** Where an option is chosen: its scenario and phase (null for an event's response, any phase). */
export interface OptionPlaceOf {
  scenario: ScenarioV1;
  phase: PhaseId | null;
  /** The phase after `phase` in this visit, or null (the last phase, or an event's response). */
  nextPhase: PhaseId | null;
}

/**
 * A gate: which options the session asks it about (`asks`, from the file alone), and why it
 * refuses one now (`refusal`, from the session's state). An option no gate asks about is never
 * refused by a gate; one a gate asks about may be, depending on the state (a reading, a fact).
 */
interface Gate {
  id: GateId;
  asks(option: OptionDef, at: OptionPlaceOf): boolean;
  refusal(ctx: SessionContext, option: OptionDef): string | null;
}

/** The gates, in the order `gateRefusal` asks them (the first refusal is the one given). */
const GATES: readonly Gate[] = [
  {
    id: 'no-drug',
    asks: (o, at) =>
      visitKind(at.scenario) !== 'dosing' &&
      (o.action === 'administerDose' || o.action === 'giveBooster'),
    refusal: (ctx) =>
      `This is ${visitKind(ctx.index.scenario) === 'preparation' ? 'a preparation' : 'an integration'} visit: no drug is given.`,
  },
  {
    id: 'end',
    asks: (o, at) => o.ending !== undefined && (at.scenario.visit?.endGates?.length ?? 0) > 0,
    refusal: (ctx) => endRefusal(ctx),
  },
  {
    id: 'dose-as-written',
    asks: (o, at) => o.dose !== undefined && doseProblemAsWritten(at.scenario, o.dose) !== null,
    refusal: (ctx, o) => doseProblem(ctx, o.dose),
  },
  { id: 'booster', asks: (o) => o.action === 'giveBooster', refusal: (ctx) => boosterRefusal(ctx) },
  { id: 'dose', asks: (o) => o.action === 'administerDose', refusal: (ctx) => doseRefusal(ctx) },
  {
    id: 'discharge',
    asks: (o) => o.action === 'discharge',
    refusal: (ctx, o) => dischargeRefusal(ctx, o),
  },
  {
    id: 'phase-end',
    asks: (o, at) =>
      o.endsPhase === true &&
      ((at.phase === 'administration' && o.action !== 'administerDose') ||
        (at.phase !== null && at.nextPhase === null)),
    refusal: (ctx, o) => endPhaseRefusal(ctx, o),
  },
];

/**
 * The gates the session asks about `option` chosen at `at`, in order: [] when no gate can refuse
 * it. The one table behind `gateRefusal`, so an analysis of the file asks the session's own rule.
 */
export function gatesOf(option: OptionDef, at: OptionPlaceOf): GateId[] {
  return GATES.filter((g) => g.asks(option, at)).map((g) => g.id);
}

/** The gate that applies to an option's clinical action and to where it leads, if any. */
export function gateRefusal(ctx: SessionContext, option: OptionDef): string | null {
  const at: OptionPlaceOf = {
    scenario: ctx.index.scenario,
    phase: ctx.phase,
    nextPhase: ctx.phase ? ctx.index.nextPhase(ctx.phase) : null,
  };
  for (const gate of GATES) {
    if (!gate.asks(option, at)) continue;
    const r = gate.refusal(ctx, option);
    if (r) return r;
  }
  return null;
}

/** Why choosing `optionId` is refused now, or null when it is allowed. */
export function choiceRefusal(ctx: SessionContext, optionId: string): string | null {
  if (ctx.status !== 'running') return 'The session is not running.';
  if (ctx.paused) return 'The session is paused.';
  const place = ctx.index.options.get(optionId);
  if (!place) return `There is no option "${optionId}" in this scenario.`;
  if (place.stepId !== undefined) {
    if (place.stepId !== ctx.stepId) return 'That option is not offered at this step.';
    const step = ctx.index.steps.get(place.stepId)!.step;
    if (!ctx.stepShown)
      return `This step comes at minute ${step.atMinute}; let time pass until then.`;
  } else if (!isOpenEventOption(ctx, optionId)) {
    return 'That response is not open now.';
  }
  if (!evaluateCondition(place.option.when, conditionEnv(ctx)))
    return 'That option is not offered now.';
  if (heldBackByCrisis(ctx, place.option))
    return 'That option is not offered now: the patient is not calm.';
  return gateRefusal(ctx, place.option);
}

/** The options available at a decision: offered and not refused. */
export function availableNow(ctx: SessionContext): string[] {
  return offeredOptions(ctx)
    .filter((o) => gateRefusal(ctx, o) === null)
    .map((o) => o.id);
}

/** Refusals shared by the events a trainee sends while the session runs. */
function runningRefusal(ctx: SessionContext): string | null {
  if (ctx.status !== 'running') return 'The session is not running.';
  if (ctx.paused) return 'The session is paused.';
  return null;
}

/**
 * Why `event` is refused now, or null when it is accepted: the one refusal function behind every
 * guard of the machine and every refusal message.
 */
export function refusal(ctx: SessionContext, event: SessionEvent): string | null {
  switch (event.type) {
    case 'trainee.choose':
      return choiceRefusal(ctx, event.optionId);
    case 'session.begin':
      return ctx.status === 'briefing' ? null : 'The session has already begun.';
    case 'session.leave':
      return null;
    case 'session.pause':
      if (ctx.status !== 'running') return 'The session is not running.';
      return ctx.paused ? 'The session is already paused.' : null;
    case 'session.resume':
      return ctx.paused ? null : 'The session is not paused.';
    case 'trainee.retry':
      if (ctx.mode !== 'practice') return 'Choices cannot be retried in assessment mode.';
      if (ctx.paused) return 'The session is paused.';
      return ctx.lastChoice ? null : 'Only the choice just made can be retried.';
    case 'trainee.act':
      return (
        runningRefusal(ctx) ??
        (event.action === 'checkVitals' ? null : `Unknown action "${String(event.action)}".`)
      );
    case 'trainee.monitor':
      return runningRefusal(ctx) ?? monitorCommandProblem(event);
    case 'trainee.setting': {
      const r = runningRefusal(ctx);
      if (r) return r;
      const values = (SETTING_VALUES as Record<string, readonly string[]>)[event.setting];
      if (!values) return `Unknown setting "${String(event.setting)}".`;
      return values.includes(event.value)
        ? null
        : `The ${event.setting} setting takes ${values.join(' or ')}.`;
    }
    case 'clock.advance': {
      const r = runningRefusal(ctx);
      if (r) return r;
      if (!Number.isInteger(event.minutes) || event.minutes < 1)
        return 'The clock advances by a whole number of minutes, at least 1.';
      if (ctx.clock >= lastClockMinute(ctx))
        return ctx.doseClock === null
          ? `The visit has reached its last minute before a dose (minute ${ctx.clock} since arrival).`
          : 'The session has reached its last minute.';
      return null;
    }
    default:
      return 'Unknown event.';
  }
}
