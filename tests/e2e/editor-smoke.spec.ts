import { expect, test } from '@playwright/test';
test('smoke', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/workspace');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('0 errors');
  await page.locator('[data-node="prep-consent"]').click();
  await page.screenshot({ path: '/tmp/ed/1.png' });
  await page.getByLabel('Title', { exact: true }).fill('Hello');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/ed/2.png', fullPage: true });
  console.log(errors);
});
