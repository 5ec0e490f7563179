/**
 * viewSession: the one way hosts read a session. It turns a snapshot into plain data for the UI,
 * the CLI and tests; nothing else should read the context directly.
 */
import type { SnapshotFrom } from 'xstate';
import type { PhaseId, SignalKey } from '../format/schema.ts';
import type { SessionMachine } from './machine.ts';
import { nextEventClock, nextEventMinute } from './clock.ts';
import { stepWaitsUntil } from './steps.ts';
import { stepDeadline } from './deadlines.ts';
import { lastClockMinute } from './timing.ts';
import { effectNow, effectSiteSample, type DoseEvent } from './drug-course.ts';
import { isMonitoringDone } from './monitoring.ts';
import { feedbackOf, textOf } from './variants.ts';
import {
  hardStopDisplay,
  limitsInForce,
  monitorMarks,
  type HardStopDisplay,
  nibpDisplay,
  type AlarmLimits,
  type MonitorMark,
  type NibpDisplay,
  type NibpReading,
} from './nibp.ts';
import { crisisNotice, isCrisisOn, stepLineNow } from './crisis.ts';
import type { SessionContext } from './types.ts';
import { AppendList, type ReadonlyList } from './append-list.ts';
import { eventOptions, offeredOptions } from './offers.ts';
import type { Facts, Mode, Settings, Signals, TranscriptEntry, VitalsSample } from './types.ts';

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
  /**
   * The visit's clocks: minutes since arrival, and since the dose (null before it); `limit` is the
   * last arrival-clock minute the clock may reach now (the pre-dose limit before the dose, the end
   * of the session after it).
   */
  clock: { sinceArrival: number; sinceDose: number | null; limit: number };
  paused: boolean;
  /**
   * The step on screen; `until` is the last minute it can be answered (its deadline, on the clock
   * shown), when it is withdrawn unanswered after it (session/deadlines.ts).
   */
  step: {
    id: string;
    speaker: string;
    text: string;
    affect?: string;
    audio?: string;
    until?: number;
  } | null;
  /**
   * The minute the session waits for (a step's atMinute, or the end of the acute effects): minutes
   * since the dose once dosed, since arrival before.
   */
  waitingUntil: number | null;
  options: ViewOption[];
  openEvents: {
    id: string;
    text: string;
    affect?: string;
    deadline: number;
    options: ViewOption[];
  }[];
  /**
   * Every line so far, oldest first: a read-only list over the session's own (not a copy, so a
   * view costs the same however long the session has run; `toArray()` copies when one is needed).
   */
  transcript: ReadonlyList<TranscriptEntry>;
  /**
   * An emergency is on: an event waits for a response, or one was missed while this step was
   * shown (crisis.ts). The patient panel then shows the event's or the crisis variant's affect.
   */
  crisis: boolean;
  /**
   * What the patient panel shows above the step's own line while a crisis is on (crisis.ts), or
   * null: an open or missed event that postdates the step's text (`event`, `missed`), or an alarm
   * left unanswered past the protocol's response time (`alarm`; answered by a vitals check or any
   * action). The step's line is never replaced by it.
   */
  crisisNotice: {
    kind: 'event' | 'missed' | 'alarm';
    speaker: string;
    text: string;
    affect?: string;
  } | null;
  vitals: Signals;
  /**
   * One sample per minute since the dose, the current minute last (with the effect-site
   * concentration when there is a drug model); empty before the dose. Read-only, not a copy.
   */
  vitalsHistory: ReadonlyList<VitalsSample>;
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
    /** Set when the choice took the vitals for a scheduled check after its window: it earns nothing. */
    late?: string;
    /** The arrival-clock minute the choice was made (feedback read later is older than the clock). */
    clock: number;
  } | null;
  lastRefusal: { optionId: string; reason: string } | null;
  canRetry: boolean;
  /** The next minute since the dose something happens, for "advance to the next event"; null before the dose or when nothing is due. */
  nextEventMinute: number | null;
  /** Minutes from now until the next thing happens, on either side of the dose; null when nothing is due. */
  minutesToNextEvent: number | null;
  ending: { id: string; kind: string; title: string; text: string } | null;
  dosed: boolean;
  facts: Facts;
  /**
   * The drug model now (null without one): concentrations, sedation, whether an infusion runs,
   * and the doses given on the arrival clock, for a chart beside the vitals.
   */
  drug: {
    plasmaNgPerMl: number;
    effectSiteNgPerMl: number;
    sedation: number;
    infusionRunning: boolean;
    doses: readonly DoseEvent[];
  } | null;
  /** The scenario's variables now (flags and numbers). */
  variables: Record<string, boolean | number>;
  /**
   * The bedside monitor (nibp.ts): blood pressure only as the cuff last read it, the readings so
   * far, the alarm limits in force (the trainee's, else the protocol's) and the marks they raise
   * on the values shown. Times are on the arrival clock.
   */
  monitor: {
    nibp: NibpDisplay;
    /** Every reading so far, oldest first (read-only, not a copy). */
    readings: ReadonlyList<NibpReading>;
    limits: AlarmLimits;
    /** Whether the limits are the trainee's own (false: the protocol's). */
    ownLimits: boolean;
    marks: MonitorMark[];
    /** The protocol's hard stop (`thresholds.hardStop`; null without one) and whether the reading shown reaches it before the dose. */
    hardStop: HardStopDisplay | null;
  };
}

