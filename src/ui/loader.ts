/**
 * Opening a scenario: read the bundled file, validate it with the engine, and read any saved
 * attempt. Every failure comes back as a message for the trainee, never as an exception.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import type { Diagnostic } from '../engine/index.ts';
import type { ValidationResult } from '../engine/index.ts';
import { scenarioText } from './catalogue.ts';
import {
  parseAttempt,
  replayFromCheckpoint,
  validate,
  viewSession,
  type Attempt,
  type SessionSnapshot,
} from './engine-bridge.ts';
import { savedAttemptText } from './storage.ts';

export type Opened =
  { ok: true; scenario: ScenarioV1 } | { ok: false; message: string; diagnostics: Diagnostic[] };

const opened = new Map<string, Promise<Opened>>();

/**
 * Reads and validates a bundled scenario once per page: the briefing, a return visit and the
 * results features that record a finished attempt all share the one result.
 */
export function openScenario(id: string): Promise<Opened> {
  let result = opened.get(id);
  if (!result) {
    result = readAndValidate(id);
    opened.set(id, result);
  }
  return result;
}

async function readAndValidate(id: string): Promise<Opened> {
  let text: string;
  try {
    text = await scenarioText(id);
  } catch (error) {
    opened.delete(id); // the file may load on a later try (e.g. back online)
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      diagnostics: [],
    };
  }
  const result = await validateOffThread(text);
  if (!result.scenario) {
    return {
      ok: false,
      message: `The scenario "${id}" has errors and cannot be played.`,
      diagnostics: result.diagnostics.filter((d) => d.severity === 'error'),
    };
  }
  return { ok: true, scenario: result.scenario };
}

/** Validates in a worker; falls back to the main thread where workers are unavailable. */
function validateOffThread(text: string): Promise<ValidationResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(validate(text));
      return;
    }
    worker.onmessage = (event: MessageEvent<ValidationResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(validate(text));
    };
    worker.postMessage(text);
  });
}

export type SavedAttempt =
  | { kind: 'none' }
  | {
      kind: 'ok';
      attempt: Attempt;
      finished: boolean;
      /** The attempt restored (from its checkpoint), for the session that resumes it. */
      restored?: SessionSnapshot;
    }
  | { kind: 'broken'; message: string };

/** The saved attempt for this scenario, checked against it by the engine. */
export function savedAttempt(scenario: ScenarioV1): SavedAttempt {
  const text = savedAttemptText(scenario.id);
  if (text === null) return { kind: 'none' };
  try {
    const result = parseAttempt(text, scenario);
    if (result.ok) {
      const restored = replayFromCheckpoint(scenario, result.attempt);
      const finished = viewSession(restored).status === 'debrief';
      return { kind: 'ok', attempt: result.attempt, finished, restored };
    }
    return { kind: 'broken', message: result.message };
  } catch (error) {
    return { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A fresh seed for a new attempt (the engine itself never draws randomness). */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
