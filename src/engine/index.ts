/**
 * The engine's one public entry point. Hosts (the player, the workspace, the results screens and
 * the command line) import the engine only from here; the lint rule in eslint.config.js forbids
 * reaching into its folders. Every module here is pure (no DOM, audio, Node or wall clock).
 */
export * from './format/index.ts';
export { validateCourse, Course, type CourseDef } from './format/course.ts';
export { parseScenarioText } from './format/parse.ts';
export { analyze, type Analysis } from './analysis/analyze.ts';
export { toMermaid } from './analysis/mermaid.ts';
export { listScenarioFiles, type ScenarioEntry } from './library.ts';
export {
  sessionMachine,
  attemptFromContext,
  viewSession,
  nextEventMinute,
  createSession,
  eventsBeforeDecision,
  initialSnapshot,
  replay,
  step,
  playHeadless,
  indexScenario,
  ScenarioIndex,
  type SessionMachine,
  type SessionTag,
  type SessionView,
  type ViewOption,
  type ReplayLog,
  type SessionSnapshot,
  type HeadlessOptions,
  type HeadlessResult,
  type Strategy,
  type SessionEvent,
  type SessionContext,
  type Mode,
  type LogEntry,
  type DecisionRecord,
} from './session/index.ts';
export type { SettingName, VitalsSample, CarriedState } from './session/types.ts';
export { previewSnapshot, PreviewError, type PreviewOptions } from './session/preview.ts';
export { PHASES, AFTER_DOSE, type PhaseInfo } from './session/phases.ts';
export {
  score,
  scoreContext,
  type Report,
  type DecisionResult,
  type CompetencyResult,
} from './scoring/score.ts';
export * from './attempt/index.ts';
export { playCourse, summarizeCourse, carriedFrom } from './course/play.ts';
export type { CourseSummary, CourseVisitResult } from './course/play.ts';
export * from './results/xapi.ts';
export * from './results/xapi-rules.ts';
export * from './results/suspend-data.ts';
export * from './results/export.ts';