const NO_SAMPLES: ReadonlyList<VitalsSample> = AppendList.empty();

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
  const course = scenario.protocol.timeCourse;
  // Times shown to the trainee are on the dose clock once dosed, on the arrival clock before.
  const shown = (clock: number) => (c.doseClock === null ? clock : clock - c.doseClock);

  let waitingUntil: number | null = null;
  const waitsFor = waitingStep ? stepWaitsUntil(c) : null;
  if (waitsFor !== null) waitingUntil = shown(waitsFor);
  else if (snapshot.hasTag('awaitingRecovery') && !isMonitoringDone(c))
    waitingUntil = course ? course.offsetMinutes : nextEventMinute(c);

  const openEvents =
    c.status === 'running'
      ? c.open.map((o) => {
          const e = index.events.get(o.eventId)!;
          return {
            id: e.id,
            ...textOf(e, o.variant),
            deadline: shown(o.deadline),
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
      ...feedbackOf(o, c.lastFeedback.variant),
      ...(o.references ? { references: o.references } : {}),
      points: c.lastFeedback.lateFor ? {} : (o.points ?? {}),
      ...(o.critical ? { critical: o.critical.explanation } : {}),
      ...lateNote(c, c.lastFeedback.lateFor),
      clock: c.lastFeedback.clock,
    };
  }

  const ending = c.ending ? index.endings.get(c.ending) : undefined;
  return {
    status: c.status,
    phase: c.status === 'briefing' ? null : c.phase,
    mode: c.mode,
    minute: c.minute,
    clock: { sinceArrival: c.clock, sinceDose: c.minute, limit: lastClockMinute(c) },
    paused: c.paused,
    step: stepDef
      ? {
          id: stepDef.id,
          ...stepLineNow(c, stepDef),
          ...(stepDef.audio ? { audio: stepDef.audio } : {}),
          ...stepUntil(c, shown),
        }
      : null,
    waitingUntil,
    options: offeredOptions(c).map(viewOption),
    openEvents,
    transcript: c.transcript,
    crisis: isCrisisOn(c),
    crisisNotice: c.status === 'running' ? crisisNotice(c, stepDef) : null,
    vitals: c.vitals,
    vitalsHistory:
      c.minute === null
        ? NO_SAMPLES
        : c.history.plus({ minute: c.minute, ...c.vitals, ...effectSiteSample(c) }),
    alarms: c.activeAlarms,
    settings: c.settings,
    lastFeedback,
    lastRefusal: c.lastRefusal,
    canRetry: c.status === 'running' && c.mode === 'practice' && c.lastChoice !== null && !c.paused,
    nextEventMinute: c.status === 'running' ? nextEventMinute(c) : null,
    minutesToNextEvent: minutesToNext(c),
    ending: ending
      ? { id: ending.id, kind: ending.kind, title: ending.title, text: ending.text }
      : null,
    dosed: c.facts.dosed,
    drug: viewDrug(c),
    facts: c.facts,
    variables: c.vars,
    monitor: viewMonitor(c),
  };
}

/** The step's deadline on the clock shown, when it has one (session/deadlines.ts). */
function stepUntil(c: SessionContext, shown: (clock: number) => number): { until?: number } {
  const deadline = stepDeadline(c);
  return deadline === null ? {} : { until: shown(deadline) };
}

function viewMonitor(c: SessionContext): SessionView['monitor'] {
  const nibp = nibpDisplay(c.monitor, c.doseClock, c.clock);
  const limits = limitsInForce(c.monitor, c.index.scenario.protocol.thresholds.alarm);
  return {
    nibp,
    readings: c.monitor.readings,
    limits,
    ownLimits: c.monitor.limits !== null,
    marks: monitorMarks(c.vitals, nibp.last, limits),
    hardStop: hardStopDisplay(
      c.index.scenario.protocol.thresholds.hardStop,
      nibp.last,
      c.facts.dosed,
    ),
  };
}

function lateNote(c: SessionContext, checkId: string | undefined): { late?: string } {
  const check = checkId === undefined ? undefined : c.index.checks.get(checkId);
  if (!check) return {};
  return {
    late: `Too late for the scheduled check (${check.label.toLowerCase()}), due between minute ${check.atMinute} and ${check.atMinute + check.windowMinutes} since ${check.from === 'arrival' ? 'arrival' : 'the dose'}: it is counted missed, and this reading earns no points.`,
  };
}

function viewDrug(c: SessionContext): SessionView['drug'] {
  const effect = effectNow(c);
  if (!effect) return null;
  return {
    plasmaNgPerMl: effect.plasmaNgPerMl,
    effectSiteNgPerMl: effect.effectSiteNgPerMl,
    sedation: effect.sedation,
    infusionRunning: c.infusion?.running ?? false,
    doses: c.doseEvents.toArray(),
  };
}

function minutesToNext(c: SessionContext): number | null {
  if (c.status !== 'running') return null;
  const next = nextEventClock(c);
  return next === null ? null : next - c.clock;
}

export { nextEventMinute };
