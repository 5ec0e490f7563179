import { expect, test } from '@playwright/test';
import { bundledIds } from './helpers.ts';
import { playToDebrief, SHORT_SCENARIO } from './results-helpers.ts';

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

test('a finished scenario’s card says its last debrief is saved, not an attempt to resume', async ({
  page,
}) => {
  await playToDebrief(page, SHORT_SCENARIO, 'practice');
  await page.goto('/#/');
  const card = page.locator(`[data-scenario="${SHORT_SCENARIO}"]`);
  await expect(card.locator('[data-last-result]')).toHaveAttribute('data-last-result', /passed/);
  await expect(card.locator('[data-saved-debrief]')).toHaveText(
    'The last debrief is saved on this device: open the scenario to review it.',
  );
  await expect(card.locator('[data-in-progress]')).toHaveCount(0);
  // The briefing offers that debrief to review.
  await card.getByRole('link').first().click();
  await expect(
    page.getByRole('button', { name: 'Review the debrief of your last attempt' }),
  ).toBeVisible();
});
