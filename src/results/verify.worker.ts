/**
 * Replays attempts off the main thread (see engine/results/verify.ts), posting progress after
 * every slice so the page can show it. Receives `{ job, scenario, attempt, missing }`; replies
 * `{ job, done }` while working and `{ job, result }` at the end.
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { verifySteps } from '../engine/index.ts';

interface Job {
  job: number;
  scenario: ScenarioV1 | null;
  attempt: Attempt;
  missing?: string;
}

self.onmessage = (event: MessageEvent<Job>) => {
  const { job, scenario, attempt, missing } = event.data;
  const steps = verifySteps(scenario, attempt, missing);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      self.postMessage({ job, result: next.value });
      return;
    }
    self.postMessage({ job, done: next.value });
  }
};
