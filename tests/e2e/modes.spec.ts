import { expect, test } from '@playwright/test';
import {
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
  const refusal = page.locator('[data-refusal="int-go"]');
  await expect(refusal).toHaveAttribute('role', 'alert');
  await expect(refusal).toContainText(/transport|escort/i);
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

  await page.getByRole('button', { name: 'Leave session' }).click();
  await expect(page.locator('[data-screen="library"]')).toBeVisible();
  await expect(page.locator(`[data-scenario="${id}"] [data-last-result]`)).toHaveAttribute(
    'data-last-result',
    'none',
  );
  expect(await page.evaluate((key) => localStorage.getItem(key), `kap.attempt.${id}`)).toBeNull();
});
