/**
 * Replaying many attempts at once for the cohort view. The attempts to replay (already deduped)
 * are cut into batches shared by a pool of workers (one per processor core, at most four), each
 * worker receiving a scenario once and keeping it (with what the engine works out from it once:
 * its index, its score ranges, its fingerprint) for every later batch.
 *
 * Each worker has two batches in hand, so it starts the next one as soon as it finishes one,
 * even while the page is busy drawing the figures of the last; batches shrink towards the end so
 * that the workers finish together. The pool can be started before there is anything to replay
 * (`warmReplayers`, when the cohort screen opens), so that loading the workers' code does not
 * delay the first replay. Where workers are unavailable, the batches replay on the page with a
 * turn for the browser between them. Never throws: a batch that fails leaves its attempts
 * unverified with the reason.
 */
import type { Attempt, ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt, unverifiedReason, type Verification } from '../engine/index.ts';
import workerUrl from './cohort-verify.worker.ts?worker&url';

/** The most attempts in one batch. */
export const MAX_BATCH = 16;

/** Batches each replayer has in hand at once. */
export const IN_FLIGHT = 2;

/** The address of the replaying code: it changes with every build that changes the replay. */
export const replayBuild = workerUrl;

/** Attempts of one scenario to replay. */
export interface ReplayJob {
  /** `<id>@<version>#<content hash>` of the scenario. */
  scenarioKey: string;
  scenario: ScenarioV1;
  attempts: Attempt[];
}

/**
 * Something that replays batches of attempts: a worker, or the page itself. Several batches may
 * be pending at once; each promise resolves with one verification per attempt, in order, and
 * never rejects.
 */
export interface Replayer {
  replay(job: ReplayJob, attempts: Attempt[]): Promise<Verification[]>;
  dispose(): void;
}

/** What the worker is sent (cohort-verify.worker.ts). */
export interface ReplayRequest {
  id: number;
  scenarioKey: string;
  /** Sent once per scenario and worker. */
  scenario?: ScenarioV1;
  attempts: Attempt[];
}

/** What the worker answers: the verifications in order, or why the batch failed. */
export type ReplayReply = { id: number; results: Verification[] } | { id: number; error: string };

const failed = (attempts: readonly Attempt[], cause: string): Verification[] => {
  const reason = unverifiedReason(`the replay failed: ${cause}`);
  return attempts.map(() => ({ verified: false, reason }));
};

/** Replays on the page, one batch per turn of the event loop. */
export const pageReplayer = (): Replayer => ({
  replay: (job, attempts) =>
    new Promise((resolve) =>
      setTimeout(() => {
        try {
          resolve(attempts.map((a) => verifyAttempt(job.scenario, a)));
        } catch (error) {
          resolve(failed(attempts, error instanceof Error ? error.message : String(error)));
        }
      }, 0),
    ),
  dispose: () => {},
});

/** A replayer in a worker; null when the browser cannot start one. */
function workerReplayer(): Replayer | null {
  let worker: Worker;
  try {
    worker = new Worker(workerUrl, { type: 'module' });
  } catch {
    return null;
  }
  const sent = new Set<string>();
  const pending = new Map<number, { attempts: Attempt[]; resolve: (v: Verification[]) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<ReplayReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    p.resolve('results' in reply ? reply.results : failed(p.attempts, reply.error));
  };
  // The worker could not run at all (its code failed to load, say): every batch in hand fails,
  // and it is sent the scenario again with the next batch.
  worker.onerror = (event) => {
    event.preventDefault();
    for (const p of pending.values()) p.resolve(failed(p.attempts, event.message));
    pending.clear();
    sent.clear();
  };
  return {
    replay(job, attempts) {
      return new Promise((resolve) => {
        const id = next++;
        pending.set(id, { attempts, resolve });
        const first = !sent.has(job.scenarioKey);
        sent.add(job.scenarioKey);
        worker.postMessage({
          id,
          scenarioKey: job.scenarioKey,
          ...(first ? { scenario: job.scenario } : {}),
          attempts,
        } satisfies ReplayRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.resolve(failed(p.attempts, 'the view was closed.'));
      pending.clear();
    },
  };
}

let pool: Replayer[] | null = null;

/** Starts the pool of replaying workers (if not started): call it when the view opens. */
export function warmReplayers(
  size = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency || 2)),
): Replayer[] {
  if (!pool) {
    const workers = Array.from({ length: size }, workerReplayer);
    pool = workers.every((w) => w !== null) ? workers : [pageReplayer()];
    if (pool.length === 1) for (const w of workers) w?.dispose();
  }
  return pool;
}

/** Stops the pool's workers (when the view closes); batches still in hand fail. */
export function releaseReplayers(): void {
  for (const r of pool ?? []) r.dispose();
  pool = null;
}

/**
 * Replays every attempt of every job on `replayers` (by default the pool); `onBatch` hears each
 * batch's results as they arrive (the job's index, the position of the batch's first attempt in
 * the job, the verifications in order). Each replayer has `inFlight` batches in hand; a batch
 * holds at most `MAX_BATCH` attempts, fewer as the end nears. Resolves when all are done.
 */
export async function replayJobs(
  jobs: readonly ReplayJob[],
  onBatch: (job: number, start: number, results: Verification[]) => void,
  replayers: readonly Replayer[] = warmReplayers(),
  inFlight = IN_FLIGHT,
): Promise<void> {
  let job = 0;
  let start = 0;
  let left = jobs.reduce((n, j) => n + j.attempts.length, 0);
  const chains = replayers.length * inFlight;
  /** The next batch: a share of what is left small enough for every chain to get a few more. */
  const take = (): { job: number; start: number; attempts: Attempt[] } | null => {
    while (job < jobs.length && start >= jobs[job]!.attempts.length) {
      job++;
      start = 0;
    }
    if (job >= jobs.length) return null;
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(left / (chains * 2))));
    const attempts = jobs[job]!.attempts.slice(start, start + size);
    const batch = { job, start, attempts };
    start += attempts.length;
    left -= attempts.length;
    return batch;
  };
  const chain = async (r: Replayer) => {
    for (let b = take(); b; b = take())
      onBatch(b.job, b.start, await r.replay(jobs[b.job]!, b.attempts));
  };
  await Promise.all(replayers.flatMap((r) => Array.from({ length: inFlight }, () => chain(r))));
}
