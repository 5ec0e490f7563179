import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';

const bundled = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => f.replace(/\.json$/, ''));

test('the app shell shows the product name and every bundled scenario', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();
  for (const id of bundled) {
    await expect(page.getByText(id, { exact: true })).toBeVisible();
  }
});
