/** The session engine: one machine for every scenario, its view, replay and headless runs. */
export {
  sessionMachine,
  attemptFromContext,
  type SessionMachine,
  type SessionTag,
} from './machine.ts';
export { viewSession, nextEventMinute, type SessionView, type ViewOption } from './view.ts';
export {
  createSession,
  eventsBeforeDecision,
  initialSnapshot,
  replay,
  step,
  type ReplayLog,
  type SessionSnapshot,
} from './session.ts';
export {
  playHeadless,
  type HeadlessOptions,
  type HeadlessResult,
  type Strategy,
} from './headless.ts';
export { indexScenario, ScenarioIndex } from './indexScenario.ts';
export type { SessionEvent, SessionContext, Mode, LogEntry, DecisionRecord } from './types.ts';
