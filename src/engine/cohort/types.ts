/**
 * The shapes of the cohort and progress figures. A cohort attempt is one exported attempt after
 * verification: `report` is the replayed report when `verified`, and unverified attempts are kept
 * only to be listed (their recorded scores are never counted).
 */
import type { Mode } from '../session/types.ts';
import type { Report } from '../scoring/score.ts';

interface CohortAttemptBase {
  /**
   * The attempt's stable id (attemptId of its log); for an LRS attempt whose log cannot be
   * decoded here, the id of its `completed` statement.
   */
  id: string;
  /** The identity under which it is counted once, whatever its source (see identity.ts). */
  key: string;
  /** The trainee's name as the source gave it ("" when unknown). */
  trainee: string;
  scenarioId: string;
  /**
   * For a verified attempt, the version of the scenario its log replayed against; otherwise the
   * version its source names ("" when none).
   */
  scenarioVersion: string;
  mode: Mode;
  /** When the debrief was reached (ISO 8601), or "" when unknown. */
  finishedAt: string;
  /** Simulated minutes the attempt covered (sum of its clock advances). */
  simulatedMinutes: number;
  /** Where it came from (a file name, or "LRS"), for the instructor's list. */
  source: string;
  /**
   * True when `trainee` was taken from a file's name (the source recorded no name), so a name
   * recorded with another copy of the attempt is preferred (see dedupeAttempts).
   */
  traineeFromFile?: boolean;
  /** Other names the same attempt was found under in other copies (absent when none). */
  otherNames?: string[];
  /**
   * What the source claimed the attempt's result was, when it differs from the replay (a
   * verified attempt whose recorded report says another verdict or score): untrusted, shown
   * as text only, never counted.
   */
  claimed?: Claim;
  /**
   * The scenario version the source named, when it differs from the version the log replayed
   * against (`scenarioVersion`, decided by the scenario's content hash): untrusted text, shown
   * as a claim, never counted.
   */
  claimedVersion?: string;
}

/** A recorded verdict and overall percentage, as the source gave them (untrusted). */
export interface Claim {
  passed: boolean;
  overall: number;
}

/**
 * A verified attempt carries its replayed report; an unverified one the report as recorded (never
 * counted; null when the source held none) and why it could not be verified ("Unverified — …").
 */
export type CohortAttempt = CohortAttemptBase &
  (
    | { verified: true; report: Report; unverifiedReason?: undefined }
    | { verified: false; report: Report | null; unverifiedReason: string }
  );

export type VerifiedAttempt = CohortAttempt & { verified: true };

/** Narrows to the verified attempts, the only ones counted. */
export const isVerified = (a: CohortAttempt): a is VerifiedAttempt => a.verified;

/** A few summary figures of a list of numbers (all null for an empty list). */
export interface Summary {
  count: number;
  min: number | null;
  median: number | null;
  mean: number | null;
  max: number | null;
}

export interface Ranked {
  id: string;
  /** Times it happened, over all attempts. */
  count: number;
  /** Attempts in which it happened at least once. */
  attempts: number;
  /** A short description (a critical error's explanation), when there is one. */
  text?: string;
}

export interface ChoiceShare {
  /** The option id; null for a missed event (no response); "done" or "not done" for a check. */
  optionId: string | null;
  count: number;
  /** count ÷ the decisions made at this step (0–1). */
  share: number;
}

export interface StepFigures {
  /** The step, event or check id. */
  id: string;
  kind: 'step' | 'event' | 'missedEvent' | 'check';
  /** Attempts that met this decision at least once. */
  reached: number;
  /** reached ÷ the scenario's verified attempts, finished or not (0–1). */
  reach: number;
  /** Decisions made here (an attempt that retried counts each time it met the step). */
  decisions: number;
  choices: ChoiceShare[];
}

export interface ScenarioFigures {
  scenarioId: string;
  /** Verified attempts that reached their debrief (the only ones with a result), each once. */
  attempts: number;
  /**
   * Verified attempts that did not reach their debrief (left, or the log stops before it): not
   * in `attempts`, the pass rate or the competency spreads; counted in `leaves`, the decisions
   * figures and the map.
   */
  unfinished: number;
  /** Of `attempts`, by mode. */
  practice: number;
  assessment: number;
  passed: number;
  /** passed ÷ attempts (0–1), null when there are none. */
  passRate: number | null;
  /**
   * Per competency id, over `attempts`: summary of the percentages and a 10-bin histogram
   * (0–9.9, …, 90–100).
   */
  competencies: Record<string, { label: string; summary: Summary; bins: number[] }>;
  criticalErrors: Ranked[];
  breachedStandards: Ranked[];
  /**
   * The monitor's alarms (a signal past its alarm limits, answered by the trainee's next act),
   * per signal: response time in simulated minutes over the alarms answered, those answered only
   * after the protocol's `alarmResponseMinutes` (`late`; null when the figures were made without
   * the scenario or its protocol gives no response time), and those never answered. Not the
   * scenario's events (a scripted event such as a blood-pressure alarm that can be missed): those
   * are in `steps`.
   */
  alarms: { signal: string; summary: Summary; unanswered: number; late: number | null }[];
  /** Where unfinished attempts stopped: the last decision's id ("" before the first), ranked. */
  leaves: Ranked[];
  steps: StepFigures[];
}
