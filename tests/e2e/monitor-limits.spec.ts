import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  bundledIds,
  chooseByKey,
  loadScenario,
  serveScenario,
  startByKeyboard,
  stopClock,
} from './helpers.ts';

/** Arrives at 150/95: above the pre-dose guide 140/90, at (not above) the systolic alarm 150. */
const target = bundledIds[0]!;
const fixture = loadScenario('tests/fixtures/engine/visit/rest-and-recheck.json');

test('the monitor shows its alarm limits and marks a reading above the pre-dose guide, by more than colour', async ({
  page,
}) => {
  await serveScenario(page, target, fixture);
  await startByKeyboard(page, target, 'assessment');
  await stopClock(page);
  const systolic = page.locator('.vital[data-signal="systolic"]');
  const diastolic = page.locator('.vital[data-signal="diastolic"]');
  await expect(systolic.locator('[data-limits]')).toHaveText(
    'Limits: pre-dose guide ≤ 140 · alarm > 150',
  );
  await expect(page.locator('.vital[data-signal="spo2"] [data-limits]')).toHaveText(
    'Limits: alarm < 92',
  );
  // No cuff reading yet: the modelled 150/95 is not shown, so nothing is marked.
  await expect(page.locator('[data-nibp-reading]')).toContainText('no reading yet');
  await expect(systolic).not.toHaveAttribute('data-above-guide');
  // The check reads 150/95: marked above the guide, by a symbol and words as well as colour.
  for (const id of ['prep-consent', 'prep-screening', 'adm-check']) await chooseByKey(page, id);
  await expect(page.locator('[data-nibp-reading]')).toContainText('150/95');
  await expect(systolic).toHaveAttribute('data-above-guide', '140');
  await expect(systolic).toContainText('above the pre-dose guide 140');
  await expect(diastolic).toContainText('above the pre-dose guide 90');
  await expect(systolic).not.toHaveAttribute('data-out-of-range');
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // After fifteen minutes of rest the recheck reads below the guide: the mark goes.
  await chooseByKey(page, 'adm-rest');
  await page.keyboard.press('n');
  await chooseByKey(page, 'adm-recheck');
  await expect(systolic).not.toHaveAttribute('data-above-guide');
  await expect(systolic).not.toContainText('above the pre-dose guide');
});
