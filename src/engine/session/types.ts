/**
 * Types shared by the session machine, its view, scoring and saves.
 */
import type {
  ActionName,
  EventState,
  PhaseId,
  ProtocolFact,
  ScenarioV1,
  SignalKey,
} from '../format/schema.ts';
import type { AppendList } from './append-list.ts';
import type { AppendSet } from './append-set.ts';
import type { DrugInput, DrugState } from '../drug/index.ts';
import type { ScenarioIndex } from './indexScenario.ts';

/** An IV infusion in progress: its rate, what is left to give, and whether it runs now. */
export interface InfusionState {
  mgPerMinute: number;
  remainingMg: number;
  running: boolean;
}

/** A dose given, for the view's time axis. */
export interface DoseEvent {
  /** Minutes since arrival. */
  clock: number;
  /** What was given, in words. */
  label: string;
}

export type Mode = 'practice' | 'assessment';
export type SettingName = 'music' | 'eyeshades' | 'lights';
export type Signals = Record<SignalKey, number>;
export type Settings = { music: 'off' | 'on'; eyeshades: 'off' | 'on'; lights: 'bright' | 'dim' };
export type Facts = Record<ProtocolFact, boolean>;

/** Everything a host (UI, test, CLI) may send to a session. */
export type SessionEvent =
  | { type: 'session.begin' }
  | { type: 'trainee.choose'; optionId: string }
  | { type: 'trainee.retry' }
  | { type: 'trainee.act'; action: 'checkVitals' }
  | { type: 'trainee.setting'; setting: SettingName; value: string }
  | ({ type: 'trainee.monitor' } & MonitorCommand)
  | { type: 'clock.advance'; minutes: number }
  | { type: 'session.pause' }
  | { type: 'session.resume' }
  | { type: 'session.leave' };

/** One line of the event log: what was sent, when (minutes since dose), and whether it counted. */
export interface LogEntry {
  event: SessionEvent;
  minute: number | null;
  accepted: boolean;
  reason?: string;
}

/** A decision met during the session, as the engine records it; scoring explains it. */
export interface DecisionRecord {
  kind: 'step' | 'event' | 'missedEvent' | 'check';
  phase: PhaseId | null;
  /** The step, event or monitoring-check id. */
  refId: string;
  /** The option chosen; null for a missed event, a check, or a step withdrawn unanswered. */
  optionId: string | null;
  /** For checks: whether the check was made in its window. */
  done?: boolean;
  /** The option's feedback variant that held when it was chosen (format 2). */
  feedbackVariant?: number;
  /**
   * The scheduled check this choice took the vitals for after the check's window had closed: the
   * check is already counted missed, so the choice earns nothing (one act is never both).
   */
  lateFor?: string;
  /**
   * For a step withdrawn unanswered: its written `expires` did not apply (its `when` did not
   * hold), so the default outcome (no points) was recorded.
   */
  defaultExpiry?: true;
  /** The option ids that were available (offered and not refused) when the decision was met. */
  available: string[];
  minute: number | null;
  /** The arrival-clock minute the decision was met (known before the dose too). */
  clock?: number;
}

/** An event waiting for a response; times are on the arrival clock. */
export interface OpenEvent {
  eventId: string;
  firedAt: number;
  deadline: number;
  /** The text variant shown when it fired (null: the plain text). */
  variant: number | null;
}

export interface AlarmRecord {
  signal: SignalKey;
  value: number;
  limit: number;
  direction: 'high' | 'low';
  raisedAt: number | null;
  /** The arrival-clock minute it was raised. */
  raisedClock?: number;
  /** Set once it went unanswered past `protocol.alarmResponseMinutes` (a crisis, crisis.ts). */
  overdue?: boolean;
  responded: boolean;
  respondedAt: number | null;
  /** The arrival-clock minute the trainee responded; null until then. */
  respondedClock?: number | null;
}

/** A signal outside the alarm limits now. */
export interface ActiveAlarm {
  signal: SignalKey;
  value: number;
  limit: number;
  direction: 'high' | 'low';
}

export type TranscriptSpeaker =
  'patient' | 'narrator' | 'prescriber' | 'companion' | 'trainee' | 'system';
export interface TranscriptEntry {
  minute: number | null;
  speaker: TranscriptSpeaker;
  text: string;
  affect?: string;
}

/**
 * One minute of the vitals history (minutes since the dose), with the drug model's effect-site
 * concentration (ng/mL) when the scenario has a model (a patient weight), for an optional trace.
 */
export type VitalsSample = { minute: number; effectSiteNgPerMl?: number } & Signals;

export type Cue = 'alarm' | 'event' | (string & {});

/**
 * What an earlier visit of a course hands to this one: variable values and protocol facts that
 * carry over (e.g. consent to touch and its terms), and the last vitals as this visit's baseline.
 */
export interface CarriedState {
  vars?: Record<string, boolean | number>;
  facts?: Partial<Facts>;
  baseline?: Partial<Signals>;
}

export interface SessionInput {
  scenario: import('../format/schema.ts').ScenarioV1;
  seed: number;
  mode: Mode;
  /** State carried from an earlier visit of a course. */
  carried?: CarriedState;
}

/** Where the session is, as the statechart's top-level states say it (an echo they write on entry). */
export type SessionStatus = 'briefing' | 'running' | 'debrief' | 'left';

/**
 * The values a session carries. Where the session is (briefing, a phase, paused, waiting for
 * recovery, over) is the machine's state; `status`, `phase` and `paused` are echoes written only by
 * the entry and exit actions of those states, so that the rules and the decision records can read
 * them and a practice retry can restore them.
 */
