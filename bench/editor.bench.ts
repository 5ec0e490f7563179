/**
 * Editing a 2,000-step scenario in the workspace: a keystroke in a form field to its diagnostics
 * posted back to the page (the UI thread's message handler receives them).
 *
 * Each keystroke does what the page does: the minimal text edit and its undo entry, the text
 * posted to the diagnostics worker (the same worker code as the browser's, on a worker thread;
 * one text in flight, newer texts replace a waiting one), then the page's own parse for the forms.
 * The worker validates and posts the diagnostics, then (unless a newer text came) the analysis
 * and the map. Keystrokes come every 120 ms (about 100 words a minute), so the analysis of one
 * keystroke overlaps the next one as it would while typing. A keystroke's time runs until the
 * diagnostics of a text that includes it arrive on the page.
 * Prints p50 and p95 over 60 keystrokes after warm-up. Target: p95 < 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { EditHistory } from '../src/workspace/editor/history.ts';
import { parseScenarioText } from '../src/engine/format/parse.ts';
import { FORMAT_VERSION } from '../src/engine/format/schema.ts';
import type { CheckReply } from '../src/workspace/check-worker-core.ts';
import { generateScenario } from './generate-scenario.ts';

const STEPS = 2_000;
const KEYS = 60;
const WARMUP = 10;
const EVERY_MS = Number(process.env.EVERY_MS ?? 120);

// A file in the current format, as the editor writes it (an older one adds a migration warning).
const text = JSON.stringify({ ...generateScenario(STEPS), formatVersion: FORMAT_VERSION }, null, 2);
const history = new EditHistory(text);
const path = ['phases', 2, 'steps', 150, 'text'];
const typed = 'The patient opens their eyes and asks whether it is over yet.';

// The worker thread loads TypeScript through tsx's loader, registered before the worker module.
const worker = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
    new URL('./editor-check-worker.ts', import.meta.url).href,
  )}); });`,
  { eval: true },
);

/** Keystroke number → when it was typed; resolved when diagnostics including it arrive. */
const typedAt = new Map<number, number>();
const diagnosticsMs: number[] = [];
const detailsMs: number[] = [];
let inFlight: { seq: number; text: string } | null = null;
let waiting: { seq: number; text: string } | null = null;
let lastDiagnosed = 0;

function send(): void {
  if (inFlight || !waiting) return;
  inFlight = waiting;
  waiting = null;
  worker.postMessage(inFlight);
}

worker.on('message', (reply: CheckReply) => {
  const now = performance.now();
  if ('error' in reply) throw new Error(reply.error);
  if (reply.stage === 'details') {
    const at = typedAt.get(reply.seq);
    if (at !== undefined && reply.seq > WARMUP) detailsMs.push(now - at);
    return;
  }
  if (reply.result.errors !== 0)
    throw new Error(`the edit introduced ${reply.result.errors} errors`);
  for (let k = lastDiagnosed + 1; k <= reply.seq; k++) {
    const at = typedAt.get(k);
    if (at !== undefined && k > WARMUP) diagnosticsMs.push(now - at);
  }
  lastDiagnosed = reply.seq;
  inFlight = null;
  send();
});

function keystroke(n: number): void {
  typedAt.set(n, performance.now());
  history.apply(
    [{ kind: 'set', path, value: typed.slice(0, (n % typed.length) + 1) }],
    'type',
    'f',
  );
  waiting = { seq: n, text: history.text };
  send();
  // The page's own parse of the new text, for the forms.
  if (!parseScenarioText(history.text).ok) throw new Error('the edited text no longer parses');
}

// Start the worker (loading and compiling its modules) before the first keystroke.
const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
worker.postMessage({ seq: 0, text });
await ready;
await new Promise((r) => setTimeout(r, 1000));

const total = KEYS + WARMUP;
for (let n = 1; n <= total; n++) {
  const started = performance.now();
  keystroke(n);
  await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - (performance.now() - started))));
}
while (lastDiagnosed < total) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500));
await worker.terminate();

const at = (times: number[], q: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
console.log(
  `Editor, ${STEPS.toLocaleString('en')}-step scenario (${Math.round(text.length / 1024)} KB), a keystroke every ${EVERY_MS} ms: keystroke → diagnostics posted back to the page p95 ${at(diagnosticsMs, 0.95).toFixed(1)} ms (p50 ${at(diagnosticsMs, 0.5).toFixed(1)} ms; target < 100 ms); → analysis and map p50 ${at(detailsMs, 0.5).toFixed(1)} ms (${detailsMs.length} of ${KEYS} keystrokes got them before the next)`,
);
