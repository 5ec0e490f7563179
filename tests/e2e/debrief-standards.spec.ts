import { expect, test } from '@playwright/test';
import { standardTitle } from '../../src/engine/standards/catalogue.ts';
import { bundled, bundledIds, playEvents, skipReflection, startWithEngineRun } from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('the debrief names the standards each decision breached, by title', async ({ page }) => {
  const scenario = bundled(id);
  const { run, events } = await startWithEngineRun(page, id, scenario, 'assessment', 'worst');
  await playEvents(page, events);
  await skipReflection(page);
  const breached = run.report.decisions.filter((d) => d.standards?.breaches.length);
  expect(breached.length).toBeGreaterThan(0);
  for (const d of breached) {
    const line = page.locator(`[data-decision="${d.index}"] [data-standards-breached]`);
    for (const sid of d.standards!.breaches) await expect(line).toContainText(standardTitle(sid));
  }
  const clean = run.report.decisions.find((d) => !d.standards?.breaches.length);
  if (clean)
    await expect(
      page.locator(`[data-decision="${clean.index}"] [data-standards-breached]`),
    ).toHaveCount(0);
});
