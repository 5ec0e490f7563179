import { expect, test } from '@playwright/test';
import {
  bundled,
  bundledIds,
  chooseByKey,
  loadScenario,
  playEvents,
  serveScenario,
  startByKeyboard,
  startWithEngineRun,
  stopClock,
} from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

/** The first option the current step offers. */
async function firstOption(page: import('@playwright/test').Page) {
  return (await page
    .locator('[data-step-options] button[data-option]')
    .first()
    .getAttribute('data-option'))!;
}

test('practice mode shows feedback after a choice and lets the trainee retry it', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const option = await firstOption(page);
  await chooseByKey(page, option);
  const feedback = page.getByRole('region', { name: 'Feedback on your choice' });
  await expect(feedback).toBeVisible();
  await expect(feedback).toHaveAttribute('data-feedback', option);
  // Focus moves to the feedback so a screen-reader user hears it.
  await expect(page.locator('#feedback-heading')).toBeFocused();

  const transcriptBefore = await page.locator('[data-transcript] li').count();
  await page.getByRole('button', { name: 'Retry this choice' }).press('Enter');
  await expect(feedback).toHaveCount(0);
  await expect(page.locator(`button[data-option="${option}"]`)).toBeVisible();
  expect(await page.locator('[data-transcript] li').count()).toBeLessThan(transcriptBefore);
});

test('assessment mode shows no feedback and no retry until the debrief', async ({ page }) => {
  await startByKeyboard(page, id, 'assessment');
  await stopClock(page);
  const option = await firstOption(page);
  await chooseByKey(page, option);
  await expect(page.locator('[data-transcript]')).toContainText('You:');
  await expect(page.locator('[data-feedback]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry this choice' })).toHaveCount(0);
  // The choice is kept: focus moved on to the next options.
  await expect(page.locator('.choices button.choice').first()).toBeFocused();
});

test('a refused action shows why it was refused and changes nothing', async ({ page }) => {
  const scenario = await serveScenario(
    page,
    id,
    loadScenario('tests/fixtures/ui/hypertension.json'),
  );
  const { run, events } = await startWithEngineRun(page, id, scenario, 'practice');
  expect(run.ok).toBe(true);
  // Play the best run, but skip arranging transport: discharge must then be refused.
  const escort = events.findIndex(
    (e) => e.type === 'trainee.choose' && e.optionId === 'int-escort',
  );
  await playEvents(page, events.slice(0, escort));
  await chooseByKey(page, 'int-allow');
  await chooseByKey(page, 'int-go');
  // The reason sits next to the option that caused it, and holds the clock while it is read.
  const refusal = page
    .getByRole('listitem')
    .filter({ has: page.locator('button[data-option="int-go"]') })
    .locator('[data-refusal="int-go"]');
  await expect(refusal).toHaveAttribute('role', 'alert');
  await expect(refusal).toContainText(/transport|escort/i);
  const clock = page.locator('[data-clock-hold]');
  await expect(clock).toHaveAttribute('data-clock-hold', 'refusal');
  await refusal.getByRole('button', { name: 'Continue' }).click();
  await expect(clock).toHaveAttribute('data-clock-hold', 'none');
  await expect(page.locator('[data-screen="session"]')).toHaveAttribute('data-status', 'running');
  await expect(page.locator('button[data-option="int-go"]')).toBeVisible();
});

test('pause and leave work at any time without penalty', async ({ page }) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  await page.getByRole('button', { name: 'Pause session' }).click();
  await expect(page.locator('[data-screen="session"]')).toHaveAttribute('data-paused', 'true');
  await expect(page.getByRole('heading', { name: 'Session paused' })).toBeVisible();
  await expect(page.locator('button[data-option]').first()).toBeDisabled();
  await page.getByRole('button', { name: 'Resume session' }).first().click();
  await expect(page.locator('button[data-option]').first()).toBeEnabled();

  // Leaving asks first; staying changes nothing.
  await page.getByRole('button', { name: 'Leave session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave this session?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it and leave' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-screen="session"]')).toHaveAttribute('data-status', 'running');

  // Ending the attempt leaves with no score and keeps nothing.
  await page.getByRole('button', { name: 'Leave session' }).click();
  await dialog.getByRole('button', { name: 'End the attempt' }).click();
  await expect(page.locator('[data-screen="library"]')).toBeVisible();
  await expect(page.locator(`[data-scenario="${id}"] [data-last-result]`)).toHaveAttribute(
    'data-last-result',
    'none',
  );
  expect(await page.evaluate((key) => localStorage.getItem(key), `kap.attempt.${id}`)).toBeNull();
});

test('leaving for now keeps the attempt, paused, to resume from the briefing', async ({ page }) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const option = await firstOption(page);
  await chooseByKey(page, option);
  await page.getByRole('button', { name: 'Leave session' }).click();
  await page
    .getByRole('dialog', { name: 'Leave this session?' })
    .getByRole('button', { name: 'Keep it and leave' })
    .click();
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  await expect(page.locator('[data-screen="session"]')).toHaveAttribute('data-paused', 'true');
  await expect(page.locator('[data-transcript]')).toContainText('You:');
});

