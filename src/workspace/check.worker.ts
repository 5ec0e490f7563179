/**
 * A check worker: answers each request off the main thread (see check-worker-core.ts), so
 * typing in the editor never waits for the validator.
 */
import { answer, type CheckRequest } from './check-worker-core.ts';

self.onmessage = (event: MessageEvent<CheckRequest>) => self.postMessage(answer(event.data));
