/**
 * What the player keeps in localStorage: the attempt in progress per scenario, the last result
 * per scenario, and the sound preferences. Every read survives missing or damaged values.
 *
 * A write the browser refuses (storage full, say, when other content on the same site filled it)
 * is kept in memory for this tab, so later reads still see it and the attempt can still be
 * recorded, and it is reported to `onWriteFailure` listeners (the results notices show it).
 */
import type { Attempt, AttemptReflection } from '../engine/index.ts';

const ATTEMPT = (id: string) => `kap.attempt.${id}`;
const RESULT = (id: string) => `kap.result.${id}`;
const SOUND = 'kap.sound';

export interface LastResult {
  passed: boolean;
  overall: number;
  mode: 'practice' | 'assessment';
  ending: string | null;
  finishedAt: string;
}

export interface SoundPrefs {
  volume: number;
  muted: boolean;
}

/** Values this tab could not write, by key (null: a removal that failed). */
const unwritten = new Map<string, string | null>();

export interface WriteFailure {
  key: string;
  /** The browser's reason, e.g. "QuotaExceededError". */
  reason: string;
}
const failures: WriteFailure[] = [];
const failureListeners = new Set<(failure: WriteFailure) => void>();

/** Calls `listener` for every refused write, those before it was added included. */
export function onWriteFailure(listener: (failure: WriteFailure) => void): () => void {
  failureListeners.add(listener);
  for (const f of failures) listener(f);
  return () => failureListeners.delete(listener);
}

/** The keys whose last write the browser refused: their values live only in this tab. */
export function unwrittenKeys(): string[] {
  return [...unwritten].filter(([, value]) => value !== null).map(([key]) => key);
}

/** The value under `key` on this device (or held by this tab after a refused write); null if none. */
export function read(key: string): string | null {
  if (unwritten.has(key)) return unwritten.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (null removes it); a refused write is kept in this tab and reported. */
export function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    unwritten.delete(key);
  } catch (error) {
    // Storage full or blocked: the session goes on from memory, and the failure is reported.
    unwritten.set(key, value);
    const failure = { key, reason: error instanceof Error ? error.name : String(error) };
    failures.push(failure);
    for (const listener of failureListeners) listener(failure);
  }
}

export const savedAttemptText = (scenarioId: string) => read(ATTEMPT(scenarioId));
export const saveAttemptText = (scenarioId: string, text: string) =>
  write(ATTEMPT(scenarioId), text);
export const clearAttempt = (scenarioId: string) => write(ATTEMPT(scenarioId), null);

const COURSE = (id: string) => `kap.course.${id}`;
/** A course in progress (its visits' attempts; see the engine's CourseProgress), by course id. */
export const savedCourseText = (courseId: string) => read(COURSE(courseId));
export const saveCourseText = (courseId: string, text: string) => write(COURSE(courseId), text);
export const clearCourse = (courseId: string) => write(COURSE(courseId), null);

/** The ids of the scenarios that have a saved attempt on this device. */
export function savedAttemptIds(): string[] {
  const prefix = ATTEMPT('');
  const ids: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
  } catch {
    // Storage unavailable (e.g. blocked by the browser): only what this tab kept in memory.
  }
  for (const [key, value] of unwritten)
    if (key.startsWith(prefix) && value !== null) ids.push(key.slice(prefix.length));
  return [...new Set(ids)];
}

export function lastResult(scenarioId: string): LastResult | null {
  const text = read(RESULT(scenarioId));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as LastResult;
    return typeof value.overall === 'number' && typeof value.passed === 'boolean' ? value : null;
  } catch {
    return null;
  }
}
export const saveLastResult = (scenarioId: string, result: LastResult) =>
  write(RESULT(scenarioId), JSON.stringify(result));

export function soundPrefs(): SoundPrefs {
  try {
    const value = JSON.parse(read(SOUND) ?? '{}') as Partial<SoundPrefs>;
    const volume = typeof value.volume === 'number' ? Math.min(1, Math.max(0, value.volume)) : 0.7;
    return { volume, muted: value.muted === true };
  } catch {
    return { volume: 0.7, muted: false };
  }
}
export const saveSoundPrefs = (prefs: SoundPrefs) => write(SOUND, JSON.stringify(prefs));

export const shortcutsEnabled = () => read('kap.shortcuts') !== 'off';
export const saveShortcutsEnabled = (on: boolean) => write('kap.shortcuts', on ? 'on' : 'off');

/**
 * The trainee's reflection on a finished attempt, written before the scores are shown (or
 * skipped). Kept on this device beside the attempt, keyed by the attempt's scenario, seed, mode
 * and length, and handed to `onReflection` listeners (the attempt history keeps it with the
 * attempt's record, and so in its export, even when this device's localStorage is full).
 */
export type Reflection = AttemptReflection;
const REFLECTION = (attemptKey: string) => `kap.reflection.${attemptKey}`;

/** The key a reflection is kept under: the attempt's scenario, seed, mode and length. */
export const reflectionKey = (a: Attempt) =>
  `${a.scenarioId}.${a.seed}.${a.mode}.${a.events.length}`;

export function reflectionFor(attemptKey: string): Reflection | null {
  try {
    const value = JSON.parse(read(REFLECTION(attemptKey)) ?? 'null') as Reflection | null;
    return value && typeof value.text === 'string' ? value : null;
  } catch {
    return null;
  }
}

const reflectionListeners = new Set<(attempt: Attempt, reflection: Reflection) => void>();

/** Calls `listener` with every reflection saved from now on, and the attempt it belongs to. */
export function onReflection(
  listener: (attempt: Attempt, reflection: Reflection) => void,
): () => void {
  reflectionListeners.add(listener);
  return () => reflectionListeners.delete(listener);
}

export function saveReflection(attempt: Attempt, reflection: Reflection): void {
  write(REFLECTION(reflectionKey(attempt)), JSON.stringify(reflection));
  for (const listener of reflectionListeners) listener(attempt, reflection);
}

const leftListeners = new Set<(attempt: Attempt) => void>();

/** Calls `listener` with every attempt the trainee leaves from now on (the history keeps it). */
export function onLeft(listener: (attempt: Attempt) => void): () => void {
  leftListeners.add(listener);
  return () => leftListeners.delete(listener);
}

/** The trainee left this attempt (it ended with `session.leave`): hands it to the listeners. */
export function reportLeft(attempt: Attempt): void {
  for (const listener of leftListeners) listener(attempt);
}
