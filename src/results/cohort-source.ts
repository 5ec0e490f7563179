/**
 * Where the cohort view's attempts come from: exported attempt files (read on this device, never
 * uploaded) and statements read back from an LRS. Every attempt is verified by replaying its log
 * against the bundled scenario it names, off the page (cohort-verify.ts); each distinct attempt
 * (by its key, identity.ts) is replayed once, and a result already replayed on this device by
 * the same build comes from the cache (cohort-cache.ts). Results are handed back as they arrive.
 */
import {
  attemptId,
  decodeSuspendData,
  fromVerification,
  hashScenario,
  keyOfAttemptId,
  missingReason,
  parseExport,
  suspendDataScenario,
  unverifiedReason,
  type Attempt,
  type CohortAttempt,
  type Report,
  type ScenarioV1,
  type StatementAttempt,
  type Verification,
} from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import { cachedVerifications, cacheKey, cacheVerifications } from './cohort-cache.ts';
import { replayBuild, replayJobs, type ReplayJob } from './cohort-verify.ts';

/** The shortest time between two hand-overs of results to the view, in ms. */
export const FLUSH_MS = 400;

/** An attempt read from a source, before verification. */
export interface SourcedEntry {
  entry: {
    attempt: Attempt;
    finishedAt?: string;
    scenarioVersion?: string;
    /** The report as the source recorded it (never counted), or null. */
    report: Report | null;
  };
  trainee: string;
  /** True when `trainee` is the file's name (the file recorded no name). */
  traineeFromFile?: boolean;
  /** A file name, or "LRS". */
  source: string;
  /** The attempt id of its log (attemptId), worked out once when read. */
  id: string;
}

/**
 * The trainee's name of an attempt in a file: the attempt's own `trainee` text, else the
 * bundle's, else the file's name without its extension (exports name no trainee by default).
 */
function traineeOf(
  entry: unknown,
  bundle: unknown,
  fileName: string,
): { trainee: string; traineeFromFile?: boolean } {
  const own = (v: unknown) =>
    v && typeof v === 'object' && typeof (v as { trainee?: unknown }).trainee === 'string'
      ? (v as { trainee: string }).trainee.trim()
      : '';
  const recorded = own(entry) || own(bundle);
  return recorded
    ? { trainee: recorded }
    : { trainee: fileName.replace(/\.[^.]*$/, ''), traineeFromFile: true };
}

/** The longest the page reads files without giving the browser a turn, in ms. */
const READ_SLICE_MS = 50;

/**
 * Reads export files; a file with problems is skipped and each problem named with its file.
 * Each scenario the attempts name starts opening (loading and validating, off the page) as soon
 * as it is first seen, while the rest is read: the replays need it next. The page gets a turn
 * every READ_SLICE_MS, which lets the opening go on meanwhile.
 */
