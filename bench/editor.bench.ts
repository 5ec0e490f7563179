/**
 * Editing a 2,000-step scenario in the workspace: one keystroke in a form field to updated
 * diagnostics. Each sample does what the page and the diagnostics worker do for a keystroke:
 * the minimal text edit and its undo entry, the safe parse the forms read, the check in the
 * worker (validate, analyze, map) and the structured clone that carries the result back (the
 * scenario object itself is rebuilt from the page's parse, not copied).
 * Prints p50 and p95 over 60 keystrokes after warm-up. Target: p95 < 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { EditHistory } from '../src/workspace/editor/history.ts';
import { parseScenarioText } from '../src/engine/format/parse.ts';
import { checkForWorker, completeCheck } from '../src/workspace/check.ts';
import { generateScenario } from './generate-scenario.ts';

const STEPS = 2_000;
const KEYS = 60;
const WARMUP = 5;

const text = JSON.stringify(generateScenario(STEPS), null, 2);
const history = new EditHistory(text);
const path = ['phases', 2, 'steps', 150, 'text'];
const typed = 'The patient opens their eyes and asks whether it is over yet.';

function keystroke(n: number): number {
  const t0 = performance.now();
  history.apply(
    [{ kind: 'set', path, value: typed.slice(0, (n % typed.length) + 1) }],
    'type',
    'f',
  );
  const parsed = parseScenarioText(history.text);
  if (!parsed.ok) throw new Error('the edited text no longer parses');
  const result = completeCheck(
    structuredClone(checkForWorker(history.text)),
    history.text,
    parsed.value,
  );
  if (result.errors !== 0) throw new Error(`the edit introduced ${result.errors} errors`);
  return performance.now() - t0;
}

for (let i = 0; i < WARMUP; i++) keystroke(i);
const times = Array.from({ length: KEYS }, (_, i) => keystroke(i + WARMUP)).sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(
  `Editor, ${STEPS.toLocaleString('en')}-step scenario (${Math.round(text.length / 1024)} KB): keystroke → updated diagnostics p95 ${at(0.95).toFixed(1)} ms (p50 ${at(0.5).toFixed(1)} ms; target < 100 ms)`,
);
