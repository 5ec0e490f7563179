/**
 * Lighthouse (mobile, the default settings) on the player's library and session screens.
 * Prints the performance and accessibility scores; asserts only that both were measured.
 *   npm run build && npx tsx bench/lighthouse.bench.ts
 * Budgets: performance ≥ 0.95 and accessibility 1.0 on both screens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { bundledIds } from '../tests/e2e/helpers.ts';
import { serveBuild } from './serve-build.ts';

/** BENCH_PORT lets two checkouts bench at once (the debugging port is the next but one). */
const PORT = Number(process.env.BENCH_PORT ?? 4178) + 1;
const DEBUG_PORT = PORT + 5155;

const server = await serveBuild(PORT);
const base = server.base;
const profile = mkdtempSync(join(tmpdir(), 'kap-lighthouse-'));

try {
  // One browser profile: a session started here is what Lighthouse's tab resumes.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: [`--remote-debugging-port=${DEBUG_PORT}`],
  });
  const page = await context.newPage();
  const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;
  await page.goto(`${base}#/scenario/${id}`);
  await page.getByRole('button', { name: 'Start session' }).click();
  await page.locator('[data-screen="session"]').waitFor();
  await page.close();

  const screens = [
    { name: 'library', url: base },
    { name: 'session', url: `${base}#/session/${id}` },
  ];
  for (const screen of screens) {
    const result = await lighthouse(screen.url, {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableStorageReset: true,
    });
    const categories = result?.lhr.categories;
    const perf = categories?.performance?.score;
    const a11y = categories?.accessibility?.score;
    // The run did what it claims: the page loaded and both categories were scored.
    if (result?.lhr.runtimeError || typeof perf !== 'number' || typeof a11y !== 'number')
      throw new Error(
        `bench run did not do what it claims: Lighthouse could not score the ${screen.name} screen (${result?.lhr.runtimeError?.message ?? 'no score'})`,
      );
    console.log(`${screen.name}: performance ${perf}, accessibility ${a11y}`);
    const failing = Object.values(result?.lhr.audits ?? {}).filter(
      (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary',
    );
    for (const a of failing) console.log(`  not passed: ${a.id} — ${a.title}`);
    const audits = result?.lhr.audits ?? {};
    const metrics = [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ];
    console.log(`  ${metrics.map((m) => `${m}: ${audits[m]?.displayValue ?? 'n/a'}`).join(', ')}`);
    if (process.env.LH_DEBUG) {
      for (const a of Object.values(audits))
        if (a.score !== null && a.score < 0.9 && a.details)
          console.log(`  ${a.id}: ${a.displayValue ?? ''} ${a.score}`);
    }
  }
  await context.close();
} finally {
  server.stop();
  rmSync(profile, { recursive: true, force: true });
}
