import { expect, test } from '@playwright/test';
import {
  bundledIds,
  chooseByKey,
  loadScenario,
  serveScenario,
  startByKeyboard,
  stopClock,
} from './helpers.ts';

/** The rest-and-recheck visit: a raised pre-dose blood pressure, a rest of 15 minutes, a recheck. */
const target = bundledIds[0]!;
const fixture = loadScenario('tests/fixtures/engine/visit/rest-and-recheck.json');
const TO_REST = ['prep-consent', 'prep-screening', 'adm-check', 'adm-rest'];

test.beforeEach(async ({ page }) => {
  await serveScenario(page, target, fixture);
});

test('before the dose the trainee rests and rechecks in real minutes, advancing to the recheck', async ({
  page,
}) => {
  await startByKeyboard(page, target, 'assessment');
  await stopClock(page);
  for (const id of TO_REST) await chooseByKey(page, id);
  const clock = page.locator('[data-arrival-minute]');
  const arrival = Number(await clock.getAttribute('data-arrival-minute'));
  await expect(page.locator('[data-clock]')).toHaveText('· no dose yet');
  // The rested step comes at minute 15 since arrival: "advance" says how far it is and goes there.
  const advance = page.locator('[data-advance]');
  await expect(advance).toBeEnabled();
  await expect(advance).toHaveText(
    `Advance to next event: minute 15 since arrival (in ${15 - arrival} minutes)`,
  );
  await page.keyboard.press('n');
  await expect(clock).toHaveAttribute('data-arrival-minute', '15');
  await expect(page.locator('[data-clock-arrival]')).toHaveText('15 minutes since arrival');
  await chooseByKey(page, 'adm-recheck');
  await chooseByKey(page, 'adm-give-rested');
  await expect(page.locator('[data-minute]')).toHaveAttribute('data-minute', '0');
  await expect(page.locator('[data-clock]')).toContainText('0 minutes since the dose');
  await expect(page.locator('[data-clock-arrival]')).toHaveText('15 minutes since arrival');
});

test('the running clock passes pre-dose minutes by itself; +1 minute works before the dose', async ({
  page,
}) => {
  await startByKeyboard(page, target, 'assessment');
  await stopClock(page);
  for (const id of TO_REST) await chooseByKey(page, id);
  const clock = page.locator('[data-arrival-minute]');
  await expect(clock).toHaveAttribute('data-arrival-minute', '0');
  await page.keyboard.press('m');
  await expect(clock).toHaveAttribute('data-arrival-minute', '1');
  await page.getByLabel('Speed').selectOption('16');
  await page.keyboard.press('c');
  await expect(page.locator('[data-clock-state]')).toHaveText(
    'running, 16 simulated minutes per second',
  );
  // The rest passes with no one pressing anything: the rested step appears at minute 15.
  await expect(page.locator('button[data-option="adm-recheck"]')).toBeVisible();
  expect(Number(await clock.getAttribute('data-arrival-minute'))).toBeGreaterThanOrEqual(15);
  await expect(page.locator('[data-minute]')).toHaveAttribute('data-minute', 'none');
});
