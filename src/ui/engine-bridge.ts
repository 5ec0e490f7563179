/**
 * Everything the player uses from the engine, in one place (this module and its imports load
 * lazily, when a scenario opens). If an engine name changes, only this file changes.
 */
export { validate } from '../engine/format/validate.ts';
export { sessionMachine, attemptFromContext } from '../engine/session/machine.ts';
export { viewSession, type SessionView, type ViewOption } from '../engine/session/view.ts';
export {
  scoreContext,
  type Report,
  type DecisionResult,
  type CompetencyResult,
} from '../engine/scoring/score.ts';
export { eventsBeforeDecision, replay } from '../engine/session/session.ts';
export { parseAttempt, serializeAttempt, type Attempt } from '../engine/attempt/index.ts';
export {
  orderOptions,
  shownChoices,
  type ShownChoice,
} from '../engine/presentation/option-order.ts';
