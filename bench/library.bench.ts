/**
 * Library benchmark: prints figures, asserts nothing.
 *   npm run build && npx tsx bench/library.bench.ts
 * What the library screen costs with 5 and with 50 generated scenarios (about 300 steps each):
 * - bytes: the catalogue chunk the library downloads (gzip), beside what reading every scenario
 *   file would cost (gzip of all the files: how the library worked before the catalogue);
 * - time: from navigation to the last card rendered, in headless Chromium against the production
 *   build, with the built catalogue chunk replaced by one of N generated entries (median of 7).
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/e2e/find-chromium.ts';
import { catalogueModule } from '../src/engine/presentation/catalogue.ts';
import { generateScenario } from './generate-scenario.ts';
import { serveBuild } from './serve-build.ts';

const PORT = 4180;
const RUNS = 7;
const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'];

function files(count: number): { id: string; text: string }[] {
  const base = generateScenario(300);
  return Array.from({ length: count }, (_, i) => {
    const id = `bench-${String(i).padStart(2, '0')}`;
    const doc = {
      ...base,
      id,
      title: `Generated scenario ${i + 1}`,
      difficulty: DIFFICULTIES[i % 3],
      contentWarnings: ['Generated content warning'],
    };
    return { id, text: JSON.stringify(doc) };
  });
}

const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await serveBuild(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() });
  for (const count of [5, 50]) {
    const set = files(count);
    const catalogue = catalogueModule(set);
    const allFiles = set.reduce((sum, f) => sum + gz(f.text), 0);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.route(/\/assets\/_virtual_scenario-catalogue-[A-Za-z0-9_-]{8}\.js$/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: catalogue }),
      );
      await page.goto(server.base);
      await page
        .locator('[data-scenario]')
        .nth(count - 1)
        .waitFor();
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    console.log(
      `library with ${count} scenarios: catalogue ${kb(gz(catalogue))} gzip (every file would be ${kb(allFiles)} gzip); last card rendered after ${median(times).toFixed(0)} ms (median of ${RUNS})`,
    );
  }
  await browser.close();
} finally {
  server.stop();
}
