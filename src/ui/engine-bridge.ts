/**
 * Everything the player uses from the engine, in one place (this module and its imports load
 * lazily, when a scenario opens). If an engine name changes, only this file changes.
 */
export { validate } from '../engine/index.ts';
export { sessionMachine, attemptFromContext, hostEffects } from '../engine/index.ts';
export { viewSession, type SessionView, type ViewOption } from '../engine/index.ts';
export {
  scoreContext,
  type Report,
  type DecisionResult,
  type CompetencyResult,
} from '../engine/index.ts';
export { eventsBeforeDecision, replay } from '../engine/index.ts';
export { parseAttempt, serializeAttempt, type Attempt } from '../engine/index.ts';
export {
  replayFromCheckpoint,
  withCheckpoint,
  type Checkpoint,
  type SessionContext,
  type SessionSnapshot,
} from '../engine/index.ts';
export { orderOptions, shownChoices, type ShownChoice } from '../engine/index.ts';
export { niceTicks } from '../engine/index.ts';
export { protocolLines, type ChartLine } from '../engine/index.ts';
export {
  NIBP_INTERVALS,
  LIMIT_FIELDS,
  alarmLimitProblems,
  parseAlarmLimits,
  type AlarmLimits,
  type LimitField,
  type MonitorCommand,
  type MonitorMark,
  type NibpReading,
} from '../engine/index.ts';
