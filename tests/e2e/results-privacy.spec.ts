import { expect, test } from '@playwright/test';
import { downloadText, playToDebrief } from './results-helpers.ts';

test('with no LRS configured, the app requests nothing but its own files', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));

  await playToDebrief(page);
  await page.goto('/#/history');
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
  await downloadText(page, () => page.locator('[data-export="json"]').click());
  await page.locator('[data-attempt] a').first().click();
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  await page.goto('/#/settings');
  await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'off');
  await expect(page.locator('[data-outbox]')).toHaveAttribute('data-outbox', '0');

  const elsewhere = requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
  );
  expect(requests.length).toBeGreaterThan(0);
  expect(elsewhere).toEqual([]);
});
