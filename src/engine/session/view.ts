/**
 * viewSession: the one way hosts read a session. It turns a snapshot into plain data for the UI,
 * the CLI and tests; nothing else should read the context directly.
 */
import type { SnapshotFrom } from 'xstate';
import type { PhaseId, SignalKey } from '../format/schema.ts';
import type { SessionMachine } from './machine.ts';
import { conditionEnv, eventOptions, isMonitoringDone, offeredOptions } from './rules.ts';
import { evaluateCondition } from './conditions.ts';
import { outsideLimits, signalsAt } from './vitals.ts';
import type { Facts, Mode, Settings, Signals, TranscriptEntry, VitalsSample } from './types.ts';
import { own } from '../format/own.ts';

export interface ViewOption {
  id: string;
  kind: 'response' | 'action';
  action?: string;
  text: string;
}

export interface SessionView {
  status: 'briefing' | 'running' | 'debrief' | 'left';
  phase: PhaseId | null;
  mode: Mode;
  /** Minutes since dosing; null before the dose. */
  minute: number | null;
  paused: boolean;
  step: { id: string; speaker: string; text: string; affect?: string; audio?: string } | null;
  /** The minute the session waits for (a step's atMinute, or the end of the acute effects). */
  waitingUntil: number | null;
  options: ViewOption[];
  openEvents: {
    id: string;
    text: string;
    affect?: string;
    deadline: number;
    options: ViewOption[];
  }[];
  transcript: TranscriptEntry[];
  vitals: Signals;
  vitalsHistory: VitalsSample[];
  alarms: { signal: SignalKey; value: number; limit: number; direction: 'high' | 'low' }[];
  settings: Settings;
  lastFeedback: {
    optionId: string;
    text: string;
    feedback?: string;
    rationale?: string;
    references?: string[];
    points: Record<string, number>;
    critical?: string;
  } | null;
  lastRefusal: { optionId: string; reason: string } | null;
  canRetry: boolean;
  /** The next minute something happens, for "advance to the next event"; null when nothing is due. */
  nextEventMinute: number | null;
  ending: { id: string; kind: string; title: string; text: string } | null;
  dosed: boolean;
  facts: Facts;
  /** The scenario's variables now (flags and numbers). */
  variables: Record<string, boolean | number>;
}

function viewOption(o: {
  id: string;
  kind: 'response' | 'action';
  action?: string;
  text: string;
}): ViewOption {
  return o.action
    ? { id: o.id, kind: o.kind, action: o.action, text: o.text }
    : { id: o.id, kind: o.kind, text: o.text };
}

export function viewSession(snapshot: SnapshotFrom<SessionMachine>): SessionView {
  const c = snapshot.context;
  const index = c.index;
  const scenario = index.scenario;
  const stepDef =
    c.stepId && c.stepShown && c.status === 'running' ? index.steps.get(c.stepId)?.step : undefined;
  const waitingStep =
    c.stepId && !c.stepShown && c.status === 'running'
      ? index.steps.get(c.stepId)?.step
      : undefined;
  const offset = scenario.protocol.timeCourse.offsetMinutes;

  let waitingUntil: number | null = null;
  if (waitingStep?.atMinute !== undefined) waitingUntil = waitingStep.atMinute;
  else if (c.status === 'running' && c.therapyDone && (c.minute ?? 0) < offset)
    waitingUntil = offset;

  const openEvents =
    c.status === 'running'
      ? c.open.map((o) => {
          const e = index.events.get(o.eventId)!;
          return {
            id: e.id,
            text: e.text,
            ...(e.affect ? { affect: e.affect } : {}),
            deadline: o.deadline,
            options: eventOptions(c, e).map(viewOption),
          };
        })
      : [];

  let lastFeedback: SessionView['lastFeedback'] = null;
  if (c.lastFeedback) {
    const o = index.options.get(c.lastFeedback.optionId)!.option;
    lastFeedback = {
      optionId: o.id,
      text: o.text,
      ...(o.feedback ? { feedback: o.feedback } : {}),
      ...(o.rationale ? { rationale: o.rationale } : {}),
      ...(o.references ? { references: o.references } : {}),
      points: o.points ?? {},
      ...(o.critical ? { critical: o.critical.explanation } : {}),
    };
  }

  const ending = c.ending ? index.endings.get(c.ending) : undefined;
  return {
    status: c.status,
    phase: c.status === 'running' ? c.phase : c.status === 'briefing' ? null : c.phase,
    mode: c.mode,
    minute: c.minute,
    paused: c.paused,
    step: stepDef
      ? {
          id: stepDef.id,
          speaker: stepDef.speaker,
          text: stepDef.text,
          ...(stepDef.affect ? { affect: stepDef.affect } : {}),
          ...(stepDef.audio ? { audio: stepDef.audio } : {}),
        }
      : null,
    waitingUntil,
    options: offeredOptions(c).map(viewOption),
    openEvents,
    transcript: c.transcript,
    vitals: c.vitals,
    vitalsHistory: c.history,
    alarms: c.activeAlarms,
    settings: c.settings,
    lastFeedback,
    lastRefusal: c.lastRefusal,
    canRetry: c.status === 'running' && c.mode === 'practice' && c.lastChoice !== null && !c.paused,
    nextEventMinute: c.status === 'running' ? nextEventMinute(c) : null,
    ending: ending
      ? { id: ending.id, kind: ending.kind, title: ending.title, text: ending.text }
      : null,
    dosed: c.facts.dosed,
    facts: c.facts,
    variables: c.vars,
  };
}

