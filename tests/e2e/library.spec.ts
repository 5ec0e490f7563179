import { expect, test } from '@playwright/test';
import { bundledIds } from './helpers.ts';

test('the library reads no scenario file, lists the introductory case first, and loads one scenario when opened', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop() ?? '';
    const id = bundledIds.find((x) => file.startsWith(`${x}-`));
    if (id) loaded.push(id);
  });
  await page.goto('/');
  const cards = page.locator('[data-scenario]');
  await expect(cards).toHaveCount(bundledIds.length);
  await expect(cards.first().locator('[data-order]')).toHaveText('Start here');
  await expect(cards.first()).toContainText('Introductory');
  await expect(cards.nth(1).locator('[data-order]')).toHaveText('Suggested order: 2');
  expect(loaded).toEqual([]);

  const second = (await cards.nth(1).getAttribute('data-scenario'))!;
  await cards.nth(1).getByRole('link').click();
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  expect(loaded).toEqual([second]);
});

test('a skip link leads from the top of the page to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-scenario]').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/$|\/$/); // the router's address is unchanged
});
