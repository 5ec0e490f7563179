/**
 * Cohort benchmark: prints figures; asserts only that the view counted what it was given.
 *   npm run build && npx tsx bench/cohort.bench.ts
 * 500 attempts from 100 trainees (one exported file each, five attempts of two bundled
 * scenarios, played by the engine with random choices) are opened at once in the cohort view in
 * headless Chromium; the time is from handing the files to the page until every attempt is
 * replayed, counted and its figures and scenario maps drawn (target under 2 s), measured in the
 * page from its change event.
 */
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import {
  bundledScenario,
  exported,
  fileText,
  SCENARIO_A,
  SCENARIO_B,
  type CohortFile,
} from '../tests/fixtures/cohort/cohort-fixtures.ts';
import { serveBuild } from './serve-build.ts';

const TRAINEES = 100;
const PER_TRAINEE = 5;
const PORT = Number(process.env.BENCH_PORT ?? 4179);

const scenarios = [bundledScenario(SCENARIO_A), bundledScenario(SCENARIO_B)];
const files: CohortFile[] = Array.from({ length: TRAINEES }, (_, t) => {
  const trainee = `Trainee number ${t}`;
  const attempts = Array.from({ length: PER_TRAINEE }, (_, i) =>
    exported(
      {
        trainee,
        scenario: scenarios[(t + i) % 2]!,
        seed: t * PER_TRAINEE + i + 1,
        strategy: 'random',
        mode: i % 2 ? 'assessment' : 'practice',
      },
      t + i,
    ),
  );
  return { name: `trainee-${t}.json`, trainee, attempts };
});
const total = TRAINEES * PER_TRAINEE;
const bytes = files.reduce((n, f) => n + fileText(f).length, 0);

const server = await serveBuild(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() });
  const page = await browser.newPage();
  await page.goto(`${server.base}#/cohort`);
  await page.locator('[data-cohort-files]').waitFor({ state: 'attached' });
  const payload = files.map((f) => ({
    name: f.name,
    mimeType: 'application/json',
    buffer: Buffer.from(fileText(f)),
  }));
  // The clock starts when the page is handed the files (the change event), not while the test
  // harness copies 20 MB into the browser, which a real file picker does not do; it stops at the
  // first frame after every attempt is counted and both scenario maps are drawn.
  await page.evaluate(
    ({ total, maps }) => {
      const w = window as unknown as { t0: number; elapsed: Promise<number> };
      const input = document.querySelector('[data-cohort-files]')!;
      input.addEventListener('change', () => (w.t0 = performance.now()), { capture: true });
      w.elapsed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const counts = (
            document.querySelector('[data-cohort-counts]')?.textContent ?? ''
          ).replace(/\s+/g, ' ');
          if (!counts.includes(`${total} verified attempts`)) return;
          if (document.querySelectorAll('[data-cohort-map]').length < maps) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - w.t0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { total, maps: scenarios.length },
  );
  await page.locator('[data-cohort-files]').setInputFiles(payload);
  const ms = await page.evaluate(() => (window as unknown as { elapsed: Promise<number> }).elapsed);
  const counted = (await page.locator('[data-cohort-counts]').textContent())?.replace(/\s+/g, ' ');
  if (!counted?.includes(`${total} verified attempts from ${TRAINEES} trainees`))
    throw new Error(`the cohort view counted: ${counted}`);
  console.log(
    `cohort view: ${total} attempts from ${TRAINEES} trainees (${(bytes / 1e6).toFixed(1)} MB of JSON) loaded, replayed and drawn in ${ms.toFixed(0)} ms (target < 2000 ms)`,
  );
  await browser.close();
} finally {
  server.stop();
}
