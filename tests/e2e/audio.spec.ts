import { expect, test } from '@playwright/test';
import {
  bundledIds,
  loadScenario,
  playEvents,
  serveScenario,
  startByKeyboard,
  startWithEngineRun,
} from './helpers.ts';

const fixture = loadScenario('tests/fixtures/ui/hypertension.json');
const target = bundledIds[0]!;

test('when audio cannot load, a note says so and the session plays on to the debrief', async ({
  page,
}) => {
  let audioRequests = 0;
  await page.route('**/audio/**', (route) => {
    audioRequests += 1;
    return route.abort();
  });
  const scenario = await serveScenario(page, target, fixture);
  const { run, events } = await startWithEngineRun(page, target, scenario, 'practice');
  expect(run.ok).toBe(true);

  // Music on after dosing asks for the ambient pad; the alarm asks for its sound.
  const dose = events.findIndex((e) => e.type === 'trainee.choose' && e.optionId === 'admin-give');
  await playEvents(page, events.slice(0, dose + 1));
  await page.getByRole('switch', { name: /^Music/ }).press('Enter');
  await expect(page.getByRole('switch', { name: /^Music/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.locator('[data-sound-unavailable]')).toHaveText(/Sound unavailable/);
  expect(audioRequests).toBeGreaterThan(0);

  await playEvents(page, events.slice(dose + 1));
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
});

test('nothing is requested before the trainee interacts, and captions carry every sound', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/audio/')) requested.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();
  expect(requested).toEqual([]);
});

test('master volume and mute are remembered across visits', async ({ page }) => {
  const id = bundledIds[0]!;
  await startByKeyboard(page, id, 'practice');
  await page.getByRole('button', { name: 'Mute sound' }).click();
  await page.getByLabel('Volume').fill('0.3');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Unmute sound' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByLabel('Volume')).toHaveValue('0.3');
});
