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

test('the file pickers show the keyboard focus as buttons do', async ({ page }) => {
  /** The outline of the picker's label once its input has the keyboard focus (by Tab). */
  const ringOf = async (input: string) => {
    const picker = page.locator(input);
    // Tab from the control just before the picker, so the focus is a keyboard focus.
    await picker.evaluate((el) => {
      const all = [
        ...document.querySelectorAll<HTMLElement>('button, a[href], input, select'),
      ].filter((e) => e === el || !(e as HTMLButtonElement).disabled);
      all[all.indexOf(el as HTMLElement) - 1]?.focus();
    });
    await page.keyboard.press('Tab');
    await expect(picker).toBeFocused();
    return picker.evaluate((el) => {
      const style = getComputedStyle(el.closest('label')!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
  };
  await page.goto('/#/history');
  await expect(page.locator('[data-empty]')).toBeVisible();
  expect(await ringOf('[data-import]')).toBe('solid 3px');
  await page.goto('/#/cohort');
  expect(await ringOf('[data-cohort-files]')).toBe('solid 3px');
  expect(await ringOf('[data-cohort-folder]')).toBe('solid 3px');
  // A button's ring, for comparison: the same.
  await page.locator('[data-cohort-forget]').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-cohort-forget]')).toBeFocused();
  expect(
    await page
      .locator('[data-cohort-forget]')
      .evaluate(
        (el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
      ),
  ).toBe('solid 3px');
});
