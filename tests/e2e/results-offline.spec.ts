import { expect, test } from '@playwright/test';
import { bundled } from './helpers.ts';
import { SHORT_SCENARIO } from './results-helpers.ts';

// These tests need the offline service worker (the shared config blocks it for the other tests).
test.use({ serviceWorkers: 'allow' });

test('after the first visit, the library, the player and the bundled scenarios work with the network off', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-screen="library"]')).toBeVisible();
  // The service worker has cached the app and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  const card = page.locator(`[data-scenario="${SHORT_SCENARIO}"]`);
  await expect(card.getByRole('link')).toHaveText(bundled(SHORT_SCENARIO).title);

  // A scenario opens (its own lazy file), starts and takes a choice.
  await card.getByRole('link').click();
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  await page.getByRole('button', { name: /^Start (session|a new attempt)$/ }).click();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  const first = page.locator('button[data-option]').first();
  await first.click();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();

  // Every bundled scenario is available, not just the one opened before.
  for (const id of ['trd-sublingual-first-session', 'ptsd-challenging-experience']) {
    await page.evaluate((hash) => (location.hash = hash), `#/scenario/${id}`);
    await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(bundled(id).title);
  }
  await page.evaluate(() => (location.hash = '#/history'));
  await expect(page.locator('[data-screen="history"]')).toBeVisible();
});

test('the app is installable: a valid manifest, icons and an offline service worker', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  // Test browsers run in incognito mode, where installing is never offered; nothing else may stand in the way.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});
