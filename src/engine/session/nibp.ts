/**
 * The bedside monitor's rules: when a non-invasive blood pressure (NIBP) reading exists and what
 * it shows, the cuff's automatic cycle, and the alarm limits the trainee sets.
 *
 * Heart rate, SpO2 and respiratory rate are continuous (a pulse oximeter and a respiration lead);
 * blood pressure is known only from a cuff cycle. A cycle takes NIBP_CYCLE_MINUTES and reads the
 * modelled pressure at its end; between cycles the monitor holds the last reading. Cycles run:
 *
 * - when the trainee measures (`trainee.act` checkVitals: the "Check vitals" button, key V): the
 *   clock runs one cycle and the reading is the trainee's vitals check (it counts as the protocol's
 *   check, as before);
 * - automatically, every `intervalMinutes` after the dose (from the dose, or from the minute the
 *   trainee chose the interval if later): readings only, not documented checks;
 * - when a scenario option checks the vitals (its reading is recorded as it is taken).
 *
 * Everything here is pure: state in, new state out.
 */
import type { ScenarioV1 } from '../format/schema.ts';
import type { AlarmLimits, MonitorCommand, MonitorState, NibpReading, Signals } from './types.ts';
import { outsideLimits } from './vitals.ts';
import { AppendList } from './append-list.ts';

type Protocol = ScenarioV1['protocol'];
export type { AlarmLimits, MonitorCommand, MonitorState, NibpReading };

/**
 * How long a cuff cycle takes, in simulated minutes. An oscillometric cuff deflates at about
 * 2–3 mmHg/s (Liu et al. 2014, "Oscillometric waveform difference between cuff inflation and
 * deflation during blood pressure measurement"), so a sweep from about 180 to 40 mmHg takes
 * roughly 45–70 s; with inflation, about a minute. The clock's step is one minute.
 */
export const NIBP_CYCLE_MINUTES = 1;

/**
 * The automatic intervals offered, in minutes (null: manual only). Real monitors offer these and
 * more: Philips IntelliVue "Auto" 1–120 minutes (M8102A instructions for use, "Monitoring NBP");
 * Spacelabs 1–10 minutes by 1, 10–60 by 5, factory default 15 minutes with automatic mode off at
 * power-on (Spacelabs NIBP module user's manual, "Setting Automatic Measurements").
 */
export const NIBP_INTERVALS: readonly (number | null)[] = [null, 3, 5, 10, 15, 30, 60];

/**
 * The protocol's check interval, as the automatic cycle's default: the shortest gap between its
 * scheduled checks on the dose clock, taken down to the longest interval offered that is no
 * longer (so a reading exists at each scheduled check); null (manual) with fewer than two checks.
 * Example: checks at 15, 30, 45, 60 minutes → 15; at 40 and 110 → 60.
 */
export function protocolNibpInterval(protocol: Pick<Protocol, 'monitoring'>): number | null {
  const minutes = protocol.monitoring
    .filter((c) => (c.from ?? 'dose') === 'dose')
    .map((c) => c.atMinute)
    .sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < minutes.length; i++)
    if (minutes[i]! > minutes[i - 1]!) gap = Math.min(gap, minutes[i]! - minutes[i - 1]!);
  if (gap === Infinity) return null;
  let best: number | null = null;
  for (const m of NIBP_INTERVALS)
    if (m !== null && m <= gap && (best === null || m > best)) best = m;
  return best;
}

/** The monitor at the start of a session: the protocol's interval, the protocol's limits, no reading. */
export function initialMonitor(protocol: Pick<Protocol, 'monitoring'>): MonitorState {
  return {
    intervalMinutes: protocolNibpInterval(protocol),
    intervalChosenAt: null,
    readings: AppendList.empty(),
    limits: null,
  };
}

/**
 * Whether an automatic cycle starts at arrival-clock minute `clock`: there is an interval, the
 * dose has been given (`doseClock`), and `clock` is a whole number of intervals after the later of
 * the dose and the minute the interval was chosen (the first cycle starts at that minute).
 */
export function autoCycleStarts(
  monitor: MonitorState,
  doseClock: number | null,
  clock: number,
): boolean {
  const every = monitor.intervalMinutes;
  if (every === null || doseClock === null) return false;
  const from = Math.max(doseClock, monitor.intervalChosenAt ?? doseClock);
  return clock >= from && (clock - from) % every === 0;
}

/**
 * The monitor at minute `clock` (called once per minute as the clock runs): the automatic cycle
 * that started NIBP_CYCLE_MINUTES ago has run its time and reads `bp` (the modelled pressure
 * now). Returns the new state and the reading taken, if any.
 */
export function stepNibp(
  monitor: MonitorState,
  doseClock: number | null,
  clock: number,
  bp: { systolic: number; diastolic: number },
): { monitor: MonitorState; reading: NibpReading | null } {
  if (!autoCycleStarts(monitor, doseClock, clock - NIBP_CYCLE_MINUTES))
    return { monitor, reading: null };
  const reading: NibpReading = {
    clock,
    systolic: bp.systolic,
    diastolic: bp.diastolic,
    source: 'auto',
  };
  return { monitor: addReading(monitor, reading), reading };
}

