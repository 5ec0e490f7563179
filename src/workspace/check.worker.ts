/**
 * The diagnostics worker: checks each text it is sent (validate, analyze, map) off the main
 * thread, so typing in the editor never waits for the validator.
 * Messages in: `{ seq, text }`; out: `{ seq, result }` or `{ seq, error }`.
 */
import { checkForWorker } from './check.ts';

self.onmessage = (event: MessageEvent<{ seq: number; text: string }>) => {
  const { seq, text } = event.data;
  try {
    self.postMessage({ seq, result: checkForWorker(text) });
  } catch (e) {
    self.postMessage({ seq, error: e instanceof Error ? e.message : String(e) });
  }
};
