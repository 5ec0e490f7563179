import { expect, test } from '@playwright/test';
import {
  bundledIds,
  loadScenario,
  playEvents,
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
  const dosed = events.findIndex((e) => e.type !== 'trainee.choose');
  await playEvents(page, events.slice(0, dosed));
  await expect(page.locator('[data-minute]')).toHaveAttribute('data-minute', '0');
  const monitor = page.getByRole('region', { name: 'Vital signs' });
  await expect(monitor).toHaveAttribute('data-alarm', 'off');

  // Go on as the best run does (time moves only by "advance" or one minute) until the alarm minute.
  for (const event of events.slice(dosed)) {
    const minute = Number(await page.locator('[data-minute]').getAttribute('data-minute'));
    if (minute >= raisedAt!) break;
    await playEvents(page, [event]);
  }

  await expect(monitor).toHaveAttribute('data-alarm', 'on');
  await expect(page.locator('[data-alarm-banner]')).toContainText('Systolic blood pressure high');
  await expect(page.locator('[aria-live="assertive"]')).toContainText(
    'Alarm: Systolic blood pressure high',
  );
  // The pressure is known only from the cuff: until a reading, the row is not marked and the
  // alarm asks for one; the check's reading is marked HIGH by text, not colour alone.
  const systolic = monitor.locator('[data-signal="systolic"]');
  const reading = page.locator('[data-nibp-reading]');
  // (The fixture's protocol has one scheduled check, so the cuff is manual: no automatic reading.)
  await expect(systolic).not.toHaveAttribute('data-out-of-range');
  await expect(page.locator('[data-alarm-banner]')).toContainText('check vitals for a reading');
  await page.getByRole('button', { name: /Check vitals/ }).click();
  await expect(reading).toContainText('measured just now');
  await expect(systolic).toHaveAttribute('data-out-of-range', 'high');
  await expect(systolic).toContainText('HIGH');
  // The alarm sound has a caption (shown whether or not sound plays).
  await expect(page.locator('[data-caption]', { hasText: 'Monitor alarm' }).first()).toBeVisible();
});
