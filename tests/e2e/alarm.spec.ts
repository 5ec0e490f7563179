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

test('a blood-pressure alarm sounds from a cuff reading, never from the pressure between readings', async ({
  page,
}) => {
  const scenario = await serveScenario(page, target, fixture);
  const { run, events } = await startWithEngineRun(page, target, scenario, 'practice');
  // The minute the modelled pressure first passes the alarm limit (the engine's own run).
  const limit = scenario.protocol.thresholds.alarm.systolicMax!;
  const crossing = run.view.vitalsHistory.toArray().find((v) => v.systolic > limit)?.minute;
  expect(crossing, 'the fixture’s pressure passes the alarm limit').toEqual(expect.any(Number));

  // Prepare and dose, as the best run does.
  const dosed = events.findIndex((e) => e.type !== 'trainee.choose');
  await playEvents(page, events.slice(0, dosed));
  await expect(page.locator('[data-minute]')).toHaveAttribute('data-minute', '0');
  const monitor = page.getByRole('region', { name: 'Vital signs' });
  await expect(monitor).toHaveAttribute('data-alarm', 'off');

  // (The fixture's protocol has one scheduled check, so the cuff is manual: no automatic reading.)
  // One minute at a time past the crossing: with no reading, no blood-pressure alarm sounds.
  const minute = page.locator('[data-minute]');
  for (let i = 0; i < 120; i++) {
    if (Number(await minute.getAttribute('data-minute')) > crossing!) break;
    await page.keyboard.press('m');
  }
  expect(Number(await minute.getAttribute('data-minute'))).toBeGreaterThan(crossing!);
  await expect(monitor).toHaveAttribute('data-alarm', 'off');
  const systolic = monitor.locator('[data-signal="systolic"]');
  await expect(systolic).not.toHaveAttribute('data-out-of-range');

  // The trainee's reading is above the limit: the alarm sounds, and the row is marked HIGH by
  // text, not colour alone.
  await page.getByRole('button', { name: /Check vitals/ }).click();
  await expect(page.locator('[data-nibp-reading]')).toContainText('measured just now');
  await expect(monitor).toHaveAttribute('data-alarm', 'on');
  await expect(page.locator('[data-alarm-banner]')).toContainText('Systolic blood pressure high');
  await expect(page.locator('[aria-live="assertive"]')).toContainText(
    'Alarm: Systolic blood pressure high',
  );
  await expect(systolic).toHaveAttribute('data-out-of-range', 'high');
  await expect(systolic).toContainText('HIGH');
  // The alarm sound has a caption (shown whether or not sound plays).
  await expect(page.locator('[data-caption]', { hasText: 'Monitor alarm' }).first()).toBeVisible();
});
