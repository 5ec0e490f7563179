/**
 * The rules the xAPI outbox sends by, kept pure so they can be tested: which destination a
 * statement belongs to, what each LRS answer means, how long to wait before trying again, and
 * when a statement the LRS already holds under the same id is the same statement.
 */
import { canonicalJson } from '../attempt/hash.ts';
import type { Agent } from './xapi.ts';
import { KAP_NAMESPACE, uuidV5 } from './uuid.ts';

/**
 * The destination a statement is built for: the endpoint, the credentials and the actor, as one
 * opaque id (a name-based UUID, so the credentials themselves are not kept beside the queue).
 * A statement is only ever sent to the destination with the same id.
 */
export function destinationId(endpoint: string, auth: string, actor: Agent): string {
  return uuidV5(`lrs-destination:${canonicalJson([endpoint, auth, actor])}`, KAP_NAMESPACE);
}

/** Who the statements of a destination are about, for the Settings screen (no credentials). */
export function actorLabel(actor: Agent): string {
  const who = 'mbox' in actor ? actor.mbox.replace(/^mailto:/, '') : actor.account.name;
  return actor.name ? `${actor.name} (${who})` : who;
}

/**
 * What an HTTP answer to `PUT statements?statementId=…` means (xAPI 1.0.3, Communication 2.1.1
 * and 3.2):
 * - `sent`: 2xx, stored;
 * - `conflict`: 409, the LRS already holds a statement with this id; it is the same statement
 *   only if the one stored matches (see `sameStatement`);
 * - `credentials`: 401 or 403, nothing can be sent to this destination until its settings change;
 * - `retry`: 429, 5xx, or no answer (a network failure or a timeout): the statement waits;
 * - `refused`: any other 4xx, a refusal of this statement: it is set aside, the rest go on.
 */
export type LrsAnswer = 'sent' | 'conflict' | 'credentials' | 'retry' | 'refused';

export function classifyAnswer(status: number | null): LrsAnswer {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403) return 'credentials';
  if (status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'refused';
  return 'retry';
}

/** The first wait after a failure, and the longest, in milliseconds. */
export const RETRY_BASE_MS = 2000;
export const RETRY_CAP_MS = 5 * 60_000;

/**
 * How long to wait before the next try after `failures` failures in a row (1 or more): doubling
 * from RETRY_BASE_MS up to RETRY_CAP_MS, with "equal jitter" (half fixed, half random, `random`
 * in [0, 1)) so that many devices coming back online do not all retry at once (AWS Architecture
 * Blog, "Exponential Backoff And Jitter", 2015).
 */
export function retryDelay(failures: number, random: number): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/** Properties the LRS sets or may change, left out of a comparison (xAPI 1.0.3, Data 2.3.1). */
const ASSIGNED = ['id', 'authority', 'stored', 'timestamp', 'version', 'attachments'];

function comparable(statement: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = { ...statement };
  for (const key of ASSIGNED) delete copy[key];
  // An activity's definition is not part of the statement's identity (Data 2.3.1).
  const object = copy.object as Record<string, unknown> | undefined;
  if (object && typeof object === 'object') {
    const { definition: _definition, ...rest } = object;
    copy.object = rest;
  }
  return JSON.parse(canonicalJson(copy).toLowerCase());
}

/**
 * Whether the statement an LRS holds under an id matches the one we sent under that id, by the
 * statement comparison requirements of xAPI 1.0.3 (Data 2.3.1): the properties the LRS assigns,
 * activity definitions and letter case are ignored.
 */
export function sameStatement(sent: object, stored: object): boolean {
  return (
    canonicalJson(comparable(sent as Record<string, unknown>)) ===
    canonicalJson(comparable(stored as Record<string, unknown>))
  );
}
