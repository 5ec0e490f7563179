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
import { attemptResultText, scoredResult } from '../results/result.ts';
import { keyOfAttemptId } from './identity.ts';
import type { Claim, CohortAttempt } from './types.ts';

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
    // What was replayed decides (the log names the scenario's content hash): a verified attempt
    // is of the version it replayed against, whatever version its file names.
    scenarioVersion: v.verified ? version : (entry.scenarioVersion ?? ''),
    mode: entry.attempt.mode,
    finishedAt: entry.finishedAt ?? '',
    simulatedMinutes: simulatedMinutes(entry.attempt),
    source,
  };
  if (v.verified) {
    const claimed = claimOf(entry.report, v.report);
    const named = entry.scenarioVersion;
    return {
      ...base,
      verified: true,
      report: v.report,
      ...(claimed ? { claimed } : {}),
      ...(named && named !== version ? { claimedVersion: named } : {}),
    };
  }
  return { ...base, verified: false, report: entry.report, unverifiedReason: v.reason };
}

/**
 * The recorded verdict and score when they differ from the replayed ones (a forged or stale
 * report), else null. Only the recorded report's `passed` and `overall` are read, and only when
 * they have those types; they are never counted.
 */
export function claimOf(recorded: Report | null, replayed: Report): Claim | null {
  if (!recorded || typeof recorded !== 'object') return null;
  const { passed, overall } = recorded as { passed?: unknown; overall?: unknown };
  if (typeof passed !== 'boolean' || typeof overall !== 'number' || !Number.isFinite(overall))
    return null;
  const result = scoredResult(replayed);
  // An attempt that did not reach its debrief has no result: only a claimed finished one differs.
  if (!result)
    return (recorded as { status?: unknown }).status === 'debrief' ? { passed, overall } : null;
  if (passed === result.passed && overall === result.overall) return null;
  return { passed, overall };
}

/** "passed, 96.5%" or "not passed, 4.3%": a verdict and score written out. */
export function resultText(r: Claim): string {
  return attemptResultText({ status: 'debrief', ...r });
}

/**
 * "claimed passed, 96.5%; replayed not passed, 4.3%" for an attempt whose source claimed another
 * result than its replay ("…; replayed left before the debrief (not scored)"), followed by the
 * version claim (versionClaimText) when its source named another scenario version; else "".
 */
export function claimText(a: CohortAttempt): string {
  if (!a.verified) return '';
  const result = a.claimed
    ? `claimed ${resultText(a.claimed)}; replayed ${attemptResultText(a.report)}`
    : '';
  return [result, versionClaimText(a)].filter(Boolean).join('; ');
}

/**
 * "claims version 2.0.0; replayed against 1.0.0" for a verified attempt whose source named
 * another scenario version than the one its log replayed against (by content hash), else "".
 */
export function versionClaimText(a: CohortAttempt): string {
  if (!a.verified || !a.claimedVersion) return '';
  return `claims version ${a.claimedVersion}; replayed against ${a.scenarioVersion}`;
}

/**
 * Each attempt once, by its key (identity.ts), in first-seen order, whether verified or not. Of
 * two copies, a verified one wins over an unverified one. The trainee's name is chosen the same
 * way whatever order the copies come in: a name recorded with the attempt (its own or its
 * export's `trainee`, or an LRS actor's name) wins over one taken from a file's name; among
 * recorded names the first met; among file names the shortest, then the first alphabetically
 * ("Alice Park" over "Alice Park (1)"). Any other non-empty names are listed in `otherNames`.
 * A claim one copy's source made (another result, another scenario version) is kept whichever
 * copy is counted, so an edited copy is flagged in any reading order.
 */
export function dedupeAttempts(list: readonly CohortAttempt[]): CohortAttempt[] {
  const groups = new Map<string, CohortAttempt[]>();
  for (const a of list) {
    const g = groups.get(a.key);
    if (g) g.push(a);
    else groups.set(a.key, [a]);
  }
  return [...groups.values()].map((copies) => {
    if (copies.length === 1) return copies[0]!;
    const chosen = copies.find((c) => c.verified) ?? copies[0]!;
    const recorded = copies.find((c) => c.trainee && !c.traineeFromFile);
    const fromFiles = copies
      .filter((c) => c.trainee && c.traineeFromFile)
      .map((c) => c.trainee)
      .sort((x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0));
    const trainee = recorded?.trainee ?? fromFiles[0] ?? '';
    const others = [...new Set(copies.map((c) => c.trainee))].filter((n) => n && n !== trainee);
    const { otherNames: _dropped, ...rest } = chosen;
    const claims = rest.verified
      ? {
          claimed: copies.find((c) => c.verified && c.claimed)?.claimed,
          claimedVersion: copies.find((c) => c.verified && c.claimedVersion)?.claimedVersion,
        }
      : {};
    return {
      ...rest,
      ...(claims.claimed ? { claimed: claims.claimed } : {}),
      ...(claims.claimedVersion ? { claimedVersion: claims.claimedVersion } : {}),
      trainee,
      traineeFromFile: !recorded && fromFiles.length > 0,
      ...(others.length ? { otherNames: others } : {}),
    } as CohortAttempt;
  });
}