/**
 * The signals a monitor alarm compares with its limits: heart rate, SpO2 and respiratory rate as
 * the continuous signals are now (`vitals`); blood pressure only as the cuff last read it (`last`,
 * held between readings), none before the first reading. So a blood-pressure alarm is raised at
 * the minute of a reading outside the limits and sounds until a reading inside them; the modelled
 * pressure between readings never raises one. Returns the signals outside `limits`, in
 * `outsideLimits`'s order. The one rule for the session's alarms and their prediction (clock.ts).
 */
export function monitorAlarms(
  vitals: Signals,
  last: Pick<NibpReading, 'systolic' | 'diastolic'> | null,
  limits: Parameters<typeof outsideLimits>[1],
): ReturnType<typeof outsideLimits> {
  const shown = last ? { ...vitals, systolic: last.systolic, diastolic: last.diastolic } : vitals;
  return outsideLimits(shown, limits).filter(
    (a) => last !== null || (a.signal !== 'systolic' && a.signal !== 'diastolic'),
  );
}

/** Adds a reading taken now (the trainee's check, a scenario option's, or the automatic cycle's). */
export function addReading(monitor: MonitorState, reading: NibpReading): MonitorState {
  return { ...monitor, readings: monitor.readings.append(reading) };
}

/** What the monitor shows for blood pressure at arrival-clock minute `clock`. */
export interface NibpDisplay {
  /** The last reading (held between cycles); null: none taken yet. */
  last: NibpReading | null;
  /** Minutes since the last reading. */
  ageMinutes: number | null;
  /** An automatic cycle is running (it started this minute): the minute its reading comes; null when none is. */
  readingAt: number | null;
  /** The next automatic cycle's start (arrival clock); null in manual mode or before the dose. */
  nextCycleAt: number | null;
  intervalMinutes: number | null;
}

/**
 * The blood pressure the monitor shows: the last reading, never the modelled value between
 * readings. `doseClock` is the arrival-clock minute of the dose (null before it).
 */
export function nibpDisplay(
  monitor: MonitorState,
  doseClock: number | null,
  clock: number,
): NibpDisplay {
  const last = monitor.readings.at(-1) ?? null;
  let nextCycleAt: number | null = null;
  if (monitor.intervalMinutes !== null && doseClock !== null) {
    const every = monitor.intervalMinutes;
    const from = Math.max(doseClock, monitor.intervalChosenAt ?? doseClock);
    nextCycleAt = clock < from ? from : from + (Math.floor((clock - from) / every) + 1) * every;
  }
  return {
    last,
    ageMinutes: last ? clock - last.clock : null,
    readingAt: autoCycleStarts(monitor, doseClock, clock) ? clock + NIBP_CYCLE_MINUTES : null,
    nextCycleAt,
    intervalMinutes: monitor.intervalMinutes,
  };
}

/** The limits in force: the trainee's, or the protocol's until the trainee sets their own. */
export function limitsInForce(monitor: MonitorState, protocolAlarm: AlarmLimits): AlarmLimits {
  return monitor.limits ?? protocolAlarm;
}

