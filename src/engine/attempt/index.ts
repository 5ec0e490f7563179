/** Attempts: the save format, its checks, and restoring by replay. */
export { hashScenario } from './hash.ts';
export {
  parseAttempt,
  restoreAttempt,
  serializeAttempt,
  type ParseAttemptResult,
} from './parse.ts';
export { SAVE_VERSION, type Attempt } from './types.ts';
export {
  CHECKPOINT_EVERY,
  checkpointHolds,
  makeCheckpoint,
  replayFromCheckpoint,
  withCheckpoint,
  type Checkpoint,
} from './checkpoint.ts';