/** The next minute after now at which something is due: an event, a step, a check, a deadline, recovery. */
export function nextEventMinute(c: SnapshotFrom<SessionMachine>['context']): number | null {
  if (c.minute === null) return null;
  const now = c.minute;
  const scenario = c.index.scenario;
  const last = scenario.protocol.sessionMinutes;
  let best = Infinity;
  const consider = (m: number) => {
    const whole = Math.ceil(m);
    if (whole > now && whole < best) best = whole;
  };
  const fired = new Set(c.fired);
  for (const e of c.index.events.values())
    if (!fired.has(e.id) && 'atMinute' in e.trigger) consider(e.trigger.atMinute);
  if (c.stepId && !c.stepShown) consider(c.index.steps.get(c.stepId)?.step.atMinute ?? 0);
  for (const check of c.index.checks.values())
    if (!own(c.checks, check.id)) consider(check.atMinute);
  for (const o of c.open) consider(o.deadline + 1);
  if (!isMonitoringDone(c)) consider(scenario.protocol.timeCourse.offsetMinutes);
  if (c.facts.dosed) consider(scenario.protocol.discharge.minObservationMinutes);
  const until = Math.min(best, last);
  const crossing = nextCrossingMinute(c, until);
  if (crossing !== null) return crossing;
  return best === Infinity ? null : until;
}

/**
 * The first minute before `until` at which a threshold event would fire or a new alarm would sound.
 * Nothing changes the vitals' offsets between now and `until` without the trainee, so the
 * vitals model predicts it exactly.
 */
function nextCrossingMinute(
  c: SnapshotFrom<SessionMachine>['context'],
  until: number,
): number | null {
  if (c.minute === null) return null;
  const scenario = c.index.scenario;
  const fired = new Set(c.fired);
  const watched = [...c.index.events.values()].filter(
    (e) => !fired.has(e.id) && !('atMinute' in e.trigger),
  );
  const sounding = new Set(c.activeAlarms.map((a) => `${a.signal}:${a.direction}`));
  for (let m = c.minute + 1; m < until; m++) {
    const vitals = signalsAt(scenario, c.index.keyframes, m, c.offsets, c.seed);
    const alarm = outsideLimits(vitals, scenario.protocol.thresholds.alarm).some(
      (a) => !sounding.has(`${a.signal}:${a.direction}`),
    );
    if (alarm) return m;
    const env = { ...conditionEnv(c), vitals, minute: m };
    for (const e of watched) {
      const t = e.trigger as { vital: SignalKey; above?: number; below?: number };
      const v = vitals[t.vital];
      const due = (t.above !== undefined && v > t.above) || (t.below !== undefined && v < t.below);
      if (due && evaluateCondition(e.when, env)) return m;
    }
  }
  return null;
}
