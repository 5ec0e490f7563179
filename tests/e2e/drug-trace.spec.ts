import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.ts';
import {
  bundledIds,
  loadScenario,
  playEvents,
  serveScenario,
  skipReflection,
  startWithEngineRun,
} from './helpers.ts';

/** A visit with a drug model (a patient weight): a lozenge, and a booster the protocol allows. */
const target = bundledIds[0]!;
const fixture = loadScenario('tests/fixtures/engine/visit/booster-lozenge.json');

test('the modelled effect-site concentration is an optional, remembered trace with its doses, in the monitor and the debrief', async ({
  page,
}) => {
  test.slow();
  const scenario = await serveScenario(page, target, fixture);
  const { events } = await startWithEngineRun(page, target, scenario, 'assessment');
  // Up to twenty minutes after the dose.
  let dosedAt = -1;
  let minutes = 0;
  let upTo = events.length;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'trainee.choose' && e.optionId === 'adm-give') dosedAt = i;
    if (dosedAt >= 0 && e.type === 'clock.advance') minutes += e.minutes;
    if (minutes >= 20) {
      upTo = i + 1;
      break;
    }
  }
  expect(dosedAt, 'the best path doses').toBeGreaterThanOrEqual(0);
  await playEvents(page, events.slice(0, upTo));

  const monitor = page.locator('.monitor');
  const toggle = monitor.getByLabel('Show the modelled drug effect (effect-site concentration)');
  await expect(toggle).not.toBeChecked();
  await expect(monitor.locator('[data-panel="drug"]')).toHaveCount(0);
  await toggle.check();
  const chart = monitor.getByRole('img', { name: /Modelled effect-site concentration/ });
  await expect(chart).toBeVisible();
  // The text alternative gives the values and the dose on the time axis.
  const summary = monitor.locator('[data-drug-summary]');
  await expect(summary).toContainText(/Effect-site concentration now \d+(\.\d)? ng\/mL/);
  await expect(summary).toContainText('at minute 0');
  await expect(summary).toContainText('A model of the drug, not a measurement');
  await expectNoViolations(page, 'session with the drug trace');

  // Remembered across a reload.
  await page.reload();
  await expect(
    page
      .locator('.monitor')
      .getByLabel('Show the modelled drug effect (effect-site concentration)'),
  ).toBeChecked();
  await expect(page.locator('.monitor [data-panel="drug"]')).toBeVisible();

  // The debrief shows the same trace under the vitals charts.
  await playEvents(page, events.slice(upTo));
  await skipReflection(page);
  const debriefTrace = page.locator('[data-screen="debrief"] [data-panel="drug"]');
  await expect(debriefTrace.getByRole('img')).toBeVisible();
  await expect(debriefTrace.locator('[data-drug-summary]')).toContainText('Doses:');
  await expectNoViolations(page, 'debrief with the drug trace');
});
