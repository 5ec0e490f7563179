/**
 * The diagnostics worker: checks each text it is sent off the main thread (see
 * check-worker-core.ts), so typing in the editor never waits for the validator.
 */
import { checkWorker, type CheckRequest } from './check-worker-core.ts';

const handle = checkWorker((reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<CheckRequest>) => handle(event.data);
