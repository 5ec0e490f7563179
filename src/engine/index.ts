/**
 * The engine's one public entry point. Hosts (the player, the workspace, the results screens and
 * the command line) import the engine only from here; the lint rule in eslint.config.js forbids
 * reaching into its folders. Every module here is pure (no DOM, audio, Node or wall clock).
 */
export * from './format/index.ts';
export { validateCourse, Course, type CourseDef } from './format/course.ts';
export { parseScenarioText } from './format/parse.ts';
export { analyze, type Analysis, type CriticalError, type Scores } from './analysis/analyze.ts';
export { RANGES_APART, notScoredText, gatingOf, UNUSED_TERMS } from './analysis/wording.ts';
export { GATE_TITLES, type GateId } from './session/gates.ts';
export { toMermaid } from './analysis/mermaid.ts';
export { listScenarioFiles, type ScenarioEntry } from './library.ts';
export {
  hostEffects,
  type HostEffects,
  sessionMachine,
  attemptFromContext,
  viewSession,
  nextEventMinute,
  createSession,
  eventsBeforeDecision,
  initialSnapshot,
  replay,
  step,
  indexScenario,
  ScenarioIndex,
  type SessionMachine,
  type SessionTag,
  type SessionView,
  type ViewOption,
  type ReplayLog,
  type SessionSnapshot,
  type SessionEvent,
  type SessionContext,
  type Mode,
  type LogEntry,
  type DecisionRecord,
  type ReadonlyList,
} from './session/index.ts';
export {
  playHeadless,
  type HeadlessOptions,
  type HeadlessResult,
  type Strategy,
} from './play/headless.ts';
export type { SettingName, VitalsSample, CarriedState } from './session/types.ts';
export { previewSnapshot, PreviewError, type PreviewOptions } from './session/preview.ts';
export {
  NIBP_CYCLE_MINUTES,
  NIBP_INTERVALS,
  LIMIT_FIELDS,
  protocolNibpInterval,
  nibpDisplay,
  monitorMarks,
  atOrAboveHardStop,
  hardStopDisplay,
  alarmLimitProblems,
  parseAlarmLimits,
  type AlarmLimits,
  type LimitField,
  type MonitorCommand,
  type MonitorMark,
  type HardStopDisplay,
  type NibpDisplay,
  type NibpReading,
} from './session/nibp.ts';
export {
  PHASES,
  AFTER_DOSE,
  visitDoses,
  visitKind,
  visitPhases,
  type PhaseInfo,
} from './session/phases.ts';
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
export {
  checkCourseVisits,
  newCourseProgress,
  parseCourseProgress,
  serializeCourseProgress,
  withVisitAttempt,
  type CourseVisitFile,
  type CourseProgress,
  type CourseState,
  type CourseVisitState,
} from './course/index.ts';
export * from './results/xapi.ts';
export * from './results/xapi-rules.ts';
export * from './results/suspend-data.ts';
export * from './results/export.ts';
export { type CatalogueEntry } from './presentation/catalogue.ts';
export { type CourseCard, carriedPhrase, factLabel } from './presentation/course-catalogue.ts';
export { type ShownChoice, orderOptions, shownChoices } from './presentation/option-order.ts';
export {
  Condition,
  FORMAT_VERSION,
  Scenario,
  type ScenarioV1,
  type SignalKey,
  Step,
} from './format/schema.ts';
export {
  type ChartLine,
  type Quality,
  decisionQuality,
  decisionsByPhase,
  niceTicks,
  protocolLines,
  topLessons,
} from './presentation/debrief.ts';
export { roomScene } from './presentation/room.ts';
export { wrapWords } from './presentation/wrap-words.ts';
export { competencyScoreText, pointsOfText } from './presentation/score-text.ts';
export { standardTitle } from './standards/catalogue.ts';
export { cmiTimespan } from './results/cmi-timespan.ts';
export { type Statement, buildStatements } from './results/xapi.ts';
export { statementProblems } from './results/xapi-rules.ts';
export {
  actorLabel,
  classifyAnswer,
  destinationId,
  retryDelay,
  sameStatement,
} from './results/lrs-rules.ts';
export {
  type Comment,
  type ExportedAttempt,
  type AttemptReflection,
  attemptId,
  exportCsv,
  exportJson,
  exportedAttemptProblems,
  parseExport,
} from './results/export.ts';
export {
  VERIFY_SLICE,
  type Verification,
  unverifiedReason,
  verifySteps,
} from './results/verify.ts';
export { percentText } from './results/percent.ts';
export {
  attemptResult,
  attemptResultText,
  competencyResultText,
  scoredResult,
  type AttemptResult,
} from './results/result.ts';
export { bestOption, weightedPoints, type BestOption } from './format/best-option.ts';
export { resumeLeft, type ResumeLeft } from './results/left.ts';
export { KAP_NAMESPACE, uuidV5 } from './results/uuid.ts';
export { hashScenario } from './attempt/index.ts';
export { type Diagnostic, compareDiagnostics } from './format/diagnostics.ts';
export { validate } from './format/validate.ts';
export { IncrementalValidator, type IncrementalResult } from './format/validate-incremental.ts';
export { SourcePositions } from './format/parse.ts';
export { migrate } from './format/migrate.ts';
export { normalise, impliedKind, impliedNext, hasTarget } from './format/normalise.ts';
export { tidy, impliedValuePaths, type ImpliedValue, type TidyResult } from './format/tidy.ts';
export { changesBetween } from './format/changes-between.ts';
export { fileNameForId, idFileNameFinding } from './format/id-file-name.ts';
export { MAX_BYTES } from './format/limits.ts';
export { choiceRefusal } from './session/gates.ts';
export { type DecisionAnalysis, analyzeDecisions } from './analysis/decisions.ts';
export { type LineCount, countLines } from './analysis/lines.ts';
export {
  applyChange,
  applyChanges,
  applySplice,
  invertSplice,
  detectFormatting,
  literalRange,
  parseLoose,
  spliceBetween,
  valueAt,
  type Change,
  type JSONPath,
  type Splice,
} from './format/text-edit.ts';
export { verifyAttempt } from './results/verify.ts';
export {
  type CohortAttempt,
  type StatementAttempt,
  type StepFigures,
  type TrendPoint,
  attemptKey,
  attemptsFromStatements,
  claimText,
  versionClaimText,
  cohortCsv,
  cohortFigures,
  decisionsAt,
  dedupeAttempts,
  fromVerification,
  isVerified,
  keyOfAttemptId,
  missingReason,
  placeText,
  pseudonymise,
  scenarioFigures,
  statementKey,
  traineeProgress,
} from './cohort/index.ts';
export { decodeSuspendData, suspendDataScenario } from './results/suspend-data.ts';