test('practice feedback holds the running clock until the trainee goes on', async ({ page }) => {
  const { events } = await startWithEngineRun(page, id, bundled(id), 'practice');
  const dosed = events.findIndex((e) => e.type === 'clock.advance' || e.type === 'trainee.act');
  await page.getByLabel('Speed').selectOption('16');
  await page.keyboard.press('c'); // run the clock again (the helper stopped it)
  for (const e of events.slice(0, dosed))
    if (e.type === 'trainee.choose') await chooseByKey(page, e.optionId);
  const clock = page.locator('[data-minute]');
  await expect(page.locator('[data-feedback]')).toBeVisible();
  await expect(page.locator('[data-clock-state]')).toHaveText('held while you read the feedback');
  await expect(page.locator('[data-clock-hint]')).toContainText(
    'The clock holds while feedback or a refusal is on screen',
  );
  // At 16 simulated minutes a second, a running clock would have moved within this wait.
  await page.waitForTimeout(1000);
  await expect(clock).toHaveAttribute('data-minute', '0');
  await page.getByRole('button', { name: 'Continue (the clock runs again)' }).click();
  await expect(clock).not.toHaveAttribute('data-minute', '0');
});

test('the clock reads sensibly before dosing and while paused; the default speed suits reading', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'practice');
  await expect(page.locator('[data-clock-arrival]')).toContainText('since arrival');
  await expect(page.locator('[data-clock]')).toHaveText('· no dose yet');
  await expect(page.getByLabel('Speed')).toHaveValue('0.25');
  await expect(page.getByLabel('Speed').locator('option:checked')).toHaveText(
    '1 simulated minute every 4 seconds',
  );
  await page.getByRole('button', { name: 'Pause session' }).click();
  await expect(page.locator('[data-clock-toggle]')).toBeDisabled();
  await expect(page.locator('[data-advance]')).toBeDisabled();
  await expect(page.locator('[data-advance-minute]')).toBeDisabled();
  await expect(page.locator('[data-clock-state]')).toHaveText('paused with the session');
  await expect(page.locator('[data-clock-hint]')).toContainText('The session is paused');
});

test('after "advance to the next event" brings new choices, focus moves to the first of them', async ({
  page,
}) => {
  const { events } = await startWithEngineRun(page, id, bundled(id), 'assessment');
  const choices = page.locator('.choices button.choice');
  for (const event of events) {
    const waiting = event.type === 'clock.advance' && (await choices.count()) === 0;
    await playEvents(page, [event]);
    if (waiting && (await choices.count()) > 0) {
      await expect(choices.first()).toBeFocused();
      return;
    }
  }
  throw new Error('The run never waited for new choices.');
});

test('while feedback holds the clock and no choice is needed, Enter continues as the Continue button does', async ({
  page,
}) => {
  const { events } = await startWithEngineRun(page, id, bundled(id), 'practice');
  const dosed = events.findIndex((e) => e.type === 'clock.advance' || e.type === 'trainee.act');
  await page.getByLabel('Speed').selectOption('16');
  await page.keyboard.press('c'); // run the clock again (the helper stopped it)
  for (const e of events.slice(0, dosed))
    if (e.type === 'trainee.choose') await chooseByKey(page, e.optionId);
  await expect(page.locator('[data-clock-state]')).toHaveText('held while you read the feedback');
  await expect(page.getByText('No choice is needed right now.')).toBeVisible();
  await expect(page.locator('.choices .hint')).toContainText(
    'Enter continue after reading feedback',
  );
  // Focus is on the feedback's heading, not on a button: Enter continues.
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-clock-state]')).not.toHaveText(
    'held while you read the feedback',
  );
  await expect(page.locator('[data-minute]')).not.toHaveAttribute('data-minute', '0');
});

test('after the alarm limits dialog is closed while feedback holds the clock, Enter continues', async ({
  page,
}) => {
  const { events } = await startWithEngineRun(page, id, bundled(id), 'practice');
  const dosed = events.findIndex((e) => e.type === 'clock.advance' || e.type === 'trainee.act');
  await page.getByLabel('Speed').selectOption('16');
  await page.keyboard.press('c');
  for (const e of events.slice(0, dosed))
    if (e.type === 'trainee.choose') await chooseByKey(page, e.optionId);
  await expect(page.locator('[data-clock-state]')).toHaveText('held while you read the feedback');
  // The trainee looks at the limits and closes the dialog with Escape.
  await page.locator('[data-limits-open]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-limits-dialog]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-limits-dialog]')).not.toBeVisible();
  await expect(page.locator('[data-continue]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-limits-dialog]')).not.toBeVisible();
  await expect(page.locator('[data-clock-state]')).not.toHaveText(
    'held while you read the feedback',
  );
});
