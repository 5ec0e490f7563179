/**
 * Saving and restoring attempts. A save is checked before it is used: garbage, an unknown save
 * version, a save of another scenario, or of a scenario whose content changed are reported with a
 * code and a message — never thrown, never silently replayed.
 */
import type { ScenarioV1 } from '../format/schema.ts';
import { scoreContext, type Report } from '../scoring/score.ts';
import type { SessionSnapshot } from '../session/session.ts';
import { replayFromCheckpoint, type Checkpoint } from './checkpoint.ts';
import type { CarriedState, SessionEvent } from '../session/types.ts';
import { hashScenario } from './hash.ts';
import { SAVE_VERSION, type Attempt } from './types.ts';

export type ParseAttemptResult =
  | { ok: true; attempt: Attempt }
  | {
      ok: false;
      code: 'CORRUPT' | 'UNKNOWN_SAVE_VERSION' | 'SCENARIO_CHANGED' | 'WRONG_SCENARIO';
      message: string;
    };

/** The save text of an attempt (stable key order). */
export function serializeAttempt(attempt: Attempt): string {
  return JSON.stringify({
    saveVersion: attempt.saveVersion,
    scenarioId: attempt.scenarioId,
    scenarioHash: attempt.scenarioHash,
    seed: attempt.seed,
    mode: attempt.mode,
    events: attempt.events,
    ...(attempt.carried ? { carried: attempt.carried } : {}),
    ...(attempt.checkpoint ? { checkpoint: attempt.checkpoint } : {}),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one event's shape; returns a message for a malformed one. */
function eventProblem(e: unknown): string | null {
  if (!isObject(e) || typeof e.type !== 'string') return 'an event is not an object with a "type"';
  switch (e.type) {
    case 'session.begin':
    case 'trainee.retry':
    case 'session.pause':
    case 'session.resume':
    case 'session.leave':
      return null;
    case 'trainee.choose':
      return typeof e.optionId === 'string' ? null : 'a choice has no "optionId"';
    case 'trainee.act':
      return typeof e.action === 'string' ? null : 'an action has no "action"';
    case 'trainee.setting':
      return typeof e.setting === 'string' && typeof e.value === 'string'
        ? null
        : 'a setting change is incomplete';
    case 'trainee.monitor':
      return e.setting === 'nibpInterval' || e.setting === 'alarmLimits'
        ? null
        : 'a monitor setting is incomplete';
    case 'clock.advance':
      return typeof e.minutes === 'number' && Number.isFinite(e.minutes)
        ? null
        : 'a clock event has no number of minutes';
    default:
      return `unknown event type "${e.type.slice(0, 40)}"`;
  }
}

/**
 * A save made while the scenario was in format 1: format 2 changed only the version number of a
 * format-1 file (docs/format-changelog.md), so the same content under version 1 hashes as it did then.
 */
function savedUnderFormat1(hash: string, scenario: ScenarioV1): boolean {
  return scenario.formatVersion === 2 && hash === hashScenario({ ...scenario, formatVersion: 1 });
}

/** A course's carried state: variables (flags or numbers), facts (flags), vitals (numbers). */
function isCarried(value: unknown): boolean {
  if (!isObject(value)) return false;
  const all = (v: unknown, ok: (x: unknown) => boolean) =>
    v === undefined || (isObject(v) && Object.values(v).every(ok));
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  return (
    all(value.vars, (x) => typeof x === 'boolean' || finite(x)) &&
    all(value.facts, (x) => typeof x === 'boolean') &&
    all(value.baseline, finite)
  );
}

/**
 * Reads a saved attempt's text (serializeAttempt's form) and checks it against the scenario:
 * JSON.parse, then checkAttempt. Never throws; a problem is a code and a message.
 */
export function parseAttempt(text: string, scenario: ScenarioV1): ParseAttemptResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt is not valid JSON.' };
  }
  return checkAttempt(value, scenario);
}

/**
 * Checks a parsed save: its version, that it is of this scenario's content (the fingerprint, or
 * the format-1 one), its seed and mode, each event's shape (the first damaged one is named by
 * its position) and the carried state. A malformed checkpoint is dropped (the log is the truth).
 */
export function checkAttempt(value: unknown, scenario: ScenarioV1): ParseAttemptResult {
  if (!isObject(value))
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt is not an object.' };
  if (value.saveVersion !== SAVE_VERSION) {
    return {
      ok: false,
      code: 'UNKNOWN_SAVE_VERSION',
      message: `The save version ${JSON.stringify(value.saveVersion) ?? 'is missing'}${value.saveVersion === undefined ? '' : ' is not known'}; this build reads version ${SAVE_VERSION}.`,
    };
  }
  if (typeof value.scenarioId !== 'string' || typeof value.scenarioHash !== 'string') {
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt does not name its scenario.' };
  }
  if (value.scenarioId !== scenario.id) {
    return {
      ok: false,
      code: 'WRONG_SCENARIO',
      message: `The saved attempt belongs to the scenario "${value.scenarioId.slice(0, 80)}", not "${scenario.id}".`,
    };
  }
  if (
    value.scenarioHash !== hashScenario(scenario) &&
    !savedUnderFormat1(value.scenarioHash, scenario)
  ) {
    return {
      ok: false,
      code: 'SCENARIO_CHANGED',
      message:
        'The scenario has changed since this attempt was saved, so it cannot be replayed faithfully.',
    };
  }
  if (typeof value.seed !== 'number' || !Number.isInteger(value.seed)) {
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt has no whole-number seed.' };
  }
  if (value.mode !== 'practice' && value.mode !== 'assessment') {
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt has no valid mode.' };
  }
  if (!Array.isArray(value.events))
    return { ok: false, code: 'CORRUPT', message: 'The saved attempt has no event list.' };
  for (let i = 0; i < value.events.length; i++) {
    const problem = eventProblem(value.events[i]);
    if (problem)
      return {
        ok: false,
        code: 'CORRUPT',
        message: `Event ${i + 1} of the saved attempt is damaged: ${problem}.`,
      };
  }
  if (value.carried !== undefined && !isCarried(value.carried))
    return {
      ok: false,
      code: 'CORRUPT',
      message: 'The state the saved attempt carried from an earlier visit is damaged.',
    };
  return {
    ok: true,
    attempt: {
      saveVersion: SAVE_VERSION,
      scenarioId: value.scenarioId,
      scenarioHash: value.scenarioHash,
      seed: value.seed,
      mode: value.mode,
      events: value.events as SessionEvent[],
      ...(value.carried !== undefined ? { carried: value.carried as CarriedState } : {}),
      // A checkpoint is only a shortcut: a malformed one is dropped, never trusted (checkpoint.ts).
      ...(isObject(value.checkpoint)
        ? { checkpoint: value.checkpoint as unknown as Checkpoint }
        : {}),
    },
  };
}

/** Replays an attempt: the snapshot and report are those the live session had. */
export function restoreAttempt(
  scenario: ScenarioV1,
  attempt: Attempt,
): { snapshot: SessionSnapshot; report: Report } {
  const snapshot = replayFromCheckpoint(scenario, attempt);
  return { snapshot, report: scoreContext(snapshot.context) };
}
