/**
 * Replays a batch of attempts of one scenario off the main thread for the cohort view: the
 * scenario is sent once per batch. Receives `{ scenario, attempts }`; replies with the
 * verifications, in order (see engine/results/verify.ts).
 */
import type { Attempt } from '../engine/index.ts';
import type { ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt } from '../engine/index.ts';

self.onmessage = (event: MessageEvent<{ scenario: ScenarioV1; attempts: Attempt[] }>) => {
  const { scenario, attempts } = event.data;
  self.postMessage(attempts.map((a) => verifyAttempt(scenario, a)));
};
