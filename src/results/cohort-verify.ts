/**
 * Replaying many attempts at once for the cohort view: the attempts to replay (already deduped)
 * are cut into small batches shared by a few workers (one per processor core, at most four), each
 * worker receiving a scenario once. Results are handed back batch by batch as they arrive, so the
 * view fills in while the rest replay. Where workers are unavailable, the batches replay on the
 * page with a turn for the browser between them. Never throws: a batch that fails leaves its
 * attempts unverified with the reason.
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt, unverifiedReason, type Verification } from '../engine/index.ts';
import workerUrl from './cohort-verify.worker.ts?worker&url';

/** Attempts per batch: small, so the first figures appear soon. */
const BATCH = 20;

/** The address of the replaying code: it changes with every build that changes the replay. */
export const replayBuild = workerUrl;

/** Attempts of one scenario to replay. */
export interface ReplayJob {
  /** `<id>@<version>#<content hash>` of the scenario. */
  scenarioKey: string;
  scenario: ScenarioV1;
  attempts: Attempt[];
}

interface Batch {
  job: number;
  start: number;
  attempts: Attempt[];
}

function newWorker(): Worker | null {
  try {
    return new Worker(workerUrl, { type: 'module' });
  } catch {
    return null;
  }
}

function replayBatch(
  worker: Worker | null,
  job: ReplayJob,
  attempts: Attempt[],
  sendScenario: boolean,
): Promise<Verification[]> {
  if (!worker)
    return new Promise((resolve) =>
      setTimeout(() => resolve(attempts.map((a) => verifyAttempt(job.scenario, a))), 0),
    );
  return new Promise<Verification[]>((resolve) => {
    worker.onmessage = (event: MessageEvent<Verification[]>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const reason = unverifiedReason(`the replay failed: ${event.message}`);
      resolve(attempts.map(() => ({ verified: false, reason })));
    };
    worker.postMessage({
      scenarioKey: job.scenarioKey,
      ...(sendScenario ? { scenario: job.scenario } : {}),
      attempts,
    });
  });
}

/**
 * Replays every attempt of every job; `onBatch` hears each batch's results as they arrive (the
 * job's index, the position of the batch's first attempt in the job, the verifications in
 * order). Resolves when all are done.
 */
export async function replayJobs(
  jobs: readonly ReplayJob[],
  onBatch: (job: number, start: number, results: Verification[]) => void,
  parallel = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
): Promise<void> {
  const queue: Batch[] = [];
  jobs.forEach((j, job) => {
    for (let start = 0; start < j.attempts.length; start += BATCH)
      queue.push({ job, start, attempts: j.attempts.slice(start, start + BATCH) });
  });
  const lane = async () => {
    const worker = newWorker();
    const sent = new Set<number>();
    try {
      for (let b = queue.shift(); b !== undefined; b = queue.shift()) {
        const results = await replayBatch(worker, jobs[b.job]!, b.attempts, !sent.has(b.job));
        sent.add(b.job);
        onBatch(b.job, b.start, results);
      }
    } finally {
      worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, lane));
}
