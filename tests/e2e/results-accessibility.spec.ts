import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.ts';
import { playToDebrief } from './results-helpers.ts';

test('history, an opened attempt with comments, and settings have no axe violations', async ({
  page,
}) => {
  await page.goto('/#/history');
  await expect(page.locator('[data-empty]')).toBeVisible();
  await expectNoViolations(page, 'empty history');

  await playToDebrief(page);
  await page.goto('/#/history');
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
  await expectNoViolations(page, 'history');

  await page.locator('[data-attempt] a').first().click();
  await expect(page.locator('[data-comments]')).toBeVisible();
  await page.getByLabel('Comment on decision 1', { exact: true }).fill('Well judged.');
  await page.locator('[data-add-comment="0"]').click();
  await expect(page.locator('[data-comment]')).toHaveCount(1);
  await expectNoViolations(page, 'attempt with comments');

  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-settings-problems]')).toBeVisible();
  await expectNoViolations(page, 'settings with problems');
});
