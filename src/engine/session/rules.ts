/**
 * The session rules as pure functions over the context: what is offered, what is refused and why,
 * and what a choice, an action or a minute of simulated time changes. The machine's guards and
 * actions call these; nothing here knows about XState.
 */
import { PROTOCOL_FACTS, SETTING_VALUES, type PhaseId } from '../format/schema.ts';
import { evaluateCondition, type ConditionEnv } from './conditions.ts';
import { indexScenario, type EventDef, type OptionDef } from './indexScenario.ts';
import { outsideLimits, signalsAt } from './vitals.ts';
import type {
  DecisionRecord,
  Facts,
  SessionContext,
  SessionEvent,
  SessionInput,
  Signals,
  TranscriptEntry,
} from './types.ts';
import { own } from '../format/own.ts';

const THERAPY: readonly PhaseId[] = ['monitoring', 'guidedConversation'];

export function initialContext(input: SessionInput): SessionContext {
  const index = indexScenario(input.scenario);
  const vars: Record<string, boolean | number> = {};
  for (const v of input.scenario.variables) vars[v.id] = v.initial;
  const facts = Object.fromEntries(PROTOCOL_FACTS.map((f) => [f, false])) as Facts;
  const ctx: SessionContext = {
    index,
    seed: input.seed >>> 0,
    mode: input.mode,
    status: 'briefing',
    phase: null,
    stepId: null,
    stepShown: false,
    therapyDone: false,
    minute: null,
    paused: false,
    vars,
    facts,
    settings: { music: 'off', eyeshades: 'off', lights: 'bright' },
    offsets: {},
    vitals: { ...input.scenario.patient.baseline },
    history: [],
    alarms: [],
    activeAlarms: [],
    fired: [],
    open: [],
    checks: {},
    decisions: [],
    scoredSteps: {},
    retried: {},
    transcript: [],
    log: [],
    lastChoice: null,
    lastFeedback: null,
    lastRefusal: null,
    ending: null,
    cues: [],
  };
  refreshVitals(ctx);
  return ctx;
}

export function conditionEnv(ctx: SessionContext): ConditionEnv {
  return {
    vars: ctx.vars,
    vitals: ctx.vitals,
    minute: ctx.minute,
    facts: ctx.facts,
    settings: ctx.settings,
  };
}

// ---------------------------------------------------------------- what is offered

/** The options of the current step whose `when` holds (empty while the step waits). */
export function offeredOptions(ctx: SessionContext): OptionDef[] {
  if (ctx.status !== 'running' || !ctx.stepId || !ctx.stepShown || ctx.therapyDone) return [];
  const step = ctx.index.steps.get(ctx.stepId)?.step;
  if (!step) return [];
  const env = conditionEnv(ctx);
  return step.options.filter((o) => evaluateCondition(o.when, env));
}

/** The options of an open event whose `when` holds. */
export function eventOptions(ctx: SessionContext, event: EventDef): OptionDef[] {
  const env = conditionEnv(ctx);
  return (event.respond?.options ?? []).filter((o) => evaluateCondition(o.when, env));
}

export function isStepOption(ctx: SessionContext, optionId: string): boolean {
  const place = ctx.index.options.get(optionId);
  return place?.stepId !== undefined && place.stepId === ctx.stepId;
}

export function isOpenEventOption(ctx: SessionContext, optionId: string): boolean {
  const place = ctx.index.options.get(optionId);
  return place?.eventId !== undefined && ctx.open.some((o) => o.eventId === place.eventId);
}

/** Offered now: at the current, presented step or at an open event, and its `when` holds. */
export function isOptionOffered(ctx: SessionContext, optionId: string): boolean {
  const place = ctx.index.options.get(optionId);
  if (!place) return false;
  if (place.stepId !== undefined) return offeredOptions(ctx).some((o) => o.id === optionId);
  const event = place.eventId ? ctx.index.events.get(place.eventId) : undefined;
  return (
    !!event &&
    isOpenEventOption(ctx, optionId) &&
    evaluateCondition(place.option.when, conditionEnv(ctx))
  );
}

// ---------------------------------------------------------------- protocol gates

function fmtBp(v: Signals): string {
  return `${v.systolic}/${v.diastolic} mmHg`;
}

