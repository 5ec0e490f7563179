/**
 * Sending statements to the LRS. Statements wait in an IndexedDB outbox and are sent in order,
 * one PUT per statement with its own id, so a resend after a failure is recognised by the LRS
 * and never stored twice.
 *
 * - Each statement belongs to the destination it was built for (endpoint, credentials and actor,
 *   as one opaque id): it is sent only while that destination is the one configured, and a new
 *   configuration never receives another's statements.
 * - A statement the LRS refuses (a 4xx other than 401, 403 and 429) is set aside with the LRS's
 *   answer, kept to be read and exported, and the others go on. A 409 is checked: the statement
 *   the LRS holds under that id is fetched, and ours counts as sent only if it matches.
 * - Every request gives up after REQUEST_TIMEOUT_MS; failures are retried with a growing,
 *   jittered wait, at once when the browser comes back online, and on "Send now".
 * With no LRS configured nothing is queued and no request is made.
 */
import type { Statement } from '../engine/index.ts';
import { statementProblems } from '../engine/index.ts';
import {
  actorLabel,
  classifyAnswer,
  destinationId,
  retryDelay,
  sameStatement,
} from '../engine/index.ts';
import { getAll, inTransaction, openDb } from './db.ts';
import { lrsConfig, REQUEST_TIMEOUT_MS, type LrsConfig } from './lrs-settings.ts';

export { REQUEST_TIMEOUT_MS };

/** What the LRS answered when it refused a statement. */
export interface Refusal {
  status: number;
  /** The body of the LRS's answer (its first 2,000 characters). */
  answer: string;
  at: string;
}

export interface Queued {
  seq?: number;
  id: string;
  statement: Statement;
  /** The destination id (see destinationId); absent for statements queued by older versions. */
  destination?: string;
  /** The endpoint and learner, for the Settings screen (never the credentials). */
  endpoint?: string;
  learner?: string;
  /** Set when the LRS refused the statement: it is not sent again. */
  refused?: Refusal;
}

/** What waits for one destination. */
export interface DestinationStatus {
  destination: string | null;
  endpoint: string;
  learner: string;
  waiting: number;
  refused: number;
  /** Whether this is the destination configured now (the only one sent to). */
  current: boolean;
}

export interface OutboxStatus {
  destinations: DestinationStatus[];
  /** Statements the LRS refused, with its answers (for reading and export). */
  refused: Queued[];
  lastError: string | null;
  lastSentAt: string | null;
  /** When the next automatic try is due (ISO 8601), if one is scheduled. */
  retryAt: string | null;
  /** The endpoint that try is for. */
  retryFor: string | null;
}

const status: OutboxStatus = {
  destinations: [],
  refused: [],
  lastError: null,
  lastSentAt: null,
  retryAt: null,
  retryFor: null,
};
const listeners = new Set<(s: OutboxStatus) => void>();
const notify = () => listeners.forEach((l) => l({ ...status }));

export function onOutboxStatus(listener: (s: OutboxStatus) => void): () => void {
  listeners.add(listener);
  listener({ ...status });
  void refreshStatus();
  return () => listeners.delete(listener);
}

const destinationOf = (config: LrsConfig) =>
  destinationId(config.endpoint, config.auth, config.actor);

/** Recounts the outbox by destination and tells the listeners. */
export async function refreshStatus(): Promise<void> {
  const all = await getAll<Queued>('outbox').catch(() => [] as Queued[]);
  const config = lrsConfig();
  const current = config ? destinationOf(config) : null;
  const groups = new Map<string, DestinationStatus>();
  for (const item of all) {
    const key = item.destination ?? '';
    const group = groups.get(key) ?? {
      destination: item.destination ?? null,
      endpoint: item.endpoint ?? 'an LRS configured by an earlier version (not recorded)',
      learner: item.learner ?? actorLabel(item.statement.actor),
      waiting: 0,
      refused: 0,
      current: item.destination !== undefined && item.destination === current,
    };
    if (item.refused) group.refused += 1;
    else group.waiting += 1;
    groups.set(key, group);
  }
  status.destinations = [...groups.values()];
  status.refused = all.filter((i) => i.refused);
  notify();
}

/**
 * Adds statements to the outbox for the destination configured now (skipping ids already
 * waiting) and starts sending. Throws when a statement is not valid xAPI or the outbox cannot be
 * written; does nothing without a configured LRS.
 */
export async function queueStatements(
  statements: Statement[],
  config = lrsConfig(),
): Promise<void> {
  if (!config) return;
  for (const s of statements) {
    const problems = statementProblems(s);
    if (problems.length) throw new Error(`A statement was not valid xAPI: ${problems.join('; ')}`);
  }
  const destination = destinationOf(config);
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('outbox', 'readwrite');
    const store = tx.objectStore('outbox');
    for (const statement of statements) {
      const probe = store.index('id').getKey(statement.id);
      probe.onsuccess = () => {
        if (probe.result === undefined)
          store.add({
            id: statement.id,
            statement,
            destination,
            endpoint: config.endpoint,
            learner: actorLabel(config.actor),
          } satisfies Queued);
      };
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The statement outbox could not be written.'));
    tx.onabort = () => reject(tx.error ?? new Error('The statement outbox could not be written.'));
  });
  void flush();
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;
let inFlight: AbortController | null = null;

function cancelRetry(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  status.retryAt = null;
}

function scheduleRetry(endpoint: string): void {
  if (retryTimer) return;
  failures += 1;
  const wait = retryDelay(failures, Math.random());
  status.retryAt = new Date(Date.now() + wait).toISOString();
  status.retryFor = endpoint;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    status.retryAt = null;
    void flush();
  }, wait);
}

let listening = false;

