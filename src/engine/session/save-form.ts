/**
 * The saved form of an attempt: the event log is the whole truth, replayed on restore. The session
 * host saves it after every event (hostEffects); reading, checking and restoring
 * saves is src/engine/attempt/.
 */
import { hashScenario } from '../format/hash.ts';
import type { CarriedState, Mode, SessionContext, SessionEvent } from './types.ts';

export const SAVE_VERSION = 1;

export interface Attempt {
  saveVersion: 1;
  scenarioId: string;
  scenarioHash: string;
  seed: number;
  mode: Mode;
  events: SessionEvent[];
  /** In a course: what the earlier visits carried into this one (replay needs it). */
  carried?: CarriedState;
  /** The session state after the first `checkpoint.at` events, for a fast restore (attempt/checkpoint.ts). */
  checkpoint?: Checkpoint;
}

/** A copy of the session state saved beside the log (attempt/checkpoint.ts says when it is used). */
export interface Checkpoint {
  /** The number of events of the log it stands for. */
  at: number;
  /** Fingerprint of those events. */
  digest: string;
  /** The machine's state value then. */
  value: unknown;
  /** The session context then, as JSON (the scenario is referred to by id only). */
  context: unknown;
}

/** The attempt a host persists: the save form of the log so far. */
export function attemptFromContext(context: SessionContext): Attempt {
  return {
    saveVersion: SAVE_VERSION,
    scenarioId: context.index.scenario.id,
    scenarioHash: hashScenario(context.index.scenario),
    seed: context.seed,
    mode: context.mode,
    events: context.log.map((l) => l.event),
    ...(context.carried ? { carried: context.carried } : {}),
  };
}
