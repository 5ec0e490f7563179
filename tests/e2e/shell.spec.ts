import { expect, test } from '@playwright/test';
import { bundledIds } from './helpers.ts';

test('the app shell shows the product name and every bundled scenario', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();
  for (const id of bundledIds) {
    await expect(page.getByText(id, { exact: true })).toBeVisible();
  }
});