export async function readAttemptFiles(
  files: readonly File[],
): Promise<{ entries: SourcedEntry[]; problems: string[] }> {
  const entries: SourcedEntry[] = [];
  const problems: string[] = [];
  const wanted = files.filter((f) => /\.json$/i.test(f.name)); // a folder may hold other files
  const texts = await Promise.all(wanted.map((f) => f.text()));
  const named = new Set<string>();
  let sliceStart = performance.now();
  for (const [i, file] of wanted.entries()) {
    if (performance.now() - sliceStart > READ_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
    const name = file.webkitRelativePath || file.name;
    const parsed = parseExport(texts[i]!);
    if (!parsed.ok) {
      problems.push(...parsed.errors.slice(0, 5).map((e) => `${name}: ${e}`));
      continue;
    }
    const bundle: unknown = parsed.bundle;
    for (const entry of parsed.bundle.attempts) {
      const scenarioId = entry.attempt.scenarioId;
      if (!named.has(scenarioId)) {
        named.add(scenarioId);
        void openScenario(scenarioId); // kept by the loader for verifyEntries
      }
      entries.push({
        entry,
        ...traineeOf(entry, bundle, file.name),
        source: name,
        id: attemptId(entry.attempt),
      });
    }
  }
  return { entries, problems };
}

/** `<id>@<version>#<content hash>`: what a replay result depends on in the scenario. */
const scenarioKeyOf = (s: ScenarioV1) => `${s.id}@${s.version}#${hashScenario(s)}`;

/**
 * Verifies entries by replay and hands each back as a cohort attempt through `onAttempts`, in
 * batches as results arrive (cached ones first), at most one hand-over every `FLUSH_MS` so that
 * redrawing the view does not take the processor from the replays; `progress` hears, with each
 * hand-over, how many distinct attempts are done of how many. Each distinct attempt (by key) is
 * replayed once and every copy of it is handed back. The new results are written to the cache
 * once all are replayed and the view has drawn them. Never throws; resolves when all are handed
 * back.
 */
export async function verifyEntries(
  list: readonly SourcedEntry[],
  onAttempts: (attempts: CohortAttempt[]) => void,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  // Distinct attempts, by key, with every copy of each.
  const copies = new Map<string, { id: string; items: SourcedEntry[] }>();
  for (const item of list) {
    const { id } = item;
    const key = keyOfAttemptId(id);
    const group = copies.get(key);
    if (group) group.items.push(item);
    else copies.set(key, { id, items: [item] });
  }
  const total = copies.size;
  let done = 0;
  // Results waiting to be handed over, and when the last hand-over was.
  let waiting: CohortAttempt[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = -Infinity;
  const flush = () => {
    timer = null;
    lastFlush = performance.now();
    const out = waiting;
    waiting = [];
    if (out.length) onAttempts(out);
    progress?.(done, total);
  };
  const settle = (settled: { key: string; v: Verification; version: string }[]) => {
    for (const { key, v, version } of settled) {
      const { id, items } = copies.get(key)!;
      for (const { entry, trainee, traineeFromFile, source } of items) {
        const a = fromVerification(entry, trainee, source, v, version, id);
        waiting.push(traineeFromFile ? { ...a, traineeFromFile } : a);
      }
    }
    done += settled.length;
    if (timer === null)
      timer = setTimeout(flush, Math.max(0, lastFlush + FLUSH_MS - performance.now()));
  };

  // By scenario: one not at hand leaves its attempts unverified at once. The scenarios are
  // opened, and their cached results looked up, together.
  const byScenario = new Map<string, string[]>();
  for (const [key, { items }] of copies) {
    const sid = items[0]!.entry.attempt.scenarioId;
    const keys = byScenario.get(sid);
    if (keys) keys.push(key);
    else byScenario.set(sid, [key]);
  }
  const lookups = await Promise.all(
    [...byScenario.values()].map(async (keys) => {
      const opened = await openScenario(copies.get(keys[0]!)!.items[0]!.entry.attempt.scenarioId);
      if (!opened.ok) return { keys, opened: null };
      const scenarioKey = scenarioKeyOf(opened.scenario);
      const cacheKeys = keys.map((k) => cacheKey(replayBuild, scenarioKey, copies.get(k)!.id));
      const cached = await cachedVerifications(cacheKeys);
      return { keys, opened: { scenario: opened.scenario, scenarioKey, cacheKeys, cached } };
    }),
  );
  const jobs: (ReplayJob & { keys: string[]; cacheKeys: string[] })[] = [];
  for (const { keys, opened } of lookups) {
    if (!opened) {
      settle(
        keys.map((key) => ({
          key,
          v: {
            verified: false,
            reason: unverifiedReason(missingReason(copies.get(key)!.items[0]!.entry)),
          },
          version: '',
        })),
      );
      continue;
    }
    const { scenario, scenarioKey, cacheKeys, cached } = opened;
    const version = scenario.version;
    settle(
      keys.flatMap((key, i) => {
        const v = cached.get(cacheKeys[i]!);
        return v ? [{ key, v, version }] : [];
      }),
    );
    const todo = keys.map((key, i) => ({ key, cacheKey: cacheKeys[i]! }));
    const left = todo.filter((t) => !cached.has(t.cacheKey));
    if (left.length)
      jobs.push({
        scenarioKey,
        scenario,
        attempts: left.map((t) => copies.get(t.key)!.items[0]!.entry.attempt),
        keys: left.map((t) => t.key),
        cacheKeys: left.map((t) => t.cacheKey),
      });
  }
  const replayed: { key: string; verification: Verification }[] = [];
  await replayJobs(jobs, (j, start, results) => {
    const job = jobs[j]!;
    const version = job.scenario.version;
    settle(results.map((v, i) => ({ key: job.keys[start + i]!, v, version })));
    for (const [i, verification] of results.entries())
      replayed.push({ key: job.cacheKeys[start + i]!, verification });
  });
  if (timer !== null) clearTimeout(timer);
  flush();
  // Writing hundreds of reports to the database takes the page a while: after the view has
  // drawn the last results, not before.
  afterNextPaint(() => void cacheVerifications(replayed));
}

/**
 * Runs `then` once, after the page has drawn its next frame, or after half a second where no frame
 * comes (a hidden tab draws none).
 */
function afterNextPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  setTimeout(once, 500);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}

/**
 * Attempts rebuilt from LRS statements: each log is decoded against the bundled scenario it
 * names, giving an entry to verify; a log whose scenario (or that version of it) is not at hand
 * cannot be decoded and is an unverified cohort attempt at once, with no report (the LRS's
 * score is never believed), under its statement's key so that a copy from a file counts once.
 */
export async function entriesFromStatements(
  list: readonly StatementAttempt[],
): Promise<{ entries: SourcedEntry[]; unverified: CohortAttempt[] }> {
  const entries: SourcedEntry[] = [];
  const unverified: CohortAttempt[] = [];
  for (const s of list) {
    const scenarioId = suspendDataScenario(s.log) ?? '';
    const opened = scenarioId ? await openScenario(scenarioId) : null;
    const decoded = opened?.ok ? decodeSuspendData(opened.scenario, s.log) : null;
    if (decoded?.ok) {
      entries.push({
        entry: {
          attempt: decoded.attempt,
          finishedAt: s.finishedAt,
          ...(s.scenarioVersion ? { scenarioVersion: s.scenarioVersion } : {}),
          report: null,
        },
        trainee: s.trainee,
        source: 'LRS',
        id: attemptId(decoded.attempt),
      });
      continue;
    }
    const version = s.scenarioVersion ? ` version ${s.scenarioVersion}` : '';
    unverified.push({
      id: s.key,
      key: s.key,
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
        ? unverifiedReason(decoded.message)
        : unverifiedReason(`the scenario "${scenarioId}"${version} is not at hand.`),
    });
  }
  return { entries, unverified };
}
