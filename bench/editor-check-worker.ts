/** A workspace check worker on a Node worker thread, for bench/editor.bench.ts. */
import { parentPort } from 'node:worker_threads';
import { answer, type CheckRequest } from '../src/workspace/check-worker-core.ts';

const port = parentPort;
if (!port) throw new Error('run this file as a worker thread');
port.on('message', (request: CheckRequest) => port.postMessage(answer(request)));
