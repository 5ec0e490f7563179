/** The session engine: one machine for every scenario, its view and replay (headless runs: play/). */
export {
  sessionMachine,
  attemptFromContext,
  type SessionMachine,
  type SessionTag,
} from './machine.ts';
export { hostEffects, type HostEffects } from './host-effects.ts';
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
export { indexScenario, ScenarioIndex } from './indexScenario.ts';
export type { ReadonlyList } from './append-list.ts';
export type { SessionEvent, SessionContext, Mode, LogEntry, DecisionRecord } from './types.ts';
