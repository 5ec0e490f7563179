import { expect, test } from '@playwright/test';
import {
  bundledIds,
  loadScenario,
  playEvents,
  serveScenario,
  startWithEngineRun,
} from './helpers.ts';

const fixture = loadScenario('tests/fixtures/ui/hostile-text.json');
const target = bundledIds[0]!;

test('scenario text containing markup is shown as text and nothing in it runs', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const scenario = await serveScenario(page, target, fixture);

  await page.goto('/');
  const card = page.locator(`[data-scenario="${target}"]`);
  await expect(card.getByRole('link')).toHaveText(
    'Hostile <script>window.__pwned = 3</script> title',
  );
  await expect(card).toContainText('Warning <img src=x onerror="window.__pwned = 1">');

  const { events } = await startWithEngineRun(page, target, scenario, 'practice');
  await expect(page.locator('[data-latest-line]')).toContainText(
    'Hello <img src=x onerror="window.__pwned = 1"> <script>',
  );
  await expect(page.locator('button[data-option="prep-ask-consent"]')).toContainText(
    'Reply <script>window.__pwned = 5</script>',
  );

  await playEvents(page, events.slice(0, 1));
  await expect(page.locator('[data-feedback]')).toContainText(
    'Feedback <img src=x onerror="window.__pwned = 6">',
  );
  await expect(page.locator('[data-feedback]')).toContainText(
    'Rationale <a href="javascript:window.__pwned=7">link</a>',
  );
  await playEvents(page, events.slice(1));

  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  // The trainee's own reflection is text too.
  await page.getByLabel(/What went well/).fill('Mine <img src=x onerror="window.__pwned = 8">');
  await page.getByRole('button', { name: 'Save and show my results' }).click();
  await expect(page.locator('[data-reflection]')).toContainText(
    'Mine <img src=x onerror="window.__pwned = 8">',
  );
  await expect(page.locator('main')).toContainText(
    'Commentary <img src=x onerror="window.__pwned = 1">',
  );

  // No element was created from scenario text, and no script ran.
  expect(await page.locator('main img, main script, main a[href^="javascript"]').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(errors).toEqual([]);
});
