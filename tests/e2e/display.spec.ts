import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.ts';
import {
  bundled,
  bundledIds,
  playEvents,
  skipReflection,
  startByKeyboard,
  startWithEngineRun,
  stopClock,
} from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('display settings are remembered and apply to every screen, with no axe violations', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByText('Display settings').click();
  const settings = page.locator('[data-display-settings]');
  await settings.getByRole('radio', { name: 'Larger' }).check();
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await settings.getByLabel('Clock speed for new sessions').selectOption('1');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('data-text-size', 'larger');
  await expectNoViolations(page, 'library (dark)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('data-text-size', 'larger');
  await startByKeyboard(page, id, 'practice');
  await expect(page.getByLabel('Speed')).toHaveValue('1');
  await expectNoViolations(page, 'session (dark)');

  await page.getByText('Display settings').click();
  await page
    .locator('[data-display-settings]')
    .getByRole('radio', { name: 'High contrast' })
    .check();
  await expect(html).toHaveAttribute('data-theme', 'contrast');
  await expectNoViolations(page, 'session (high contrast)');
});

test('the first-run tour walks through the clock, pause, shortcuts and monitor, and is remembered', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const tour = page.getByRole('region', { name: /^Getting started/ });
  await expect(tour).toBeVisible();
  const titles: string[] = [];
  for (let i = 0; i < 4; i++) {
    titles.push((await tour.getByRole('heading').innerText()).replace('Getting started: ', ''));
    if (i < 3) await tour.getByRole('button', { name: 'Next' }).click();
  }
  expect(titles).toEqual(['The clock', 'Pause and leave', 'Keyboard shortcuts', 'The monitor']);
  await tour.getByRole('button', { name: 'Done' }).click();
  await expect(tour).toHaveCount(0);

  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  await expect(page.locator('[data-tour]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the getting-started tour' }).click();
  await expect(page.locator('[data-tour]')).toBeVisible();
});

test('the debrief and its charts have no axe violations in the dark theme', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('kap.display', JSON.stringify({ theme: 'dark', textSize: 'normal' })),
  );
  const { events } = await startWithEngineRun(page, id, bundled(id), 'practice', 'worst');
  await playEvents(page, events);
  await skipReflection(page);
  await page.locator('[data-phase-toggle]').first().click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolations(page, 'debrief (dark)');
});
