/**
 * What a check worker does with the texts it is sent, independent of the kind of worker (a
 * browser Worker in the workspace, a worker thread in the benchmark). The workspace runs two:
 * one answers `diagnostics` requests (the validator only, so a keystroke's diagnostics never
 * wait behind anything else), the other `details` requests (the analysis and the map, which it
 * validates for itself), asked for only once the newest text's diagnostics are in.
 *
 * Messages in: `{ seq, text, stage }`. Out: `{ seq, stage: 'diagnostics', result }` or
 * `{ seq, stage: 'details', details }`; `{ seq, stage, error }` when a check throws.
 */
import { IncrementalValidator } from '../engine/index.ts';
import { detail, diagnose, forWorker, type Details, type WorkerCheck } from './check.ts';

export type Stage = 'diagnostics' | 'details';

export interface CheckRequest {
  seq: number;
  text: string;
  stage: Stage;
}

export type CheckReply =
  | { seq: number; stage: 'diagnostics'; result: Omit<WorkerCheck, 'analysis' | 'map'> }
  | { seq: number; stage: 'details'; details: Details }
  | { seq: number; stage: Stage; error: string };

/**
 * One validator per stage, kept between requests: each text differs from the one before by an
 * edit, and the validator reads again only what the edit changed (validate-incremental.ts).
 */
const validators: Record<Stage, IncrementalValidator> = {
  diagnostics: new IncrementalValidator(),
  details: new IncrementalValidator(),
};

/** Answers one request. Never throws. */
export function answer({ seq, text, stage }: CheckRequest): CheckReply {
  try {
    const diagnosed = diagnose(text, validators[stage]);
    return stage === 'diagnostics'
      ? { seq, stage, result: forWorker(diagnosed) }
      : { seq, stage, details: detail(text, diagnosed) };
  } catch (e) {
    return { seq, stage, error: e instanceof Error ? e.message : String(e) };
  }
}
