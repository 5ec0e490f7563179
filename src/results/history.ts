/**
 * The attempt history: every attempt that reached its debrief, with its report and any
 * supervisor comments. Imported attempts join the same list.
 */
import {
  attemptId,
  exportedAttemptProblems,
  type AttemptReflection,
  type Comment,
  type ExportedAttempt,
} from '../engine/index.ts';
import type { Verification } from '../engine/index.ts';
import { inTransaction, openDb } from './db.ts';

export interface HistoryRecord extends ExportedAttempt {
  id: string;
  finishedAt: string;
  /** Whether the record came from an imported file rather than this device. */
  imported?: boolean;
}

/** A stored record that is not a well-formed attempt: shown as unreadable, its content kept. */
export interface UnreadableRecord {
  /** Its key in the store, as text. */
  key: string;
  /** What is wrong with it (the first few problems). */
  problem: string;
  /** The record as it is stored, as JSON (or as text where it cannot be JSON). */
  raw: string;
}

function rawText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The problems of one stored record (empty when it is a usable history record). */
export function recordProblems(value: unknown): string[] {
  const problems = exportedAttemptProblems(value, 'record');
  const v = value as Partial<HistoryRecord> | null;
  if (typeof v?.id !== 'string') problems.push('record.id: must be a string');
  if (typeof v?.finishedAt !== 'string') problems.push('record.finishedAt: must be a string');
  return problems;
}

/**
 * The history, newest first, and the records that cannot be read. One damaged record (edited by
 * hand, or written by another program) never hides the others.
 */
export async function readHistory(): Promise<{
  records: HistoryRecord[];
  unreadable: UnreadableRecord[];
}> {
  const db = await openDb();
  const records: HistoryRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('attempts', 'readonly');
    const cursor = tx.objectStore('attempts').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const problems = recordProblems(c.value);
      if (problems.length === 0) records.push(c.value as HistoryRecord);
      else
        unreadable.push({
          key: String(c.key),
          problem:
            problems.slice(0, 3).join('; ') +
            (problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''),
          raw: rawText(c.value),
        });
      c.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The history could not be read.'));
  });
  records.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  return { records, unreadable };
}

export async function listAttempts(): Promise<HistoryRecord[]> {
  return (await readHistory()).records;
}

/** One record, or undefined when it is missing or unreadable (see readHistory). */
export async function getAttempt(id: string): Promise<HistoryRecord | undefined> {
  const value = await inTransaction<unknown>('attempts', 'readonly', (s) => s.get(id));
  return value !== undefined && recordProblems(value).length === 0
    ? (value as HistoryRecord)
    : undefined;
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

/** Keeps the trainee's reflection with the attempt's record; false when it is not in the history. */
export async function setReflection(id: string, reflection: AttemptReflection): Promise<boolean> {
  const record = await getAttempt(id);
  if (!record) return false;
  await inTransaction('attempts', 'readwrite', (s) => s.put({ ...record, reflection }));
  return true;
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
    const { verified: _verified, unverifiedReason: _reason, ...kept } = entry;
    const record: HistoryRecord = {
      ...kept,
      id,
      finishedAt: entry.finishedAt ?? importedAt,
      imported: true,
    };
    await inTransaction('attempts', 'readwrite', (s) => s.put(record));
    added += 1;
  }
  return added;
}

/**
 * The export form of records (without the local-only fields), each with its verification: the
 * report replayed from the log, or the recorded one marked unverified with the reason.
 */
export function toExported(
  records: HistoryRecord[],
  verifications: Verification[],
): ExportedAttempt[] {
  return records.map(
    ({ attempt, report, comments, finishedAt, scenarioTitle, scenarioVersion, reflection }, i) => {
      const v = verifications[i]!;
      return {
        attempt,
        report: v.verified ? v.report : report,
        comments,
        finishedAt,
        ...(scenarioTitle !== undefined ? { scenarioTitle } : {}),
        ...(scenarioVersion !== undefined ? { scenarioVersion } : {}),
        verified: v.verified,
        ...(v.verified ? {} : { unverifiedReason: v.reason }),
        ...(reflection ? { reflection } : {}),
      };
    },
  );
}
