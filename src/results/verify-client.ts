/**
 * Verifying recorded attempts in the browser: each record's log is replayed against its bundled
 * scenario in a worker (one at a time, with progress), and the result is remembered for the
 * page's life. Where workers are unavailable, the replay runs on the page in slices with a turn
 * for the browser between them, so a long log never freezes the tab.
 */
import type { Attempt } from '../engine/attempt/index.ts';
import type { ScenarioV1 } from '../engine/format/schema.ts';
import { verifySteps, type Verification } from '../engine/results/verify.ts';
import { openScenario } from '../ui/loader.ts';
import type { HistoryRecord } from './history.ts';

/** Progress of one replay: events done of the log's total. */
export type Progress = (done: number, total: number) => void;

const known = new Map<string, Promise<Verification>>();
let worker: Worker | null | undefined;
let jobs = 0;
const waiting = new Map<
  number,
  { resolve: (v: Verification) => void; progress?: Progress; total: number }
>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ job: number; done?: number; result?: Verification }>,
    ) => {
      const { job, done, result } = event.data;
      const entry = waiting.get(job);
      if (!entry) return;
      if (result) {
        waiting.delete(job);
        entry.resolve(result);
      } else if (done !== undefined) entry.progress?.(done, entry.total);
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** On the page: a slice at a time, giving the browser a turn between slices. */
async function onPage(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing: string,
  progress?: Progress,
): Promise<Verification> {
  const steps = verifySteps(scenario, attempt, missing);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    progress?.(next.value, attempt.events.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function inWorker(
  scenario: ScenarioV1 | null,
  attempt: Attempt,
  missing: string,
  progress?: Progress,
): Promise<Verification> {
  const w = startWorker();
  if (!w) return onPage(scenario, attempt, missing, progress);
  return new Promise((resolve) => {
    const job = ++jobs;
    waiting.set(job, { resolve, total: attempt.events.length, ...(progress ? { progress } : {}) });
    w.postMessage({ job, scenario, attempt, missing });
  });
}

/**
 * The verified result of a recorded attempt (replayed from its log), or why it cannot be
 * verified. Never throws.
 */
export function verifyRecord(record: HistoryRecord, progress?: Progress): Promise<Verification> {
  let result = known.get(record.id);
  if (!result) {
    result = openScenario(record.attempt.scenarioId)
      .then((opened) =>
        inWorker(
          opened.ok ? opened.scenario : null,
          record.attempt,
          opened.ok
            ? ''
            : `the scenario "${record.attempt.scenarioId}" is not available in this build.`,
          progress,
        ),
      )
      .catch((error: unknown) => ({
        verified: false as const,
        reason: `Unverified — ${error instanceof Error ? error.message : String(error)}`,
      }));
    known.set(record.id, result);
  }
  return result;
}
