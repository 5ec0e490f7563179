/**
 * Replays batches of attempts off the main thread for the cohort view. Each scenario is sent to
 * a worker once and kept by its key. Receives `{ scenarioKey, scenario?, attempts }`; replies
 * with the verifications, in order (see engine/results/verify.ts).
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt } from '../engine/index.ts';

const scenarios = new Map<string, ScenarioV1>();

self.onmessage = (
  event: MessageEvent<{ scenarioKey: string; scenario?: ScenarioV1; attempts: Attempt[] }>,
) => {
  const { scenarioKey, scenario, attempts } = event.data;
  if (scenario) scenarios.set(scenarioKey, scenario);
  const known = scenarios.get(scenarioKey) ?? null;
  self.postMessage(
    attempts.map((a) => verifyAttempt(known, a, 'the scenario did not reach the replay.')),
  );
};
