/**
 * Replays batches of attempts off the main thread for the cohort view (cohort-verify.ts). Each
 * scenario is sent once and kept by its key, so what the engine works out from a scenario once
 * (its index, score ranges and fingerprint, cached per scenario object) serves every later batch.
 * Receives a ReplayRequest; replies with the verifications in order (see
 * engine/results/verify.ts), or with why the batch failed.
 */
import type { ScenarioV1 } from '../engine/index.ts';
import { verifyAttempt } from '../engine/index.ts';
import type { ReplayReply, ReplayRequest } from './cohort-verify.ts';

const scenarios = new Map<string, ScenarioV1>();

self.onmessage = (event: MessageEvent<ReplayRequest>) => {
  const { id, scenarioKey, scenario, attempts } = event.data;
  let reply: ReplayReply;
  try {
    if (scenario) scenarios.set(scenarioKey, scenario);
    const known = scenarios.get(scenarioKey) ?? null;
    reply = {
      id,
      results: attempts.map((a) =>
        verifyAttempt(known, a, 'the scenario did not reach the replay.'),
      ),
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
