/**
 * The one identity under which the cohort view counts an attempt once, whatever its source (an
 * exported file, the attempt history, a learning record store, a page of statements met twice)
 * and whatever its verification state: the id of the attempt's xAPI `completed` statement.
 *
 * The simulator derives statement ids from the attempt's log (statementId(attemptId(log),
 * "completed"), see results/xapi.ts), so the key is worked out from a log in a file, and read as
 * it is from a statement an LRS returns — even when that statement's log cannot be decoded here
 * because its scenario version is not at hand, and so has no attempt id of its own.
 */
import type { Attempt } from '../attempt/index.ts';
import { attemptId } from '../results/export.ts';
import { statementId } from '../results/xapi.ts';

/** The key of an attempt whose log is at hand (a UUID). */
export const attemptKey = (attempt: Attempt): string => keyOfAttemptId(attemptId(attempt));

/** The key of an attempt by its attempt id (attemptId). */
export const keyOfAttemptId = (id: string): string => statementId(id, 'completed');

/**
 * The key of an attempt read from its `completed` statement: the statement's id; for a statement
 * without one (not from an LRS), its registration and log, which no other source can match.
 */
export function statementKey(statement: {
  id?: unknown;
  registration: string;
  log: string;
}): string {
  return typeof statement.id === 'string' && statement.id
    ? statement.id.toLowerCase()
    : `statement without id:${statement.registration}:${statement.log}`;
}
