/**
 * Verifying recorded attempts in the browser: each record's log is replayed against its bundled
 * scenario in a worker, with progress, and the result is remembered for the page's life. Short
 * logs share one worker; a long log gets a worker of its own, so it never holds up the others.
 * Where workers are unavailable, the replay runs on the page in slices with a turn for the
 * browser between them, so a long log never freezes the tab.
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { VERIFY_SLICE, unverifiedReason, verifySteps, type Verification } from '../engine/index.ts';
import { openScenario } from '../ui/loader.ts';
import type { HistoryRecord } from './history.ts';

/** Progress of one replay: events done of the log's total. */
export type Progress = (done: number, total: number) => void;

/** Logs longer than this are replayed in a worker of their own. */
const LONG_LOG = 4 * VERIFY_SLICE;

interface Job {
  result: Promise<Verification>;
  listeners: Set<Progress>;
}
const known = new Map<string, Job>();

type Reply = { job: number; done?: number; result?: Verification };
let shared: Worker | null | undefined;
let jobs = 0;
const waiting = new Map<number, { resolve: (v: Verification) => void; progress: Progress }>();

function onReply(event: MessageEvent<Reply>): void {
  const { job, done, result } = event.data;
  const entry = waiting.get(job);
  if (!entry) return;
  if (result) {
    waiting.delete(job);
    entry.resolve(result);
  } else if (done !== undefined) entry.progress(done, 0);
}

function newWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = onReply;
    return w;
  } catch {
    return null;
  }
}

/** On the page: a slice at a time, giving the browser a turn between slices. */
async function onPage(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing: string,
  progress: Progress,
): Promise<Verification> {
  const steps = verifySteps(scenario, attempt, missing);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    progress(next.value, 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function replay(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing: string,
  progress: Progress,
): Promise<Verification> {
  const long = attempt.events.length > LONG_LOG;
  if (!long && shared === undefined) shared = newWorker();
  const w = long ? newWorker() : shared;
  if (!w) return onPage(scenario, attempt, missing, progress);
  return new Promise<Verification>((resolve) => {
    const job = ++jobs;
    waiting.set(job, { resolve, progress });
    w.postMessage({ job, scenario, attempt, missing });
  }).finally(() => {
    if (long) w.terminate();
  });
}

/**
 * The verified result of a recorded attempt (replayed from its log), or why it cannot be
 * verified; `progress` hears how far the replay has got. Never throws.
 */
export function verifyRecord(record: HistoryRecord, progress?: Progress): Promise<Verification> {
  return verifyLog(record.id, record.attempt, progress);
}

/** The same for an attempt log by its id (attemptId), wherever it came from. */
export function verifyLog(
  id: string,
  attempt: Attempt,
  progress?: Progress,
): Promise<Verification> {
  const record = { id, attempt };
  let job = known.get(record.id);
  if (!job) {
    const listeners = new Set<Progress>();
    const total = record.attempt.events.length;
    const tell: Progress = (done) => listeners.forEach((l) => l(done, total));
    const result = openScenario(record.attempt.scenarioId)
      .then((opened) =>
        replay(
          opened.ok ? opened.scenario : null,
          record.attempt,
          opened.ok
            ? ''
            : `the scenario "${record.attempt.scenarioId}" is not available in this build.`,
          tell,
        ),
      )
      .catch((error: unknown) => ({
        verified: false as const,
        reason: unverifiedReason(error instanceof Error ? error.message : String(error)),
      }));
    job = { result, listeners };
    known.set(record.id, job);
  }
  if (progress) job.listeners.add(progress);
  return job.result;
}