export interface SessionContext {
  /** The indexed scenario (serialises to its id only). */
  index: ScenarioIndex;
  seed: number;
  mode: Mode;
  /** Echo of the top-level state. */
  status: SessionStatus;
  /** Echo of the phase state. */
  phase: PhaseId | null;
  stepId: string | null;
  /** Whether the current step has been presented (its atMinute reached). */
  stepShown: boolean;
  /** The arrival-clock minute the current step was shown (for a step deadline counted from it). */
  stepShownAt?: number | null;
  /** The arrival-clock minute the current phase was entered (null before any, or in a preview). */
  phaseEnteredAt?: number | null;
  /** Minutes of an accepted `clock.advance` still to run after the machine takes an edge (0 at rest). */
  clockOwed?: number;
  /** The text variant the current step was presented with (null: the plain text). */
  stepVariant: number | null;
  /** Minutes since the dose; null before it (always `clock - doseClock` once dosed). */
  minute: number | null;
  /** Minutes since the patient arrived (0 when the visit begins); the clock every time is kept on. */
  clock: number;
  /** The arrival-clock minute of the first dose; null before it. */
  doseClock: number | null;
  /** After `delayDose`: the arrival-clock minute from which a vitals recheck lifts the delay; null when none is pending. */
  recheckFrom: number | null;
  /**
   * After `delayDose`: the arrival-clock minute the rest it asked for ends (the minute it was
   * chosen plus its `recheckAfterMinutes`), kept after the recheck is made: the zero of a step's
   * `from: "recheck"` clock (timing.ts). Null before any `delayDose`; the last one counts.
   */
  restEndsAt: number | null;
  /** The arrival-clock minute of a vitals check made while a recheck was pending but before its rest ended; null when none. */
  earlyRecheckAt: number | null;
  /** The last blood pressure measured before the dose (for the protocol's hard stop). */
  predoseBp: { systolic: number; diastolic: number } | null;
  /** The drug model's state at `clock` (null when the patient has no weight: no model). */
  drug: DrugState | null;
  /** The IV infusion given, if any: its rate, what is left, whether it runs now. */
  infusion: InfusionState | null;
  /** Drug inputs scheduled for later minutes (further intranasal devices). */
  pendingDrug: DrugInput[];
  /** Doses given, for the time axis. */
  doseEvents: AppendList<DoseEvent>;
  /** Boosters given after the first dose. */
  boostersGiven: number;
  /** What an earlier visit of a course carried into this one (saved with the attempt). */
  carried: CarriedState | null;
  /** Echo of the paused state. */
  paused: boolean;
  vars: Record<string, boolean | number>;
  facts: Facts;
  settings: Settings;
  /** Sum of all vitals effects applied so far. */
  offsets: Partial<Signals>;
  vitals: Signals;
  /** One sample per simulated minute after dosing, for the minutes before the current one. */
  history: AppendList<VitalsSample>;
  /** The bedside monitor: the cuff's interval and readings, the trainee's alarm limits (nibp.ts). */
  monitor: MonitorState;
  /** Every alarm raised so far, with when the trainee responded. */
  alarms: AlarmRecord[];
  /** The alarms sounding now. */
  activeAlarms: ActiveAlarm[];
  fired: string[];
  open: OpenEvent[];
  /** What became of each event that fired: open, answered, missed, or fired (no response asked). */
  eventStates: Record<string, EventState>;
  /**
   * The event that opened or was missed while the current step was on screen, so the step's text
   * predates it (null when none, or once the next step is presented); see crisis.ts.
   */
  stepCrisis: string | null;
  /** Scheduled monitoring checks already settled (made on time or missed). */
  checks: Record<string, 'done' | 'missed'>;
  decisions: AppendList<DecisionRecord>;
  /** Steps whose first choice is already recorded (later visits are not scored). */
  scoredSteps: AppendSet;
  retried: Record<string, string[]>;
  transcript: AppendList<TranscriptEntry>;
  log: AppendList<LogEntry>;
  /** The context before the last accepted choice (practice-mode retry restores it). */
  lastChoice: { before: SessionContext; optionId: string; refId: string } | null;
  /** The last choice's feedback; `clock`: the arrival-clock minute the choice was made. */
  lastFeedback: {
    optionId: string;
    variant: number | null;
    lateFor?: string;
    clock: number;
  } | null;
  lastRefusal: { optionId: string; reason: string } | null;
  ending: string | null;
  /** Cues to play for the event being processed. */
  cues: Cue[];
}

export type { ActionName, EventState, PhaseId, ProtocolFact, SignalKey };

// The bedside monitor's state (its rules are in nibp.ts).

/** The format's limits on vital signs (the protocol's alarm limits have this shape). */
export type AlarmLimits = ScenarioV1['protocol']['thresholds']['alarm'];

/** One NIBP reading: the arrival-clock minute it was read and the pressures, mmHg. */
export interface NibpReading {
  clock: number;
  systolic: number;
  diastolic: number;
  /** `trainee`: the trainee measured (a vitals check); `auto`: the automatic cycle; `option`: a scenario option's check. */
  source: 'trainee' | 'auto' | 'option';
}

/** The monitor's state in a session (saved with the attempt by its events). */
export interface MonitorState {
  /** The automatic NIBP interval in minutes; null: manual only. */
  intervalMinutes: number | null;
  /** The arrival-clock minute the trainee chose the interval (null: the scenario's default, from the dose). */
  intervalChosenAt: number | null;
  /** Every reading so far, oldest first. */
  readings: AppendList<NibpReading>;
  /** The trainee's alarm limits; null: the protocol's (`protocol.thresholds.alarm`). */
  limits: AlarmLimits | null;
}

/** What a host sends to set the monitor (`trainee.monitor`). */
export type MonitorCommand =
  | { setting: 'nibpInterval'; minutes: number | null }
  | { setting: 'alarmLimits'; limits: AlarmLimits };
