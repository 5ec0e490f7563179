/**
 * Replaying many attempts at once for the cohort view: attempts are grouped by scenario and
 * split into batches over a few workers (one scenario copy per batch, not per attempt). Where
 * workers are unavailable, the batches replay on the page with a turn for the browser between
 * them. Never throws: a batch that fails leaves its attempts unverified with the reason.
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt, type Verification } from '../engine/index.ts';

const BATCH = 50;

/** A worker of the lane (null: replay on the page), kept for all of the lane's batches. */
function newWorker(): Worker | null {
  try {
    return new Worker(new URL('./cohort-verify.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

function replayBatch(
  worker: Worker | null,
  scenario: ScenarioV1,
  attempts: Attempt[],
): Promise<Verification[]> {
  if (!worker)
    return new Promise((resolve) =>
      setTimeout(() => resolve(attempts.map((a) => verifyAttempt(scenario, a))), 0),
    );
  return new Promise<Verification[]>((resolve) => {
    worker.onmessage = (event: MessageEvent<Verification[]>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const reason = `Unverified — the replay failed: ${event.message}`;
      resolve(attempts.map(() => ({ verified: false, reason })));
    };
    worker.postMessage({ scenario, attempts });
  });
}

/**
 * The verification of each attempt against `scenario`, in order; `progress` hears how many are
 * done. At most `parallel` batches run at once.
 */
export async function verifyMany(
  scenario: ScenarioV1,
  attempts: Attempt[],
  progress?: (done: number) => void,
  parallel = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)),
): Promise<Verification[]> {
  const results: Verification[] = new Array<Verification>(attempts.length);
  const batches: number[] = [];
  for (let i = 0; i < attempts.length; i += BATCH) batches.push(i);
  let done = 0;
  const lane = async () => {
    const worker = newWorker();
    try {
      for (let start = batches.shift(); start !== undefined; start = batches.shift()) {
        const slice = attempts.slice(start, start + BATCH);
        const verified = await replayBatch(worker, scenario, slice);
        verified.forEach((v, i) => (results[start + i] = v));
        progress?.((done += slice.length));
      }
    } finally {
      worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, lane));
  return results;
}
