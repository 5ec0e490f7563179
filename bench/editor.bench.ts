/**
 * Editing a 2,000-step scenario in the workspace: a keystroke in a form field to its diagnostics
 * arriving back on the page (the UI thread's handler receives them from the worker).
 *
 * Each keystroke does what the page does: the minimal text edit and its undo entry, the text
 * handed to the workspace's check scheduler (the same code as the browser's, driving the same
 * worker code on two worker threads: one for diagnostics, one for the analysis and the map,
 * made when typing pauses),
 * then the page's own parse of the text for the forms. Keystrokes come every 120 ms (about 100
 * words a minute), so checks overlap typing as they would. A keystroke's time runs until the
 * diagnostics of a text that includes it arrive on the page. Each worker keeps one incremental
 * validator, as in the browser: a keystroke inside a step re-reads only that step (see
 * src/engine/format/validate-incremental.ts).
 * Prints p50 and p95 over 60 keystrokes after 30 keystrokes of warm-up (the first checks run
 * before the JIT has compiled the validator, several times slower: a few seconds of typing).
 * Target: p95 < 100 ms.
 * Afterwards it checks that every set of diagnostics the page received equals what a full
 * `validate` of the same text gives, and stops otherwise.
 * EDITOR_FULL=1 runs the same keystrokes with a full validation of each text in the workers
 * (as before the incremental validator), to compare at the same load.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { EditHistory } from '../src/workspace/editor/history.ts';
import { parseScenarioText } from '../src/engine/format/parse.ts';
import { validate } from '../src/engine/format/validate.ts';
import { FORMAT_VERSION } from '../src/engine/format/schema.ts';
import type { CheckReply, CheckRequest } from '../src/workspace/check-worker-core.ts';
import { CheckScheduler } from '../src/workspace/check-scheduler.ts';
import { generateScenario } from './generate-scenario.ts';

const STEPS = 2_000;
const KEYS = 60;
const WARMUP = 30;
const EVERY_MS = Number(process.env.EVERY_MS ?? 120);

// A file in the current format, as the editor writes it (an older one adds a migration warning).
const text = JSON.stringify({ ...generateScenario(STEPS), formatVersion: FORMAT_VERSION }, null, 2);
const history = new EditHistory(text);
const path = ['phases', 2, 'steps', 150, 'text'];
const typed = 'The patient opens their eyes and asks whether it is over yet.';

/** A worker thread running the workspace's check worker (TypeScript through tsx's loader). */
function startWorker(): Worker {
  const url = new URL('./editor-check-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`,
    { eval: true },
  );
}
const workers = [startWorker(), startWorker()];
// Load and compile each worker's modules before the first keystroke.
await Promise.all(
  workers.map((w, i) => {
    const ready = new Promise<void>((resolve) => w.once('message', () => resolve()));
    w.postMessage({ seq: 0, text, stage: i === 0 ? 'diagnostics' : 'details' });
    return ready;
  }),
);

/** Keystroke number (= check sequence number) → when it was typed. */
const typedAt = new Map<number, number>();
const diagnosticsMs: number[] = [];
/** Each text whose diagnostics reached the page, with those diagnostics (checked at the end). */
const received: { text: string; diagnostics: unknown; errors: number }[] = [];
const detailsMs: number[] = [];
let lastDiagnosed = 0;

const scheduler = new CheckScheduler(
  (r: CheckRequest) => workers[0]!.postMessage(r),
  (r: CheckRequest) => workers[1]!.postMessage(r),
  {
    ondiagnostics: (result, seq, checked) => {
      const now = performance.now();
      if (result.errors !== 0) throw new Error(`the edit introduced ${result.errors} errors`);
      received.push({ text: checked, diagnostics: result.diagnostics, errors: result.errors });
      for (let k = lastDiagnosed + 1; k <= seq; k++) {
        const at = typedAt.get(k);
        if (at !== undefined && k > WARMUP) diagnosticsMs.push(now - at);
      }
      lastDiagnosed = seq;
    },
    ondetails: (_details, seq) => {
      const at = typedAt.get(seq);
      if (at !== undefined && seq > WARMUP) detailsMs.push(performance.now() - at);
    },
    onerror: (message) => {
      throw new Error(message);
    },
  },
);
for (const w of workers) w.on('message', (reply: CheckReply) => scheduler.reply(reply));

function keystroke(n: number): void {
  typedAt.set(n, performance.now());
  history.apply(
    [{ kind: 'set', path, value: typed.slice(0, (n % typed.length) + 1) }],
    'type',
    'f',
  );
  if (scheduler.check(history.text) !== n) throw new Error('keystrokes and checks out of step');
  // The page's own parse of the new text, for the forms.
  if (!parseScenarioText(history.text).ok) throw new Error('the edited text no longer parses');
}

const total = KEYS + WARMUP;
for (let n = 1; n <= total; n++) {
  const started = performance.now();
  keystroke(n);
  await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - (performance.now() - started))));
}
while (scheduler.busy) await new Promise((r) => setTimeout(r, 20));
await Promise.all(workers.map((w) => w.terminate()));

// What the page was shown is what a full validation of the same text says.
for (const r of received) {
  const full = validate(r.text);
  const errors = full.diagnostics.filter((d) => d.severity === 'error').length;
  if (JSON.stringify(full.diagnostics) !== JSON.stringify(r.diagnostics) || errors !== r.errors)
    throw new Error('the diagnostics on the page differ from a full validation of the same text');
}

if (process.env.SHOW_ALL) console.log(diagnosticsMs.map((t) => t.toFixed(0)).join(' '));
const at = (times: number[], q: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
console.log(
  `Editor, ${STEPS.toLocaleString('en')}-step scenario (${Math.round(text.length / 1024)} KB), a keystroke in a step's text every ${EVERY_MS} ms, ${process.env.EDITOR_FULL === '1' ? 'a full validation per text' : 'incremental validation'}: keystroke → diagnostics on the page p95 ${at(diagnosticsMs, 0.95).toFixed(1)} ms (p50 ${at(diagnosticsMs, 0.5).toFixed(1)} ms; target < 100 ms; ${received.length} diagnostics replies, each equal to a full validation); → analysis and map p50 ${at(detailsMs, 0.5).toFixed(1)} ms (for ${detailsMs.length} of ${KEYS} keystrokes, the others overtaken); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
);
