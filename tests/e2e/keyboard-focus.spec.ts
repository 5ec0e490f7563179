/**
 * The session by keyboard alone: where focus goes when the screen opens and after a refusal, and a
 * fast clock that stops for something new instead of letting its window pass in a second.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe.ts';
import { chooseByKey, startByKeyboard, stopClock } from './helpers.ts';
import { IM_CAREFUL_TO_DOSE } from '../fixtures/engine/im-careful-path.ts';

/** The focused element's data attributes and tag, after each of `count` Tab presses. */
async function tabStops(page: Page, count: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'body';
        const data = Object.keys(el.dataset).join(',');
        const where = el.closest('[data-tour]')
          ? 'tour'
          : (el.closest('.clock, .patient, .choices, .session-side')?.classList[0] ?? 'page');
        return `${where}:${el.tagName.toLowerCase()}:${data}`;
      }),
    );
  }
  return stops;
}

test('the session opens with focus on its title; Tab then follows the page from the top', async ({
  page,
}) => {
  await startByKeyboard(page, 'im-hypertensive-response', 'assessment');
  await expect(page.locator('[data-session-title]')).toBeFocused();
  await expect(page.locator('[data-tour]')).toBeVisible();
  const stops = await tabStops(page, 40);
  expect(stops[0], 'the first Tab does not go to the transcript').not.toContain('transcript');
  const first = (where: string) => stops.findIndex((s) => s.startsWith(`${where}:`));
  const tour = first('tour');
  const clock = first('clock');
  const choices = first('choices');
  const monitor = first('session-side');
  expect(tour, 'the tour is reached').toBeGreaterThanOrEqual(0);
  expect(clock, 'the clock after the tour').toBeGreaterThan(tour);
  expect(choices, 'the choices after the clock').toBeGreaterThan(clock);
  expect(monitor, 'the monitor after the choices').toBeGreaterThan(choices);
  // Nothing uses a positive tabindex to get there.
  expect(
    await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[tabindex]')].filter((e) => e.tabIndex > 0)
          .length,
    ),
  ).toBe(0);
  // Back from the title, Shift+Tab reaches the skip link first.
  await page.locator('[data-session-title]').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
});

test('after a refused choice, focus is on the refusal’s Continue and Enter goes on', async ({
  page,
}) => {
  await startByKeyboard(page, 'hard-stop-blood-pressure', 'practice');
  await stopClock(page);
  for (const option of ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'])
    await chooseByKey(page, option);
  // Giving the lozenge before any reading is refused.
  await chooseByKey(page, 'a-bp-dose-first');
  const refusal = page.locator('[data-refusal="a-bp-dose-first"]');
  await expect(refusal).toContainText('Not possible');
  const clock = page.locator('[data-clock-hold]');
  await expect(clock).toHaveAttribute('data-clock-hold', 'refusal');
  await expect(refusal.locator('[data-refusal-continue]')).toBeFocused();
  await expectNoViolations(page, 'refusal with focus on Continue');
  await page.keyboard.press('Enter');
  await expect(clock).toHaveAttribute('data-clock-hold', 'none');
  await expect(refusal.locator('[data-refusal-continue]')).toHaveCount(0);
  await expect(page.locator('.choices button.choice').first()).toBeFocused();
});

test('faster than the default speed, the clock stops when a timed line appears and says so', async ({
  page,
}) => {
  await startByKeyboard(page, 'im-hypertensive-response', 'assessment');
  await stopClock(page);
  for (const option of IM_CAREFUL_TO_DOSE) await chooseByKey(page, option);
  const minute = page.locator('[data-minute]');
  await expect(minute).toHaveAttribute('data-minute', '0');
  await page.getByLabel('Speed').focus();
  await page.getByLabel('Speed').selectOption('4');
  await page.locator('[data-session-title]').focus();
  await page.keyboard.press('c'); // run the clock

  // The minute-4 line is offered until minute 14: the clock stops at it, and says why.
  const clock = page.locator('[data-clock-hold]');
  await expect(clock).toHaveAttribute('data-clock-hold', 'attention');
  await expect(page.locator('button[data-option="m1-silence"]')).toBeVisible();
  await expect(page.locator('[data-step-until]')).toHaveAttribute('data-step-until', '14');
  await expect(minute).toHaveAttribute('data-minute', '4');
  await expect(page.locator('[data-clock-state]')).toHaveText(
    'Clock stopped: something needs your answer',
  );
  await expect(page.locator('[data-clock-attention]')).toHaveAttribute('role', 'status');
  await expectNoViolations(page, 'clock stopped for an answer');
  // At 4 simulated minutes a second a running clock would have passed minute 14 within this wait.
  await page.waitForTimeout(3000);
  await expect(minute).toHaveAttribute('data-minute', '4');
  await expect(page.locator('button[data-option="m1-silence"]')).toBeVisible();

  // C runs it again; the clock moves on and stops for the next new thing (a step, event or alarm).
  await page.keyboard.press('c');
  await expect(minute).not.toHaveAttribute('data-minute', '4');
  await expect(clock).toHaveAttribute('data-clock-hold', 'attention');
  await expect(page.locator('[data-clock-attention]')).toBeVisible();
});
