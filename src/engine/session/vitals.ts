/**
 * The signal model: vitals and patient state at a minute after dosing, and the alarms they raise.
 * Pure functions of the scenario, the minute, the effects so far and the attempt's seed.
 */
import { SIGNAL_KEYS, STATE_KEYS, type ScenarioV1, type SignalKey } from '../format/schema.ts';
import type { DrugEffect } from '../drug/index.ts';
import { hashInts, mulberry32 } from './prng.ts';
import type { Signals } from './types.ts';

type TimeCourse = NonNullable<ScenarioV1['protocol']['timeCourse']>;
type Keyframe = ScenarioV1['trajectory'][number];
type Limits = ScenarioV1['protocol']['thresholds']['alarm'];

/** 0 before onset, rising linearly to 1 at peak, falling linearly to 0 at offset. */
export function intensity(t: number, course: TimeCourse): number {
  const { onsetMinutes: on, peakMinutes: peak, offsetMinutes: off } = course;
  if (t < on) return 0;
  if (t < peak) return (t - on) / (peak - on);
  if (t >= off) return 0;
  if (t <= peak) return 1;
  return (off - t) / (off - peak);
}

/** The trajectory offset of one signal at minute t: linear between keyframes that set it. */
export function trajectoryAt(t: number, keyframes: readonly Keyframe[], key: SignalKey): number {
  let prev: Keyframe | undefined;
  for (const k of keyframes) {
    if (k[key] === undefined) continue;
    if (k.minute >= t) {
      if (k.minute === t || !prev) return k.minute === t ? k[key]! : 0;
      const a = prev[key]!;
      const b = k[key]!;
      return a + ((b - a) * (t - prev.minute)) / (k.minute - prev.minute);
    }
    prev = k;
  }
  return prev ? prev[key]! : 0;
}

const NOISE: Partial<Record<SignalKey, number>> = { systolic: 2, diastolic: 1, heartRate: 2 };

/** Deterministic noise for a minute: whole numbers within ±2 systolic, ±1 diastolic, ±2 heart rate. */
export function noiseAt(seed: number, minute: number): Partial<Signals> {
  const next = mulberry32(hashInts(seed, minute));
  const out: Partial<Signals> = {};
  for (const key of ['systolic', 'diastolic', 'heartRate'] as const) {
    const span = NOISE[key]!;
    out[key] = Math.floor(next() * (2 * span + 1)) - span;
  }
  return out;
}

const STATE = new Set<SignalKey>(STATE_KEYS);

function clamp(key: SignalKey, value: number): number {
  const v = Math.round(value);
  if (STATE.has(key)) return Math.min(10, Math.max(0, v));
  if (key === 'spo2') return Math.min(100, Math.max(0, v));
  return Math.max(0, v);
}

/**
 * Every signal at `minute` after dosing (null: before dosing — baseline plus effects, no noise),
 * `clock` minutes after arrival. Keyframes on the dose clock count after dosing; keyframes on the
 * arrival clock (`from: "arrival"`) count on either side of the dose. Sorted keyframes are assumed
 * (the caller sorts them once).
 */
export function signalsAt(
  scenario: ScenarioV1,
  keyframes: readonly Keyframe[],
  minute: number | null,
  offsets: Partial<Signals>,
  seed: number,
  clock = 0,
  drug?: DrugEffect,
): Signals {
  const base = scenario.patient.baseline;
  const course = scenario.protocol.timeCourse;
  const level = minute === null || !course ? 0 : intensity(minute, course);
  const noise = minute === null ? {} : noiseAt(seed, minute);
  const split = splitKeyframes(keyframes);
  const out = {} as Signals;
  for (const key of SIGNAL_KEYS) {
    let v = base[key] + (offsets[key] ?? 0) + (noise[key] ?? 0);
    if (minute !== null)
      v += (course?.peakEffect?.[key] ?? 0) * level + trajectoryAt(minute, split.dose, key);
    if (drug) v += drugDelta(drug, key);
    if (split.arrival.length > 0) v += trajectoryAt(clock, split.arrival, key);
    out[key] = clamp(key, v);
  }
  return out;
}

/** The drug model's change to one signal (the model has no effect on anxiety or rapport). */
function drugDelta(e: DrugEffect, key: SignalKey): number {
  switch (key) {
    case 'systolic':
      return e.systolicDelta;
    case 'diastolic':
      return e.diastolicDelta;
    case 'heartRate':
      return e.heartRateDelta;
    case 'spo2':
      return e.spo2Delta;
    case 'respiratoryRate':
      return e.respiratoryRateDelta;
    case 'dissociation':
      return e.dissociation;
    case 'nausea':
      return e.nauseaDelta;
    default:
      return 0;
  }
}

const splits = new WeakMap<readonly Keyframe[], { dose: Keyframe[]; arrival: Keyframe[] }>();

/** The keyframes on each clock (computed once per keyframe list). */
function splitKeyframes(keyframes: readonly Keyframe[]) {
  let split = splits.get(keyframes);
  if (!split) {
    split = {
      dose: keyframes.filter((k) => k.from !== 'arrival'),
      arrival: keyframes.filter((k) => k.from === 'arrival'),
    };
    splits.set(keyframes, split);
  }
  return split;
}

export interface AlarmState {
  signal: SignalKey;
  value: number;
  limit: number;
  direction: 'high' | 'low';
}

const LIMIT_KEYS: [keyof Limits, SignalKey, 'high' | 'low'][] = [
  ['systolicMax', 'systolic', 'high'],
  ['diastolicMax', 'diastolic', 'high'],
  ['heartRateMax', 'heartRate', 'high'],
  ['heartRateMin', 'heartRate', 'low'],
  ['spo2Min', 'spo2', 'low'],
  ['respiratoryRateMin', 'respiratoryRate', 'low'],
  ['respiratoryRateMax', 'respiratoryRate', 'high'],
];

/** Signals outside the limits (alarm or discharge limits), in a fixed order. */
export function outsideLimits(signals: Signals, limits: Limits): AlarmState[] {
  const out: AlarmState[] = [];
  for (const [limitKey, signal, direction] of LIMIT_KEYS) {
    const limit = limits[limitKey];
    if (limit === undefined) continue;
    const value = signals[signal];
    if (direction === 'high' ? value > limit : value < limit)
      out.push({ signal, value, limit, direction });
  }
  return out;
}

/** What an alarm is about, in words (for the transcript and the patient panel). */
const ALARM_SIGNAL_WORDS: Partial<Record<SignalKey, string>> = {
  systolic: 'systolic blood pressure',
  diastolic: 'diastolic blood pressure',
  heartRate: 'heart rate',
  spo2: 'SpO2',
  respiratoryRate: 'respiratory rate',
};

/** An alarm in words: "systolic blood pressure 172, above the alarm limit of 160". */
export function alarmWords(a: AlarmState): string {
  const what = ALARM_SIGNAL_WORDS[a.signal] ?? a.signal;
  return `${what} ${a.value}, ${a.direction === 'high' ? 'above' : 'below'} the alarm limit of ${a.limit}`;
}
