/**
 * Player benchmark: prints figures; asserts only that the run played what it claims.
 *   npm run build && npx tsx bench/player.bench.ts
 * - the player's initial JavaScript (the entry script and what it preloads), gzip
 * - choice → next step rendered (p50 / p95 / max) over a chain of 2,000 generated preparation
 *   steps put before a fixture scenario's own (so all of them are in the first phase), measured
 *   with performance marks inside headless Chromium: from the click on an option to the new
 *   step's text in the DOM with style and layout recalculated
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { serveBuild } from './serve-build.ts';
import { bundledIds, loadScenario, serveScenario } from '../tests/e2e/helpers.ts';

const STEPS = 2000;
/** BENCH_PORT lets two checkouts bench at once. */
const PORT = Number(process.env.BENCH_PORT ?? 4178);

// 1. Weigh what the browser must load before the library can render.
const html = readFileSync('dist/index.html', 'utf8');
const initial = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
].map((m) => m[1]!.replace(/^\.?\//, ''));
let gzipBytes = 0;
for (const file of initial)
  gzipBytes += gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
console.log(
  `initial JavaScript: ${initial.join(', ')} — ${(gzipBytes / 1024).toFixed(1)} KB gzip (budget 60 KB)`,
);

// 2. A long scenario: the test fixture with a chain of STEPS preparation steps before its own.
const base = loadScenario('tests/fixtures/ui/hypertension.json');
const prep = base.phases[0]!;
const chain = Array.from({ length: STEPS }, (_, i) => ({
  id: `g${i}`,
  speaker: 'patient' as const,
  text: `Line ${i}: the patient answers and waits for you.`,
  affect: i % 2 ? 'calm' : 'tense',
  options: ['x', 'y', 'z'].map((k, j) => ({
    id: `g${i}${k}`,
    kind: 'response' as const,
    text: `Answer ${k} at step ${i}`,
    points: { alliance: j },
    feedback: 'Feedback text for this answer.',
    next: i + 1 < STEPS ? `g${i + 1}` : prep.start,
  })),
}));
const scenario = {
  ...base,
  phases: [{ ...prep, start: 'g0', steps: [...chain, ...prep.steps] }, ...base.phases.slice(1)],
};

// 3. Serve the build, play every step in Chromium and read the marks.
const server = await serveBuild(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() });
  const page = await browser.newPage();
  const bundledId = bundledIds[0]!;
  await serveScenario(page, bundledId, scenario);
  await page.goto(`${server.base}#/scenario/${bundledId}`);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.locator('[data-step="g0"]').waitFor();

  const durations = await page.evaluate(async (steps) => {
    const out: number[] = [];
    for (let i = 0; i < steps; i++) {
      const button = document.querySelector<HTMLButtonElement>(`button[data-option="g${i}x"]`);
      if (!button) throw new Error(`step g${i} has no option`);
      const next = i + 1 < steps ? `g${i + 1}` : null;
      performance.mark('choose');
      button.click();
      // Svelte applies the update in a microtask; wait until the next step is in the DOM.
      for (let k = 0; k < 50 && next && !document.querySelector(`[data-step="${next}"]`); k++)
        await Promise.resolve();
      void document.body.offsetHeight; // force style and layout: the step is rendered
      performance.mark('rendered');
      out.push(performance.measure('choice', 'choose', 'rendered').duration);
      performance.clearMarks();
      performance.clearMeasures();
    }
    return out;
  }, STEPS);
  // The run did what it claims: every generated step was chosen, and the fixture's own first
  // preparation step followed.
  if (durations.length !== STEPS) throw new Error('bench run did not play every step');
  await page.locator(`[data-step="${prep.start}"]`).waitFor({ timeout: 5000 });
  const sorted = [...durations].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  console.log(
    `choice → next step rendered over ${STEPS} preparation steps: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${sorted[sorted.length - 1]!.toFixed(2)} ms (budget p95 < 16 ms)`,
  );
  const late = durations.slice(-200).sort((a, b) => a - b);
  console.log(
    `  last 200 steps (longest transcript): p95 ${late[Math.floor(0.95 * late.length)]!.toFixed(2)} ms`,
  );
  await browser.close();
} finally {
  server.stop();
}
