/**
 * Cohort benchmark: prints figures; asserts only that the view counted what it was given and
 * that what it verified is what a sequential replay gives.
 *   npm run build && npx tsx bench/cohort.bench.ts
 * 500 attempts from 100 trainees (one exported file each, five attempts of two bundled
 * scenarios, played by the engine with random choices) are opened at once in the cohort view in
 * headless Chromium. Measured in the page from its change event: the time until the view is
 * rendered with every attempt read and both scenario maps drawn, the verified figures filling in
 * as replays finish; the time until every attempt is replayed and counted (the target, under
 * 2 s), with its mean per attempt; and both again for a second opening of the same files, whose
 * replays come from the cache on the device. The results the view replayed (as kept in that
 * cache) are compared, attempt by attempt, with a sequential replay of the same logs here, whose
 * mean time per attempt is printed beside them.
 */
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import {
  bundledScenario,
  exported,
  fileText,
  SCENARIO_A,
  SCENARIO_B,
  type CohortFile,
} from '../tests/fixtures/cohort/cohort-fixtures.ts';
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { attemptId, hashScenario, verifyAttempt, type Verification } from '../src/engine/index.ts';
import { cacheKey } from '../src/results/cohort-cache.ts';
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

/**
 * Opens the files in `page` and returns, in ms from the change event: `shown` when the view shows
 * every attempt read (the counts line) with both scenario maps drawn and the replay's progress on
 * screen (or already done); `verified` when every attempt is replayed and counted.
 */
async function open(page: Page): Promise<{ shown: number; verified: number }> {
  await page.goto(`${server.base}#/cohort`);
  await page.locator('[data-cohort-files]').waitFor({ state: 'attached' });
  // A string, so that the bundler adds nothing to the code run in the page.
  await page.evaluate(`(() => {
    const w = window;
    const input = document.querySelector('[data-cohort-files]');
    input.addEventListener('change', () => (w.t0 = performance.now()), { capture: true });
    const when = (test) =>
      new Promise((resolve) => {
        const check = () => {
          const counts = (document.querySelector('[data-cohort-counts]')?.textContent ?? '')
            .replace(/\\s+/g, ' ');
          if (!test(counts)) return false;
          if (document.querySelectorAll('[data-cohort-map]').length < ${scenarios.length}) return false;
          requestAnimationFrame(() => resolve(performance.now() - w.t0));
          return true;
        };
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    w.shown = when((c) => c.includes('(${total} read'));
    w.verified = when((c) => c.includes('${total} verified attempts'));
  })()`);
  await page.locator('[data-cohort-files]').setInputFiles(payload);
  const shown = await page.evaluate(() => (window as unknown as { shown: Promise<number> }).shown);
  const verified = await page.evaluate(
    () => (window as unknown as { verified: Promise<number> }).verified,
  );
  const counted = (await page.locator('[data-cohort-counts]').textContent())?.replace(/\s+/g, ' ');
  if (!counted?.includes(`${total} verified attempts from ${TRAINEES} trainees`))
    throw new Error(`the cohort view counted: ${counted}`);
  return { shown, verified };
}

/**
 * Replays every attempt here, one after another, and checks that the view's result for each (as
 * it cached it, under its key) is the same; prints the sequential replay's mean per attempt.
 */
function compareWithSequentialReplay(cached: ReadonlyMap<string, Verification>): void {
  const worker = readdirSync('dist/assets').find((f) => /^cohort-verify\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error('No cohort replay worker in dist/assets.');
  const build = `${server.base}assets/${worker}`;
  const keys = new Map(scenarios.map((s) => [s.id, `${s.id}@${s.version}#${hashScenario(s)}`]));
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  let replayMs = 0;
  let differ = 0;
  for (const f of files)
    for (const { attempt } of f.attempts) {
      const t0 = performance.now();
      const expected = verifyAttempt(byId.get(attempt.scenarioId)!, attempt);
      replayMs += performance.now() - t0;
      const key = cacheKey(build, keys.get(attempt.scenarioId)!, attemptId(attempt));
      const got = cached.get(key);
      if (!got || !isDeepStrictEqual(got, expected)) differ++;
    }
  if (differ)
    throw new Error(`${differ} of ${total} results in the view differ from a sequential replay`);
  console.log(
    `cohort view: all ${total} results equal a sequential replay of the same logs in Node (${(replayMs / total).toFixed(2)} ms per attempt there, one thread)`,
  );
}

const payload = files.map((f) => ({
  name: f.name,
  mimeType: 'application/json',
  buffer: Buffer.from(fileText(f)),
}));
const server = await serveBuild(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() });
  const context = await browser.newContext();
  const page = await context.newPage();
  const mb = (bytes / 1e6).toFixed(1);
  // First opening: nothing cached on this device.
  const first = await open(page);
  console.log(
    `cohort view: ${total} attempts from ${TRAINEES} trainees (${mb} MB of JSON) loaded and rendered in ${first.shown.toFixed(0)} ms; every attempt replayed and counted after ${first.verified.toFixed(0)} ms (target < 2000 ms), ${(first.verified / total).toFixed(2)} ms per attempt`,
  );
  // The same files again: the replays come from the cache in IndexedDB.
  // The results are written to the cache once the view has drawn them; wait for the writes to land.
  await page.waitForFunction(
    `new Promise((resolve) => {
      const open = indexedDB.open('kap-results');
      open.onsuccess = () => {
        const count = open.result.transaction('verifications').objectStore('verifications').count();
        count.onsuccess = () => resolve(count.result >= ${total});
      };
    })`,
    undefined,
    { timeout: 60_000 },
  );
  const cached = (await page.evaluate(`new Promise((resolve) => {
    const open = indexedDB.open('kap-results');
    open.onsuccess = () => {
      const all = open.result.transaction('verifications').objectStore('verifications').getAll();
      all.onsuccess = () => resolve(all.result);
    };
  })`)) as { key: string; verification: Verification }[];
  compareWithSequentialReplay(new Map(cached.map((c) => [c.key, c.verification])));
  await page.close();
  const again = await open(await context.newPage());
  console.log(
    `cohort view, the same files again (replays cached on the device): loaded and rendered in ${again.shown.toFixed(0)} ms; every attempt counted after ${again.verified.toFixed(0)} ms`,
  );
  await browser.close();
} finally {
  server.stop();
}
