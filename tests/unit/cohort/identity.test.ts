/**
 * The cohort's one identity of an attempt: a copy in a file and a copy read from an LRS (or
 * read twice, on two pages of statements) count once, whether or not they can be verified.
 */
import { describe, expect, it } from 'vitest';
import {
  attemptKey,
  attemptsFromStatements,
  cohortAttempt,
  dedupeAttempts,
  type CohortAttempt,
} from '../../../src/engine/cohort/index.ts';
import { buildStatements } from '../../../src/engine/results/xapi.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = loadScenarioFile(shippedScenarioFiles()[0]!);
const BASE = 'https://training.example.org/kap/';

function played(seed: number) {
  const run = playHeadless(scenario, { seed, mode: 'assessment', strategy: 'random' });
  if (!run.ok) throw new Error('the run did not finish');
  const entry = {
    attempt: run.attempt,
    report: run.report,
    comments: [],
    finishedAt: '2026-03-02T10:00:00.000Z',
    scenarioVersion: scenario.version,
  };
  const statements = buildStatements(scenario, run.attempt, run.report, {
    actor: { name: 'Ada Okafor', mbox: 'mailto:ada@example.org' },
    // A launch registration, shared by every attempt of the launch.
    registration: '4a6d0a2c-8a8d-4f6e-9c43-7f7e2a0c1d11',
    activityBase: BASE,
    finishedAt: entry.finishedAt,
  });
  return { entry, statements };
}

/** An LRS attempt whose log cannot be decoded here: unverified, with no attempt id of its own. */
function undecodable(s: ReturnType<typeof attemptsFromStatements>['attempts'][number]) {
  return {
    id: s.key,
    key: s.key,
    trainee: s.trainee,
    scenarioId: scenario.id,
    scenarioVersion: s.scenarioVersion,
    mode: 'assessment',
    finishedAt: s.finishedAt,
    simulatedMinutes: 0,
    source: 'LRS',
    verified: false,
    report: null,
    unverifiedReason: 'Unverified — the scenario is not at hand.',
  } satisfies CohortAttempt;
}

describe('one identity for an attempt, whatever its source', () => {
  const one = played(11);
  const two = played(12);

  it('the key worked out from a log is the id of the attempt’s completed statement', () => {
    const completed = one.statements.find((s) => s.verb.id.endsWith('/completed'))!;
    expect(attemptKey(one.entry.attempt)).toBe(completed.id);
  });

  it('a statement met on two pages is one attempt; two attempts of one registration are two', () => {
    const all = [...one.statements, ...two.statements];
    const paged = [...all, ...one.statements.filter((s) => s.verb.id.endsWith('/completed'))];
    const { attempts } = attemptsFromStatements(paged);
    expect(attempts.map((a) => a.key).sort()).toEqual(
      [attemptKey(one.entry.attempt), attemptKey(two.entry.attempt)].sort(),
    );
  });

  it('an unverified LRS copy and a file copy count once, verified or not', () => {
    const [fromLrs] = attemptsFromStatements(one.statements).attempts;
    const lrsCopy = undecodable(fromLrs!);
    const fileVerified = cohortAttempt(one.entry, 'Ada Okafor', 'ada.json', scenario);
    const fileUnverified = cohortAttempt(one.entry, 'Ada Okafor', 'ada.json', null);
    expect(fileVerified.verified).toBe(true);
    expect(fileUnverified.verified).toBe(false);

    const both = dedupeAttempts([lrsCopy, fileUnverified]);
    expect(both).toHaveLength(1);
    const withVerified = dedupeAttempts([lrsCopy, fileUnverified, fileVerified, lrsCopy]);
    expect(withVerified).toHaveLength(1);
    expect(withVerified[0]!.verified).toBe(true);

    const other = cohortAttempt(two.entry, 'Ada Okafor', 'ada.json', null);
    expect(dedupeAttempts([lrsCopy, other])).toHaveLength(2);
  });
});
