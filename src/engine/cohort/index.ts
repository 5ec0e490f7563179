/** Cohort and progress figures from verified attempts (pure). */
export * from './types.ts';
export { attemptsFromStatements, type StatementAttempt } from './from-statements.ts';
export { attemptKey, keyOfAttemptId, statementKey } from './identity.ts';
export { summarise, percentBins } from './stats.ts';
export { pseudonymise } from './pseudonym.ts';
export {
  claimOf,
  claimText,
  cohortAttempt,
  resultText,
  dedupeAttempts,
  fromVerification,
  missingReason,
  simulatedMinutes,
  versionClaimText,
} from './collect.ts';
export {
  cohortFigures,
  scenarioFigures,
  decisionsAt,
  decisionPlace,
  type DecisionAt,
} from './aggregate.ts';
export {
  traineeProgress,
  type CompetencyTrend,
  type Progress,
  type ScenarioProgress,
  type TrendPoint,
} from './progress.ts';
export { cohortCsv, type CohortCsvChoice } from './csv.ts';
export { firstWords, placeText } from './places.ts';
