/**
 * The attempt history: every attempt that reached its debrief, with its report and any
 * supervisor comments. Imported attempts join the same list.
 */
import { attemptId, type Comment, type ExportedAttempt } from '../engine/index.ts';
import { getAll, inTransaction } from './db.ts';

export interface HistoryRecord extends ExportedAttempt {
  id: string;
  finishedAt: string;
  /** Whether the record came from an imported file rather than this device. */
  imported?: boolean;
}

export async function listAttempts(): Promise<HistoryRecord[]> {
  const all = await getAll<HistoryRecord>('attempts');
  return all.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

export async function getAttempt(id: string): Promise<HistoryRecord | undefined> {
  return inTransaction<HistoryRecord>(
    'attempts',
    'readonly',
    (s) => s.get(id) as IDBRequest<HistoryRecord>,
  );
}

/** Adds a finished attempt unless it is already there; returns the stored record and whether it was new. */
export async function addAttempt(
  entry: Omit<HistoryRecord, 'id'>,
): Promise<{ record: HistoryRecord; added: boolean }> {
  const id = attemptId(entry.attempt);
  const existing = await getAttempt(id);
  if (existing) return { record: existing, added: false };
  const record: HistoryRecord = { ...entry, id };
  await inTransaction('attempts', 'readwrite', (s) => s.put(record));
  return { record, added: true };
}

export async function deleteAttempt(id: string): Promise<void> {
  await inTransaction('attempts', 'readwrite', (s) => s.delete(id));
}

export async function setComments(id: string, comments: Comment[]): Promise<void> {
  const record = await getAttempt(id);
  if (!record) throw new Error('This attempt is no longer in the history.');
  await inTransaction('attempts', 'readwrite', (s) => s.put({ ...record, comments }));
}

/**
 * Imports attempts from an export. An attempt already present keeps its record, but comments
 * from the file that it lacks are added. Returns how many attempts were new.
 */
export async function importAttempts(
  entries: ExportedAttempt[],
  importedAt: string,
): Promise<number> {
  let added = 0;
  for (const entry of entries) {
    const id = attemptId(entry.attempt);
    const existing = await getAttempt(id);
    if (existing) {
      const key = (c: Comment) => `${c.decisionIndex}\u0000${c.at}\u0000${c.text}`;
      const known = new Set(existing.comments.map(key));
      const extra = entry.comments.filter((c) => !known.has(key(c)));
      if (extra.length) await setComments(id, [...existing.comments, ...extra]);
      continue;
    }
    const record: HistoryRecord = {
      ...entry,
      id,
      finishedAt: entry.finishedAt ?? importedAt,
      imported: true,
    };
    await inTransaction('attempts', 'readwrite', (s) => s.put(record));
    added += 1;
  }
  return added;
}

/** The export form of records (without the local-only fields). */
export function toExported(records: HistoryRecord[]): ExportedAttempt[] {
  return records.map(
    ({ attempt, report, comments, finishedAt, scenarioTitle, scenarioVersion }) => ({
      attempt,
      report,
      comments,
      finishedAt,
      ...(scenarioTitle !== undefined ? { scenarioTitle } : {}),
      ...(scenarioVersion !== undefined ? { scenarioVersion } : {}),
    }),
  );
}
