import { expect, test } from '@playwright/test';
import {
  bundledIds,
  chooseByKey,
  loadScenario,
  serveScenario,
  startWithEngineRun,
} from './helpers.ts';

// A test-only scenario whose blood pressure climbs past the alarm limit after dosing, served in
// place of a bundled one (nothing test-only ships in the build).
const fixture = loadScenario('tests/fixtures/ui/hypertension.json');
const target = bundledIds[0]!;

test('a rising blood pressure raises the alarm when the clock is advanced', async ({ page }) => {
  const scenario = await serveScenario(page, target, fixture);
  const { run, events } = await startWithEngineRun(page, target, scenario, 'practice');
  const raisedAt = run.report.alarmResponses[0]?.raisedAt;
  expect(raisedAt, 'the fixture raises a blood-pressure alarm').toEqual(expect.any(Number));

  // Prepare and dose, as the best run does.
  for (const event of events) {
    if (event.type !== 'trainee.choose') break;
    await chooseByKey(page, event.optionId);
  }
  await expect(page.locator('[data-minute]')).toHaveAttribute('data-minute', '0');
  const monitor = page.getByRole('region', { name: 'Vital signs' });
  await expect(monitor).toHaveAttribute('data-alarm', 'off');

  // Move time only with "advance to the next event" (or one minute) until the alarm minute.
  for (let guard = 0; guard < 40; guard++) {
    const minute = Number(await page.locator('[data-minute]').getAttribute('data-minute'));
    if (minute >= raisedAt!) break;
    const options = page.locator('[data-step-options] button[data-option]');
    if ((await options.count()) > 0 && minute < raisedAt!) {
      // A step is waiting for the trainee: answer with its first option to keep the session moving.
      await chooseByKey(page, (await options.first().getAttribute('data-option'))!);
      continue;
    }
    await page.getByRole('button', { name: /Advance to next event/ }).click();
  }

  await expect(monitor).toHaveAttribute('data-alarm', 'on');
  const systolic = monitor.locator('[data-signal="systolic"]');
  await expect(systolic).toHaveAttribute('data-out-of-range', 'high');
  await expect(systolic).toContainText('HIGH'); // marked by text, not colour alone
  await expect(page.locator('[data-alarm-banner]')).toContainText('Systolic blood pressure high');
  await expect(page.locator('[aria-live="assertive"]')).toContainText(
    'Alarm: Systolic blood pressure high',
  );
  // The alarm sound has a caption (shown whether or not sound plays).
  await expect(page.locator('[data-caption]', { hasText: 'Monitor alarm' }).first()).toBeVisible();
});