/** The alarm-limit fields the trainee can set, in the order a form shows them. */
export const LIMIT_FIELDS = [
  'heartRateMax',
  'heartRateMin',
  'spo2Min',
  'respiratoryRateMin',
  'respiratoryRateMax',
  'systolicMax',
  'diastolicMax',
] as const satisfies readonly (keyof AlarmLimits)[];
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** The range each limit may take (a monitor's settable range, wide enough for any protocol). */
const LIMIT_RANGE: Record<LimitField, [number, number]> = {
  heartRateMax: [30, 250],
  heartRateMin: [20, 200],
  spo2Min: [50, 100],
  respiratoryRateMin: [2, 60],
  respiratoryRateMax: [4, 80],
  systolicMax: [60, 300],
  diastolicMax: [30, 200],
};

/**
 * The problems with a set of alarm limits, by field (empty: none): a value that is not a number
 * or lies outside the field's range, or a low limit at or above the high limit of the same
 * signal. `values` are the form's raw entries; an empty entry switches that limit off.
 */
export function alarmLimitProblems(
  values: Partial<Record<LimitField, string | number | null | undefined>>,
): Partial<Record<LimitField, string>> {
  const problems: Partial<Record<LimitField, string>> = {};
  const parsed: Partial<Record<LimitField, number>> = {};
  for (const field of LIMIT_FIELDS) {
    const raw = values[field];
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    const [min, max] = LIMIT_RANGE[field];
    if (!Number.isFinite(n)) problems[field] = 'Enter a number (or leave it empty for no limit).';
    else if (n < min || n > max) problems[field] = `Enter a number from ${min} to ${max}.`;
    else parsed[field] = n;
  }
  const pair = (low: LimitField, high: LimitField) => {
    const lo = parsed[low];
    const hi = parsed[high];
    if (lo !== undefined && hi !== undefined && lo >= hi && !problems[low])
      problems[low] = `The low limit must be below the high limit (${hi}).`;
  };
  pair('heartRateMin', 'heartRateMax');
  pair('respiratoryRateMin', 'respiratoryRateMax');
  return problems;
}

/** The limits a form's entries stand for (call only when alarmLimitProblems finds none). */
export function parseAlarmLimits(
  values: Partial<Record<LimitField, string | number | null | undefined>>,
): AlarmLimits {
  const out: AlarmLimits = {};
  for (const field of LIMIT_FIELDS) {
    const raw = values[field];
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    out[field] = Number(raw);
  }
  return out;
}

/** Why a monitor command is refused, or null when it is allowed. */
export function monitorCommandProblem(command: MonitorCommand): string | null {
  if (command.setting === 'nibpInterval')
    return NIBP_INTERVALS.includes(command.minutes)
      ? null
      : `The cuff interval is manual or one of ${NIBP_INTERVALS.filter((m) => m !== null).join(', ')} minutes.`;
  if (command.setting === 'alarmLimits') {
    const limits = command.limits as unknown;
    if (typeof limits !== 'object' || limits === null || Array.isArray(limits))
      return 'The alarm limits must be an object.';
    const unknown = Object.keys(limits).find(
      (k) => !(LIMIT_FIELDS as readonly string[]).includes(k),
    );
    if (unknown) return `Unknown alarm limit "${unknown.slice(0, 40)}".`;
    const problems = alarmLimitProblems(limits as Record<LimitField, number>);
    const first = LIMIT_FIELDS.find((f) => problems[f]);
    return first ? `${first}: ${problems[first]}` : null;
  }
  return 'Unknown monitor setting.';
}

/** Applies an allowed monitor command at arrival-clock minute `clock`. */
export function applyMonitorCommand(
  monitor: MonitorState,
  command: MonitorCommand,
  clock: number,
): MonitorState {
  if (command.setting === 'nibpInterval')
    return { ...monitor, intervalMinutes: command.minutes, intervalChosenAt: clock };
  return { ...monitor, limits: { ...command.limits } };
}

/** A mark on the monitor: a shown value outside the limits in force. */
export interface MonitorMark {
  signal: 'heartRate' | 'spo2' | 'respiratoryRate' | 'systolic' | 'diastolic';
  value: number;
  limit: number;
  direction: 'high' | 'low';
}

/**
 * The monitor's alarm marks: the continuous signals now (`vitals`) and the last blood-pressure
 * reading (none before the first) against the limits in force. The modelled blood pressure
 * between readings never raises a mark.
 */
export function monitorMarks(
  vitals: Signals,
  last: NibpReading | null,
  limits: AlarmLimits,
): MonitorMark[] {
  const shown: Signals = {
    ...vitals,
    systolic: last ? last.systolic : NaN,
    diastolic: last ? last.diastolic : NaN,
  };
  return outsideLimits(shown, limits).filter(
    (m): m is MonitorMark => !Number.isNaN(m.value) && m.signal in MARKED,
  );
}

const MARKED = { heartRate: 1, spo2: 1, respiratoryRate: 1, systolic: 1, diastolic: 1 };

/** A blood pressure in mmHg. */
type Bp = { systolic: number; diastolic: number };

/**
 * The values of a blood pressure at or above the protocol's hard stop (`thresholds.hardStop`, e.g.
 * 180/110 mmHg), in the order systolic, diastolic; empty when neither is.
 */
export function hardStopSignals(bp: Bp, stop: Bp): ('systolic' | 'diastolic')[] {
  const at: ('systolic' | 'diastolic')[] = [];
  if (bp.systolic >= stop.systolic) at.push('systolic');
  if (bp.diastolic >= stop.diastolic) at.push('diastolic');
  return at;
}

/**
 * Whether a blood pressure is at or above the protocol's hard stop: at or above either value. The
 * dose gate (gates.ts) refuses the dose on it, and the monitor marks it; this is the rule's one
 * place.
 */
export function atOrAboveHardStop(bp: Bp, stop: Bp): boolean {
  return hardStopSignals(bp, stop).length > 0;
}

/** The protocol's hard stop as the monitor shows it. */
export interface HardStopDisplay {
  /** The hard stop, mmHg (`protocol.thresholds.hardStop`). */
  systolic: number;
  diastolic: number;
  /**
   * Before the dose: the values of the last cuff reading at or above it (then no dose today,
   * gates.ts); empty when none is, and always after the dose.
   */
  reached: ('systolic' | 'diastolic')[];
}

/**
 * The hard stop on the monitor: the protocol's values (null when the protocol has none) and which
 * values of the reading shown (`last`, the last cuff reading) reach it before the dose (`dosed`
 * false). After the dose the line stays, but nothing is gated on it.
 */
export function hardStopDisplay(
  stop: Bp | undefined,
  last: Bp | null,
  dosed: boolean,
): HardStopDisplay | null {
  if (!stop) return null;
  return {
    systolic: stop.systolic,
    diastolic: stop.diastolic,
    reached: !dosed && last !== null ? hardStopSignals(last, stop) : [],
  };
}
