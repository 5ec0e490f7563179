/**
 * A workspace check worker on a Node worker thread, for bench/editor.bench.ts. With
 * EDITOR_FULL=1 it validates each text in full (no incremental validator), for comparison.
 */
import { parentPort } from 'node:worker_threads';
import { answer, type CheckReply, type CheckRequest } from '../src/workspace/check-worker-core.ts';
import { detail, diagnose, forWorker } from '../src/workspace/check.ts';

const full = ({ seq, text, stage }: CheckRequest): CheckReply => {
  const diagnosed = diagnose(text);
  return stage === 'diagnostics'
    ? { seq, stage, result: forWorker(diagnosed) }
    : { seq, stage, details: detail(text, diagnosed) };
};

const port = parentPort;
if (!port) throw new Error('run this file as a worker thread');
const check = process.env.EDITOR_FULL === '1' ? full : answer;
port.on('message', (request: CheckRequest) => port.postMessage(check(request)));
