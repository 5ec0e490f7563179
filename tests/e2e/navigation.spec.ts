import { expect, test } from '@playwright/test';
import {
  bundled,
  bundledIds,
  chooseByKey,
  playEvents,
  savedAttempt,
  skipReflection,
  startWithEngineRun,
} from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('an unknown scenario address shows a message and a way back, not a blank page', async ({
  page,
}) => {
  await page.goto('/#/scenario/no-such-scenario');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no bundled scenario called "no-such-scenario"');
  await alert.getByRole('link', { name: 'Back to the scenario library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();
});

test('the session clock runs by itself after dosing at the chosen speed, and stops on request', async ({
  page,
}) => {
  const scenario = bundled(id);
  const { events } = await startWithEngineRun(page, id, scenario, 'practice');
  // Choose up to the dose with the clock stopped.
  const dosed = events.findIndex((e) => e.type === 'clock.advance' || e.type === 'trainee.act');
  for (const e of events.slice(0, dosed))
    if (e.type === 'trainee.choose') await chooseByKey(page, e.optionId);
  const clock = page.locator('[data-minute]');
  await expect(clock).toHaveAttribute('data-minute', '0');

  // The dose's practice feedback holds the clock until the trainee goes on.
  await expect(page.locator('[data-clock-state]')).toHaveText('held while you read the feedback');
  await page.getByLabel('Speed').selectOption('16');
  await page.getByRole('button', { name: 'Continue the clock' }).click();
  await page.getByRole('button', { name: 'Run clock' }).click();
  await expect(clock).not.toHaveAttribute('data-minute', '0');
  await page.getByRole('button', { name: 'Stop clock' }).click();
  const stoppedAt = await clock.getAttribute('data-minute');
  // Stopped means no further clock events are saved.
  const saved = (await savedAttempt(page, id)).events.length;
  await page.getByRole('button', { name: 'Check vitals' }).click();
  expect((await savedAttempt(page, id)).events.length).toBe(saved + 1);
  // The measurement takes the cuff's one minute; nothing else moves the stopped clock.
  await expect(clock).toHaveAttribute('data-minute', String(Number(stoppedAt) + 1));
});

test('after a reload, a finished attempt can be reviewed from the briefing', async ({ page }) => {
  const scenario = bundled(id);
  const { run: best, events } = await startWithEngineRun(page, id, scenario, 'assessment');
  await playEvents(page, events);
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  await page.goto(`/#/scenario/${id}`);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume where you left off' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Review the debrief of your last attempt' }).click();
  await skipReflection(page);
  await expect(page.locator('[data-verdict]')).toContainText(`overall ${best.report.overall}%`);
});
