/**
 * The cohort view's cache of replay results, in the results database on this device, so that
 * opening the same attempts again is instant. An entry is keyed by a hash of what the result
 * depends on: the replaying code (the built worker's address, which changes with every build
 * that changes it), the bundled scenario (id, version and content hash) and the attempt's log
 * (its attempt id). It holds the verification only: no trainee name, file name or source.
 *
 * The cache is an optimisation: a read or write the browser refuses is ignored and the attempt
 * is replayed. In development (no content hash in the worker's address) nothing is cached.
 */
import { KAP_NAMESPACE, uuidV5, type Verification } from '../engine/index.ts';
import { inTransaction, openDb } from './db.ts';

interface Cached {
  key: string;
  verification: Verification;
}

/**
 * The cache key of one replay: `build` names the replaying code, `scenario` is
 * `<id>@<version>#<content hash>`, `attemptId` the log's id (attemptId).
 */
export const cacheKey = (build: string, scenario: string, attemptId: string): string =>
  uuidV5(`cohort-verification:${build}:${scenario}:${attemptId}`, KAP_NAMESPACE);

/** Whether replay results may be cached in this build. */
export const cacheable = (): boolean => import.meta.env.PROD;

/** The cached verifications of `keys` (absent keys are missing from the map); never throws. */
export async function cachedVerifications(
  keys: readonly string[],
): Promise<Map<string, Verification>> {
  const found = new Map<string, Verification>();
  if (!cacheable() || keys.length === 0) return found;
  try {
    const db = await openDb();
    await new Promise<void>((resolve) => {
      const tx = db.transaction('verifications', 'readonly');
      const store = tx.objectStore('verifications');
      for (const key of keys) {
        const get = store.get(key);
        get.onsuccess = () => {
          const value = get.result as Cached | undefined;
          if (value?.verification) found.set(key, value.verification);
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    });
  } catch {
    // No database: every attempt is replayed.
  }
  return found;
}

/** Keeps replay results; a refusal (storage full, say) is ignored. */
export async function cacheVerifications(
  entries: readonly { key: string; verification: Verification }[],
): Promise<void> {
  if (!cacheable() || entries.length === 0) return;
  try {
    await inTransaction('verifications', 'readwrite', (s) => {
      for (const e of entries) s.put({ key: e.key, verification: e.verification } satisfies Cached);
    });
  } catch {
    // Not cached: the next load replays these attempts again.
  }
}

/** Forgets every cached replay result on this device. Throws when the browser refuses. */
export async function clearVerificationCache(): Promise<void> {
  await inTransaction('verifications', 'readwrite', (s) => s.clear());
}
