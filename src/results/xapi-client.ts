/**
 * Sending statements to the LRS. Statements wait in an IndexedDB outbox and are sent in order,
 * one PUT per statement with its own id, so a resend after a failure is recognised by the LRS
 * (it answers 204 or 409 for an id it already has) and never stored twice. The outbox is flushed
 * at start, after queueing, when the browser comes back online, and on a backoff timer after a
 * failure. With no LRS configured nothing is queued and no request is made.
 */
import type { Statement } from '../engine/index.ts';
import { statementProblems } from '../engine/index.ts';
import { getAll, inTransaction, openDb } from './db.ts';
import { lrsConfig } from './lrs-settings.ts';

interface Queued {
  seq?: number;
  id: string;
  statement: Statement;
}

export interface OutboxStatus {
  queued: number;
  lastError: string | null;
  lastSentAt: string | null;
}

const status: OutboxStatus = { queued: 0, lastError: null, lastSentAt: null };
const listeners = new Set<(s: OutboxStatus) => void>();
const notify = () => listeners.forEach((l) => l({ ...status }));

export function onOutboxStatus(listener: (s: OutboxStatus) => void): () => void {
  listeners.add(listener);
  listener({ ...status });
  return () => listeners.delete(listener);
}

/** Adds statements to the outbox (skipping ids already waiting) and starts sending. */
export async function queueStatements(statements: Statement[]): Promise<void> {
  for (const s of statements) {
    const problems = statementProblems(s);
    if (problems.length) throw new Error(`A statement was not valid xAPI: ${problems.join('; ')}`);
  }
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('outbox', 'readwrite');
    const store = tx.objectStore('outbox');
    for (const statement of statements) {
      const probe = store.index('id').getKey(statement.id);
      probe.onsuccess = () => {
        if (probe.result === undefined) store.add({ id: statement.id, statement } satisfies Queued);
      };
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The statement outbox could not be written.'));
  });
  void flush();
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let backoff = 2000;

function scheduleRetry(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, backoff);
  backoff = Math.min(backoff * 2, 60_000);
}

let listening = false;

/** Sends what waits in the outbox, in order, until it is empty or a send fails. */
export function flush(): Promise<void> {
  if (!listening) {
    listening = true;
    addEventListener('online', () => void flush());
  }
  flushing ??= sendAll().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(): Promise<void> {
  const config = lrsConfig();
  if (!config) return;
  const queued = (await getAll<Queued>('outbox')).sort((a, b) => a.seq! - b.seq!);
  status.queued = queued.length;
  notify();
  for (const item of queued) {
    if (!navigator.onLine) return;
    let response: Response;
    try {
      response = await fetch(
        `${config.endpoint}statements?statementId=${encodeURIComponent(item.id)}`,
        {
          method: 'PUT',
          headers: {
            Authorization: config.auth,
            'X-Experience-API-Version': '1.0.3',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(item.statement),
          credentials: 'omit',
        },
      );
    } catch {
      status.lastError =
        'The LRS could not be reached; results will be sent when the connection returns.';
      notify();
      scheduleRetry();
      return;
    }
    // 204/200: stored. 409: the LRS already has this id (an earlier send did arrive).
    if (response.ok || response.status === 409) {
      await inTransaction('outbox', 'readwrite', (s) => s.delete(item.seq!));
      status.queued -= 1;
      status.lastError = null;
      status.lastSentAt = new Date().toISOString();
      backoff = 2000;
      notify();
      continue;
    }
    status.lastError =
      response.status === 401 || response.status === 403
        ? `The LRS refused the credentials (HTTP ${response.status}); check the settings.`
        : `The LRS answered HTTP ${response.status}; sending will be retried.`;
    notify();
    if (response.status >= 500 || response.status === 429) scheduleRetry();
    return;
  }
}

/** Sends anything left from an earlier visit, and from then on whenever the network returns. */
export function startOutbox(): void {
  void flush();
}

/** Empties the outbox without sending (e.g. after the LRS settings were removed). */
export async function clearOutbox(): Promise<void> {
  await inTransaction('outbox', 'readwrite', (s) => s.clear());
  status.queued = 0;
  notify();
}
