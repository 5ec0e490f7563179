/**
 * Turning exported attempts into cohort attempts: each is verified by replaying its log against
 * the scenario version it names (the scenario's hash is checked by the replay), and attempts met
 * more than once (the same log in two files, or in a file and the LRS) are counted once.
 */
import type { Attempt } from '../attempt/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { attemptId, type ExportedAttempt } from '../results/export.ts';
import type { Report } from '../scoring/score.ts';
import { verifyAttempt, type Verification } from '../results/verify.ts';
import { keyOfAttemptId } from './identity.ts';
import type { CohortAttempt } from './types.ts';

/** Simulated minutes an attempt covers: the sum of its clock advances. */
export function simulatedMinutes(attempt: Attempt): number {
  let total = 0;
  for (const e of attempt.events) if (e.type === 'clock.advance') total += e.minutes;
  return total;
}

/**
 * One exported attempt, verified against `scenario` (null when that scenario is not at hand:
 * the attempt is then unverified and its recorded report is kept only to be listed).
 */
export function cohortAttempt(
  entry: ExportedAttempt,
  trainee: string,
  source: string,
  scenario: ScenarioV1 | null,
): CohortAttempt {
  const v = verifyAttempt(scenario, entry.attempt, missingReason(entry));
  return fromVerification(entry, trainee, source, v, scenario?.version ?? '');
}

/** Why an attempt's scenario version cannot be replayed: it is not at hand. */
export function missingReason(entry: Pick<ExportedAttempt, 'attempt' | 'scenarioVersion'>): string {
  const version = entry.scenarioVersion ? ` version ${entry.scenarioVersion}` : '';
  return `the scenario "${entry.attempt.scenarioId}"${version} is not at hand.`;
}

/**
 * A cohort attempt from an exported attempt and its verification (done elsewhere, e.g. in a
 * worker); `version` is the version of the scenario it was replayed against; `id` its attempt
 * id when already worked out (attemptId of its log).
 */
export function fromVerification(
  entry: Pick<ExportedAttempt, 'attempt' | 'finishedAt' | 'scenarioVersion'> & {
    /** The report as recorded, if any (kept, never counted, when unverified). */
    report: Report | null;
  },
  trainee: string,
  source: string,
  v: Verification,
  version: string,
  id = attemptId(entry.attempt),
): CohortAttempt {
  const base = {
    id,
    key: keyOfAttemptId(id),
    trainee,
    scenarioId: entry.attempt.scenarioId,
    scenarioVersion: entry.scenarioVersion ?? (v.verified ? version : ''),
    mode: entry.attempt.mode,
    finishedAt: entry.finishedAt ?? '',
    simulatedMinutes: simulatedMinutes(entry.attempt),
    source,
  };
  return v.verified
    ? { ...base, verified: true, report: v.report }
    : { ...base, verified: false, report: entry.report, unverifiedReason: v.reason };
}

/**
 * Each attempt once, by its key (identity.ts), in first-seen order, whether verified or not. Of
 * two copies, a verified one wins over an unverified one, and a known trainee name over an
 * empty one.
 */
export function dedupeAttempts(list: readonly CohortAttempt[]): CohortAttempt[] {
  const byKey = new Map<string, CohortAttempt>();
  for (const a of list) {
    const seen = byKey.get(a.key);
    if (!seen) byKey.set(a.key, a);
    else {
      const better = !seen.verified && a.verified ? a : seen;
      byKey.set(a.key, { ...better, trainee: seen.trainee || a.trainee });
    }
  }
  return [...byKey.values()];
}
