/**
 * Where the cohort view's attempts come from: exported attempt files (read on this device, never
 * uploaded), the attempt history, and statements read back from an LRS. Each attempt is verified by replaying its log against the
 * bundled scenario it names, off the page (verify-client), and becomes a cohort attempt.
 */
import {
  fromVerification,
  missingReason,
  type CohortAttempt,
  type StatementAttempt,
} from '../engine/index.ts';
import { decodeSuspendData, suspendDataScenario } from '../engine/index.ts';
import { attemptId, parseExport, type ExportedAttempt } from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import type { Verification } from '../engine/index.ts';
import { verifyMany } from './cohort-verify.ts';
import { verifyLog } from './verify-client.ts';

export interface SourcedEntry {
  entry: ExportedAttempt;
  trainee: string;
  source: string;
}

/**
 * The trainee's name of an attempt in a file: the attempt's own `trainee` text, else the
 * bundle's, else the file's name without its extension (exports name no trainee by default).
 */
function traineeOf(entry: unknown, bundle: unknown, fileName: string): string {
  const own = (v: unknown) =>
    v && typeof v === 'object' && typeof (v as { trainee?: unknown }).trainee === 'string'
      ? (v as { trainee: string }).trainee.trim()
      : '';
  return own(entry) || own(bundle) || fileName.replace(/\.[^.]*$/, '');
}

/** Reads export files; a file with problems is skipped and each problem named with its file. */
export async function readAttemptFiles(
  files: readonly File[],
): Promise<{ entries: SourcedEntry[]; problems: string[] }> {
  const entries: SourcedEntry[] = [];
  const problems: string[] = [];
  const wanted = files.filter((f) => /\.json$/i.test(f.name)); // a folder may hold other files
  const texts = await Promise.all(wanted.map((f) => f.text()));
  for (const [i, file] of wanted.entries()) {
    const name = file.webkitRelativePath || file.name;
    const parsed = parseExport(texts[i]!);
    if (!parsed.ok) {
      problems.push(...parsed.errors.slice(0, 5).map((e) => `${name}: ${e}`));
      continue;
    }
    const bundle: unknown = parsed.bundle;
    for (const entry of parsed.bundle.attempts)
      entries.push({ entry, trainee: traineeOf(entry, bundle, file.name), source: name });
  }
  return { entries, problems };
}

/**
 * Verifies each entry by replay (progress: how many are done), never throwing. An attempt met
 * twice is replayed once; entries come back in order.
 */
export async function verifyEntries(
  list: readonly SourcedEntry[],
  progress?: (done: number, total: number) => void,
): Promise<CohortAttempt[]> {
  const ids = list.map(({ entry }) => attemptId(entry.attempt));
  const firstOf = new Map<string, number>();
  ids.forEach((id, i) => firstOf.has(id) || firstOf.set(id, i));
  const byScenario = new Map<string, number[]>();
  for (const i of firstOf.values()) {
    const sid = list[i]!.entry.attempt.scenarioId;
    byScenario.set(sid, [...(byScenario.get(sid) ?? []), i]);
  }
  const verifications = new Map<number, { v: Verification; version: string }>();
  let done = 0;
  for (const [sid, indices] of byScenario) {
    const opened = await openScenario(sid);
    if (!opened.ok) {
      for (const i of indices)
        verifications.set(i, {
          v: { verified: false, reason: `Unverified — ${missingReason(list[i]!.entry)}` },
          version: '',
        });
      progress?.((done += indices.length), firstOf.size);
      continue;
    }
    const before = done;
    const results = await verifyMany(
      opened.scenario,
      indices.map((i) => list[i]!.entry.attempt),
      (n) => progress?.((done = before + n), firstOf.size),
    );
    indices.forEach((i, k) =>
      verifications.set(i, { v: results[k]!, version: opened.scenario.version }),
    );
  }
  return list.map(({ entry, trainee, source }, i) => {
    const { v, version } = verifications.get(firstOf.get(ids[i]!)!)!;
    return fromVerification(entry, trainee, source, v, version);
  });
}

/**
 * Cohort attempts from attempts rebuilt from LRS statements: each log is decoded against the
 * bundled scenario it names and replayed; a scenario that is not at hand, or another version of
 * it, leaves the attempt unverified (with no report: the LRS's score is never believed).
 */
export async function verifyStatementAttempts(
  list: readonly StatementAttempt[],
  progress?: (done: number, total: number) => void,
): Promise<CohortAttempt[]> {
  let done = 0;
  return Promise.all(
    list.map(async (s): Promise<CohortAttempt> => {
      const scenarioId = suspendDataScenario(s.log) ?? '';
      const opened = scenarioId ? await openScenario(scenarioId) : null;
      const decoded = opened?.ok ? decodeSuspendData(opened.scenario, s.log) : null;
      progress?.(++done, list.length);
      if (!decoded?.ok) {
        const version = s.scenarioVersion ? ` version ${s.scenarioVersion}` : '';
        return {
          id: `lrs:${s.registration}:${s.log.length}:${s.log.slice(-16)}`,
          trainee: s.trainee,
          scenarioId,
          scenarioVersion: s.scenarioVersion,
          mode: s.mode === 'assessment' ? 'assessment' : 'practice',
          finishedAt: s.finishedAt,
          simulatedMinutes: 0,
          source: 'LRS',
          verified: false,
          report: null,
          unverifiedReason: decoded
            ? `Unverified — ${decoded.message}`
            : `Unverified — the scenario "${scenarioId}"${version} is not at hand.`,
        };
      }
      const entry = {
        attempt: decoded.attempt,
        finishedAt: s.finishedAt,
        scenarioVersion: s.scenarioVersion,
        report: null,
      };
      const v = await verifyLog(attemptId(decoded.attempt), decoded.attempt);
      return fromVerification(
        entry,
        s.trainee,
        'LRS',
        v,
        opened?.ok ? opened.scenario.version : '',
      );
    }),
  );
}