/** Why the dose cannot be given now, or null when every pre-dose criterion is met. */
export function doseRefusal(ctx: SessionContext): string | null {
  if (ctx.facts.dosed) return 'The dose has already been given.';
  const missing: string[] = [];
  if (!ctx.facts.consentRecorded) missing.push('consent has not been recorded');
  if (!ctx.facts.screeningComplete) missing.push('screening is not complete');
  if (!ctx.facts.bpChecked) missing.push('blood pressure has not been checked before dosing');
  else if (!ctx.facts.bpWithinThreshold && !ctx.facts.bpDecisionDocumented) {
    const t = ctx.index.scenario.protocol.thresholds.predose;
    missing.push(
      `the pre-dose blood pressure is above ${t.systolicMax}/${t.diastolicMax} mmHg and no decision has been documented`,
    );
  }
  if (missing.length === 0) return null;
  return `Cannot give the dose: ${missing.join('; ')}.`;
}

/** Why the patient cannot be discharged now, or null. */
export function dischargeRefusal(ctx: SessionContext): string | null {
  if (!ctx.facts.dosed) return null;
  const rule = ctx.index.scenario.protocol.discharge;
  const missing: string[] = [];
  const minute = ctx.minute ?? 0;
  if (minute < rule.minObservationMinutes) {
    missing.push(
      `observation has lasted ${minute} of the required ${rule.minObservationMinutes} minutes`,
    );
  }
  for (const a of outsideLimits(ctx.vitals, rule.limits)) {
    missing.push(
      `${a.signal} is ${a.value}, ${a.direction === 'high' ? 'above' : 'below'} the discharge limit of ${a.limit}`,
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

/** The gate that applies to an option's action, if any. */
export function gateRefusal(ctx: SessionContext, option: OptionDef): string | null {
  if (option.action === 'administerDose') {
    const r = doseRefusal(ctx);
    if (r) return r;
  }
  if (option.action === 'discharge') {
    const r = dischargeRefusal(ctx);
    if (r) return r;
  }
  return endPhaseRefusal(ctx, option);
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
    if (ctx.therapyDone) return 'That option is not offered now.';
  } else if (!isOpenEventOption(ctx, optionId)) {
    return 'That response is not open now.';
  }
  if (!evaluateCondition(place.option.when, conditionEnv(ctx)))
    return 'That option is not offered now.';
  return gateRefusal(ctx, place.option);
}

/** Why a non-choice event is refused now, or null when it is accepted. */
export function eventRefusal(ctx: SessionContext, event: SessionEvent): string | null {
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
      if (ctx.status !== 'running') return 'The session is not running.';
      if (ctx.paused) return 'The session is paused.';
      return event.action === 'checkVitals' ? null : `Unknown action "${String(event.action)}".`;
    case 'trainee.setting': {
      if (ctx.status !== 'running') return 'The session is not running.';
      if (ctx.paused) return 'The session is paused.';
      const values = (SETTING_VALUES as Record<string, readonly string[]>)[event.setting];
      if (!values) return `Unknown setting "${String(event.setting)}".`;
      return values.includes(event.value)
        ? null
        : `The ${event.setting} setting takes ${values.join(' or ')}.`;
    }
    case 'clock.advance': {
      if (ctx.status !== 'running') return 'The session is not running.';
      if (ctx.paused) return 'The session is paused.';
      if (ctx.minute === null) return 'The clock starts when the dose is given.';
      if (!Number.isInteger(event.minutes) || event.minutes < 1)
        return 'The clock advances by a whole number of minutes, at least 1.';
      if (ctx.minute >= ctx.index.scenario.protocol.sessionMinutes)
        return 'The session has reached its last minute.';
      return null;
    }
    default:
      return 'Unknown event.';
  }
}

// ---------------------------------------------------------------- changes (on a draft copy)

function say(d: SessionContext, entry: Omit<TranscriptEntry, 'minute'>): void {
  d.transcript = [...d.transcript, { minute: d.minute, ...entry }];
}

/** Recomputes the signals now, the vitals history at this minute, and the alarms. */
export function refreshVitals(d: SessionContext): void {
  const scenario = d.index.scenario;
  d.vitals = signalsAt(scenario, d.index.keyframes, d.minute, d.offsets, d.seed);
  if (d.minute !== null) {
    const sample = { minute: d.minute, ...d.vitals };
    const last = d.history[d.history.length - 1];
    d.history =
      last && last.minute === d.minute
        ? [...d.history.slice(0, -1), sample]
        : [...d.history, sample];
  }
  const now = outsideLimits(d.vitals, scenario.protocol.thresholds.alarm);
  const key = (a: { signal: string; direction: string }) => `${a.signal}:${a.direction}`;
  const before = new Set(d.activeAlarms.map(key));
  const raised = now.filter((a) => !before.has(key(a)));
  if (raised.length > 0) {
    d.alarms = [
      ...d.alarms,
      ...raised.map((a) => ({ ...a, raisedAt: d.minute, responded: false, respondedAt: null })),
    ];
    d.cues = [...d.cues, 'alarm'];
  }
  d.activeAlarms = now;
}

function respondToAlarms(d: SessionContext): void {
  if (!d.alarms.some((a) => !a.responded)) return;
  d.alarms = d.alarms.map((a) =>
    a.responded ? a : { ...a, responded: true, respondedAt: d.minute },
  );
}

/** Records a scheduled monitoring check as made on time or missed: a scored decision. */
function settleCheck(d: SessionContext, checkId: string, outcome: 'done' | 'missed'): void {
  d.checks = { ...d.checks, [checkId]: outcome };
  d.decisions = [
    ...d.decisions,
    {
      kind: 'check',
      phase: d.phase,
      refId: checkId,
      optionId: null,
      done: outcome === 'done',
      available: [],
      minute: d.minute,
    },
  ];
}

/** A vitals measurement: pre-dose it checks the blood pressure; after dosing it counts for due checks. */
export function checkVitals(d: SessionContext): void {
  const v = d.vitals;
  say(d, {
    speaker: 'system',
    text: `Vitals: BP ${fmtBp(v)}, heart rate ${v.heartRate}/min, SpO2 ${v.spo2}%, respiratory rate ${v.respiratoryRate}/min.`,
  });
  if (!d.facts.dosed) {
    const t = d.index.scenario.protocol.thresholds.predose;
    d.facts = {
      ...d.facts,
      bpChecked: true,
      bpWithinThreshold: v.systolic <= t.systolicMax && v.diastolic <= t.diastolicMax,
    };
  } else if (d.minute !== null) {
    const m = d.minute;
    for (const check of d.index.checks.values()) {
      if (own(d.checks, check.id) || m < check.atMinute || m > check.atMinute + check.windowMinutes)
        continue;
      settleCheck(d, check.id, 'done');
    }
  }
  respondToAlarms(d);
}

export function changeSetting(
  d: SessionContext,
  setting: keyof SessionContext['settings'],
  value: string,
): void {
  d.settings = { ...d.settings, [setting]: value } as SessionContext['settings'];
  say(d, { speaker: 'system', text: `${setting[0]!.toUpperCase()}${setting.slice(1)}: ${value}.` });
}

const ACTION_FACT: Partial<Record<NonNullable<OptionDef['action']>, keyof Facts>> = {
  recordConsent: 'consentRecorded',
  completeScreening: 'screeningComplete',
  documentBpDecision: 'bpDecisionDocumented',
  delayDose: 'doseDelayed',
  arrangeTransport: 'transportArranged',
  callPrescriber: 'prescriberCalled',
  callEmergency: 'emergencyCalled',
  pauseAdministration: 'administrationPaused',
  stopAdministration: 'administrationStopped',
};

/** Applies an option's effects, then its clinical action. */
export function applyOptionEffects(d: SessionContext, option: OptionDef): void {
  applyEffects(d, option.effects);
  const action = option.action;
  if (action) {
    const fact = ACTION_FACT[action];
    if (fact) d.facts = { ...d.facts, [fact]: true };
    if (action === 'checkVitals') checkVitals(d);
    if (action === 'administerDose') giveDose(d);
  }
  if (option.kind === 'action') respondToAlarms(d);
}

type Effects = NonNullable<OptionDef['effects']>;

export function applyEffects(d: SessionContext, effects: Effects | undefined): void {
  if (!effects) return;
  if (effects.set || effects.add) {
    const vars = { ...d.vars, ...effects.set };
    for (const [k, n] of Object.entries(effects.add ?? {})) {
      const before = own(vars, k);
      vars[k] = (typeof before === 'number' ? before : 0) + n;
    }
    d.vars = vars;
  }
  if (effects.setting) {
    for (const [k, v] of Object.entries(effects.setting))
      changeSetting(d, k as keyof SessionContext['settings'], v);
  }
  if (effects.vitals) addVitals(d, effects.vitals);
}

function addVitals(d: SessionContext, deltas: Partial<Signals>): void {
  const offsets = { ...d.offsets };
  for (const [k, n] of Object.entries(deltas))
    offsets[k as keyof Signals] = (offsets[k as keyof Signals] ?? 0) + (n ?? 0);
  d.offsets = offsets;
  refreshVitals(d);
}

function giveDose(d: SessionContext): void {
  d.facts = { ...d.facts, dosed: true };
  d.minute = 0;
  say(d, { speaker: 'system', text: 'Dose given. The clock starts: minute 0.' });
  processMinute(d);
}

/** Makes `stepId` the current step; it is presented now unless it waits for its minute. */
export function presentStep(d: SessionContext, stepId: string): void {
  d.stepId = stepId;
  const step = d.index.steps.get(stepId)?.step;
  // atMinute applies after dosing, in the phases that follow it (the clock is not running before).
  const timed = d.phase !== 'preparation' && d.phase !== 'administration';
  const waits =
    timed && step?.atMinute !== undefined && d.facts.dosed && (d.minute ?? 0) < step.atMinute;
  d.stepShown = !waits;
  if (step && !waits) showStep(d);
}

function showStep(d: SessionContext): void {
  const step = d.index.steps.get(d.stepId!)!.step;
  d.stepShown = true;
  say(d, {
    speaker: step.speaker,
    text: step.text,
    ...(step.affect ? { affect: step.affect } : {}),
  });
  if (step.audio) d.cues = [...d.cues, step.audio];
}

export function enterPhase(d: SessionContext, phase: PhaseId): void {
  d.phase = phase;
  d.therapyDone = false;
  presentStep(d, d.index.phases.get(phase)!.start);
}

/** After an option with endsPhase: the next phase starts (or the therapy region finishes). */
export function enterNextPhase(d: SessionContext): void {
  const next = d.phase ? d.index.nextPhase(d.phase) : null;
  if (!next) return;
  if (d.phase && THERAPY.includes(d.phase) && !THERAPY.includes(next)) {
    d.therapyDone = true;
    d.stepId = null;
    d.stepShown = false;
    return;
  }
  enterPhase(d, next);
}

export function isTherapyPhase(phase: PhaseId | null): boolean {
  return phase !== null && THERAPY.includes(phase);
}

/** The monitoring region is done: acute effects over and no response open. */
export function isMonitoringDone(ctx: SessionContext): boolean {
  return (
    ctx.minute !== null &&
    ctx.minute >= ctx.index.scenario.protocol.timeCourse.offsetMinutes &&
    ctx.open.length === 0
  );
}

export function endSession(d: SessionContext, endingId: string): void {
  d.ending = endingId;
  d.status = 'debrief';
  d.stepShown = false;
  const ending = d.index.endings.get(endingId);
  if (ending) say(d, { speaker: 'system', text: `${ending.title}. ${ending.text}` });
}

/** The options available at a decision: offered and not refused. */
export function availableNow(ctx: SessionContext): string[] {
  return offeredOptions(ctx)
    .filter((o) => gateRefusal(ctx, o) === null)
    .map((o) => o.id);
}

/** Records a step choice (scored on the first visit of the step only) before its effects apply. */
export function recordStepChoice(d: SessionContext, option: OptionDef): void {
  const stepId = d.stepId!;
  if (!own(d.scoredSteps, stepId)) {
    const decision: DecisionRecord = {
      kind: 'step',
      phase: d.phase,
      refId: stepId,
      optionId: option.id,
      available: availableNow(d),
      minute: d.minute,
    };
    d.decisions = [...d.decisions, decision];
    d.scoredSteps = { ...d.scoredSteps, [stepId]: true };
  }
  say(d, { speaker: 'trainee', text: option.text });
  d.lastFeedback = { optionId: option.id };
}

export function recordEventChoice(d: SessionContext, option: OptionDef): void {
  const eventId = d.index.options.get(option.id)!.eventId!;
  const event = d.index.events.get(eventId)!;
  d.decisions = [
    ...d.decisions,
    {
      kind: 'event',
      phase: d.phase,
      refId: eventId,
      optionId: option.id,
      available: eventOptions(d, event).map((o) => o.id),
      minute: d.minute,
    },
  ];
  d.open = d.open.filter((o) => o.eventId !== eventId);
  say(d, { speaker: 'trainee', text: option.text });
  d.lastFeedback = { optionId: option.id };
}

/** After a step option: go to its next step (the phase and ending cases are handled by the machine). */
export function followNext(d: SessionContext, option: OptionDef): void {
  if (option.next) presentStep(d, option.next);
}

// ---------------------------------------------------------------- simulated time

function fire(d: SessionContext, event: EventDef): void {
  d.fired = [...d.fired, event.id];
  say(d, {
    speaker: event.speaker ?? 'narrator',
    text: event.text,
    ...(event.affect ? { affect: event.affect } : {}),
  });
  d.cues = [...d.cues, event.alarm ? 'alarm' : 'event'];
  if (event.audio) d.cues = [...d.cues, event.audio];
  if (event.respond && d.minute !== null) {
    d.open = [
      ...d.open,
      { eventId: event.id, firedAt: d.minute, deadline: d.minute + event.respond.withinMinutes },
    ];
  }
  if (event.vitals) addVitals(d, event.vitals);
}

function miss(d: SessionContext, eventId: string): void {
  const event = d.index.events.get(eventId)!;
  const missed = event.respond!.missed;
  d.decisions = [
    ...d.decisions,
    {
      kind: 'missedEvent',
      phase: d.phase,
      refId: eventId,
      optionId: null,
      available: eventOptions(d, event).map((o) => o.id),
      minute: d.minute,
    },
  ];
  d.open = d.open.filter((o) => o.eventId !== eventId);
  say(d, { speaker: 'system', text: missed.text });
  applyEffects(d, missed.effects);
}

/** Everything that happens at the current minute after dosing. */
export function processMinute(d: SessionContext): void {
  const m = d.minute!;
  const scenario = d.index.scenario;
  refreshVitals(d);
  if (d.stepId && !d.stepShown && d.status === 'running' && !d.therapyDone) {
    const at = d.index.steps.get(d.stepId)?.step.atMinute ?? 0;
    if (m >= at) showStep(d);
  }
  const fired = new Set(d.fired);
  const env = () => conditionEnv(d);
  for (const event of d.index.events.values()) {
    if (fired.has(event.id)) continue;
    const t = event.trigger;
    let due: boolean;
    if ('atMinute' in t) due = t.atMinute <= m;
    else {
      const v = d.vitals[t.vital];
      due = (t.above !== undefined && v > t.above) || (t.below !== undefined && v < t.below);
    }
    if (due && evaluateCondition(event.when, env())) fire(d, event);
    else if ('atMinute' in t && due) d.fired = [...d.fired, event.id]; // its minute passed with `when` false
  }
  // The clock never passes the last minute, so responses still open then count as missed.
  const last = m >= scenario.protocol.sessionMinutes;
  for (const open of d.open) if (open.deadline < m || last) miss(d, open.eventId);
  for (const check of d.index.checks.values()) {
    if (own(d.checks, check.id) || m <= check.atMinute + check.windowMinutes) continue;
    settleCheck(d, check.id, 'missed');
  }
}

/** Advances the clock minute by minute, never past the session's last minute. */
export function advanceClock(d: SessionContext, minutes: number): void {
  const end = Math.min((d.minute ?? 0) + minutes, d.index.scenario.protocol.sessionMinutes);
  while (d.minute !== null && d.minute < end && d.status === 'running') {
    d.minute += 1;
    processMinute(d);
  }
}
