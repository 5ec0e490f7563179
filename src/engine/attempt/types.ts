/** The saved form of an attempt: the event log is the whole truth, replayed on restore. */
import type { CarriedState, Mode, SessionEvent } from '../session/types.ts';

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
  /** The session state after the first `checkpoint.at` events, for a fast restore (checkpoint.ts). */
  checkpoint?: import('./checkpoint.ts').Checkpoint;
}
