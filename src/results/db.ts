/**
 * The results database in IndexedDB: `attempts` (the history, keyed by attempt id), `outbox`
 * (xAPI statements waiting to be sent, keyed by statement id, in the order they were queued) and
 * `verifications` (the cohort view's replay results, keyed by a hash of the build, the scenario
 * and the log: see cohort-cache.ts).
 */
const NAME = 'kap-results';
const VERSION = 2;

let opening: Promise<IDBDatabase> | null = null;

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('attempts'))
        db.createObjectStore('attempts', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('outbox')) {
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex(
          'id',
          'id',
          { unique: true },
        );
      }
      if (!db.objectStoreNames.contains('verifications'))
        db.createObjectStore('verifications', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      // A newer version opened in another tab: let it upgrade, and reopen on the next use.
      request.result.onversionchange = () => {
        request.result.close();
        opening = null;
      };
      resolve(request.result);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error('The browser refused to open the results database.'));
    };
  });
  return opening;
}

export type StoreName = 'attempts' | 'outbox' | 'verifications';

/** Runs `work` in one transaction and resolves with its result when the transaction commits. */
export async function inTransaction<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await openDb();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('A results database operation failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('A results database operation was aborted.'));
  });
}

export const getAll = <T>(store: StoreName) =>
  inTransaction<T[]>(store, 'readonly', (s) => s.getAll()).then((v) => v ?? []);
