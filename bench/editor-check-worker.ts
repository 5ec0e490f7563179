/** The workspace's diagnostics worker on a Node worker thread, for bench/editor.bench.ts. */
import { parentPort } from 'node:worker_threads';
import { checkWorker, type CheckRequest } from '../src/workspace/check-worker-core.ts';

const port = parentPort;
if (!port) throw new Error('run this file as a worker thread');
const handle = checkWorker((reply) => port.postMessage(reply));
port.on('message', (request: CheckRequest) => handle(request));
