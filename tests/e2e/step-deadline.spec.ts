import { expect, test } from '@playwright/test';
import { chooseByKey, startByKeyboard, stopClock } from './helpers.ts';
import { IM_CAREFUL_TO_DOSE } from '../fixtures/engine/im-careful-path.ts';

const id = 'im-hypertensive-response';
/** A careful preparation (her tablets confirmed with the prescriber) and the injection. */
const TO_DOSE = IM_CAREFUL_TO_DOSE;

/**
 * The trainee never answers the minute-4 line. The player's clock moves on (N: to the next event,
 * M: one minute): the line stays offered up to its deadline, the minute before the minute-15 step,
 * and is withdrawn when the clock passes it; "Say nothing" cannot be chosen after that.
 */
test('a step left unanswered is withdrawn at its deadline and the session moves on', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'assessment');
  await stopClock(page);
  for (const option of TO_DOSE) await chooseByKey(page, option);
  const minute = page.locator('[data-minute]');
  await expect(minute).toHaveAttribute('data-minute', '0');
  const silence = page.locator('button[data-option="m1-silence"]');

  // To the minute-4 line, then "advance to the next event" stops at its deadline, minute 14.
  for (let i = 0; i < 10 && !(await silence.isVisible()); i++) await page.keyboard.press('n');
  await expect(silence).toBeVisible();
  await expect(minute).toHaveAttribute('data-minute', '4');
  // The panel says until when it is offered.
  await expect(page.locator('[data-step-until]')).toHaveAttribute('data-step-until', '14');
  await expect(page.locator('[data-step-until]')).toContainText(
    'Offered until minute 14 since the dose (in 10 minutes)',
  );
  await page.keyboard.press('n');
  await expect(minute).toHaveAttribute('data-minute', '14');
  await expect(silence).toBeVisible();

  // One more minute: the offer is withdrawn, the minute-15 step is on screen.
  await page.keyboard.press('m');
  await expect(minute).toHaveAttribute('data-minute', '15');
  await expect(silence).toHaveCount(0);
  await expect(page.locator('button[data-option^="m1-"]')).toHaveCount(0);
  await expect(page.locator('button[data-option="m2-check"]')).toBeVisible();
  await expect(page.locator('[data-latest-line]')).toContainText(
    'The first scheduled check after the injection is due.',
  );
  const transcript = page.locator('[data-transcript] li');
  await expect(
    transcript.filter({ hasText: 'No answer was given in time: the moment passed.' }),
  ).toHaveCount(1);

  // Further on, the minute-15 step is withdrawn in its turn: its text is not shown at minute 20.
  for (let i = 0; i < 10; i++) {
    if ((await minute.getAttribute('data-minute')) === '20') break;
    await page.keyboard.press('m');
  }
  await expect(minute).toHaveAttribute('data-minute', '20');
  await expect(page.locator('[data-latest-line]')).not.toContainText(
    'The first scheduled check after the injection is due.',
  );
  await expect(page.locator('button[data-option="m2-check"]')).toHaveCount(0);
});