/** Sends what waits for the configured destination, in order, until done or a send fails. */
export function flush(): Promise<void> {
  if (!listening) {
    listening = true;
    addEventListener('online', () => void sendNow());
  }
  flushing ??= sendAll()
    .catch((error: unknown) => {
      status.lastError = `The outbox could not be read: ${error instanceof Error ? error.message : String(error)}`;
      notify();
    })
    .finally(() => {
      flushing = null;
      void refreshStatus();
    });
  return flushing;
}

/** Tries at once: stops waiting for a retry (and for a request still hanging) and sends. */
export async function sendNow(): Promise<void> {
  cancelRetry();
  failures = 0;
  inFlight?.abort();
  if (flushing) await flushing;
  await flush();
}

/** One request with a timeout; resolves with the response, or null when there was none. */
async function request(url: string, init: RequestInit): Promise<Response | null> {
  const controller = new AbortController();
  inFlight = controller;
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, { ...init, signal: controller.signal, credentials: 'omit' });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    if (inFlight === controller) inFlight = null;
  }
}

const headers = (config: LrsConfig) => ({
  Authorization: config.auth,
  'X-Experience-API-Version': '1.0.3',
});

/** After a 409: whether the statement the LRS holds under this id is ours (null: no answer). */
async function conflictResolved(config: LrsConfig, item: Queued): Promise<boolean | null> {
  const response = await request(
    `${config.endpoint}statements?statementId=${encodeURIComponent(item.id)}`,
    { method: 'GET', headers: headers(config) },
  );
  if (!response?.ok) return null;
  try {
    return sameStatement(item.statement, (await response.json()) as object);
  } catch {
    return false;
  }
}

async function setAside(item: Queued, refusal: Refusal): Promise<void> {
  await inTransaction('outbox', 'readwrite', (s) => s.put({ ...item, refused: refusal }));
}

async function answerText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 2000);
  } catch {
    return '';
  }
}

async function sendAll(): Promise<void> {
  const config = lrsConfig();
  if (!config) return;
  const destination = destinationOf(config);
  const queued = (await getAll<Queued>('outbox'))
    .filter((i) => i.destination === destination && !i.refused)
    .sort((a, b) => a.seq! - b.seq!);
  for (const item of queued) {
    if (!navigator.onLine) {
      status.lastError =
        'This device is offline; results will be sent when the connection returns.';
      notify();
      return;
    }
    const response = await request(
      `${config.endpoint}statements?statementId=${encodeURIComponent(item.id)}`,
      {
        method: 'PUT',
        headers: { ...headers(config), 'Content-Type': 'application/json' },
        body: JSON.stringify(item.statement),
      },
    );
    const answer = classifyAnswer(response?.status ?? null);
    if (answer === 'sent') {
      await inTransaction('outbox', 'readwrite', (s) => s.delete(item.seq!));
    } else if (answer === 'conflict') {
      const same = await conflictResolved(config, item);
      if (same === null) {
        status.lastError = `The LRS at ${config.endpoint} answered 409 (it already holds a statement with the id ${item.id}) and could not be asked which; sending will be retried.`;
        notify();
        scheduleRetry(config.endpoint);
        return;
      }
      if (same) await inTransaction('outbox', 'readwrite', (s) => s.delete(item.seq!));
      else
        await setAside(item, {
          status: 409,
          answer:
            'The LRS already holds a different statement with this id, and keeps it (xAPI statements are never overwritten).',
          at: new Date().toISOString(),
        });
    } else if (answer === 'refused') {
      await setAside(item, {
        status: response!.status,
        answer: await answerText(response!),
        at: new Date().toISOString(),
      });
      status.lastError = `The LRS at ${config.endpoint} refused a statement (HTTP ${response!.status}); it is set aside (listed below), and the statements after it are still sent.`;
      notify();
      continue;
    } else if (answer === 'credentials') {
      status.lastError = `The LRS at ${config.endpoint} refused the credentials (HTTP ${response!.status}); check the settings. Nothing more is sent to it until they change or you press "Send now".`;
      notify();
      return;
    } else {
      status.lastError =
        response === null
          ? `The LRS at ${config.endpoint} did not answer (no connection, or no answer within 30 seconds); sending will be retried.`
          : `The LRS at ${config.endpoint} answered HTTP ${response.status}; sending will be retried.`;
      notify();
      scheduleRetry(config.endpoint);
      return;
    }
    failures = 0;
    status.lastSentAt = new Date().toISOString();
    if (!status.lastError?.includes(' refused a statement ')) status.lastError = null;
    void refreshStatus();
  }
}

/** Sends anything left from an earlier visit, and from then on whenever the network returns. */
export function startOutbox(): void {
  void flush();
}

/** Removes what waits for one destination (null: those queued by older versions) without sending. */
export async function discardDestination(destination: string | null): Promise<void> {
  const all = await getAll<Queued>('outbox');
  const doomed = all.filter((i) => (i.destination ?? null) === destination && !i.refused);
  await inTransaction('outbox', 'readwrite', (s) => {
    for (const item of doomed) s.delete(item.seq!);
  });
  await refreshStatus();
}

/** Removes the statements the LRS refused (after they were exported, say). */
export async function discardRefused(): Promise<void> {
  const all = await getAll<Queued>('outbox');
  await inTransaction('outbox', 'readwrite', (s) => {
    for (const item of all) if (item.refused) s.delete(item.seq!);
  });
  await refreshStatus();
}

/** The refused statements with the LRS's answers, as a JSON document to save. */
export function refusedJson(items: Queued[]): string {
  return `${JSON.stringify(
    items.map(({ statement, endpoint, learner, refused }) => ({
      endpoint,
      learner,
      refused,
      statement,
    })),
    null,
    2,
  )}\n`;
}
