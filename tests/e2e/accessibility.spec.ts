import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe.ts';
import {
  bundled,
  bundledIds,
  chooseByKey,
  playEvents,
  skipReflection,
  startByKeyboard,
  startWithEngineRun,
  stopClock,
} from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('library, briefing, session and debrief have no axe violations', async ({ page }) => {
  test.slow(); // a whole session and six axe runs: room for a loaded machine
  await page.goto('/');
  await expect(page.locator('[data-scenario] a').first()).toBeVisible();
  await expectNoViolations(page, 'library');

  await page.goto(`/#/scenario/${id}`);
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  await expectNoViolations(page, 'briefing');

  const { events: all } = await startWithEngineRun(page, id, bundled(id), 'practice');
  const first = all[0]!;
  if (first.type === 'trainee.choose') await chooseByKey(page, first.optionId);
  await expect(page.locator('[data-feedback]')).toBeVisible();
  await expectNoViolations(page, 'session (practice feedback)');

  const events = all.slice(1);
  const half = Math.floor(events.length / 2);
  await playEvents(page, events.slice(0, half));
  await expectNoViolations(page, 'session (after dosing)');

  await playEvents(page, events.slice(half));
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  await expectNoViolations(page, 'debrief (reflection prompt)');
  await skipReflection(page);
  await page.locator('[data-phase-toggle]').first().click();
  await expectNoViolations(page, 'debrief');
});

test('the leave dialog and the first-run tour have no axe violations', async ({ page }) => {
  await startByKeyboard(page, id, 'practice');
  await expect(page.locator('[data-tour]')).toBeVisible();
  await page.getByRole('button', { name: 'Leave session' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'session (leave dialog)');
});

test('reduced motion stops the alarm animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const name = await page.evaluate(() => {
    const el = document.createElement('p');
    el.className = 'alarm-banner';
    document.body.append(el);
    return getComputedStyle(el).animationName;
  });
  expect(name).toBe('none');
});

test('new patient lines are announced politely and keyboard focus is always visible', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'assessment');
  await stopClock(page);
  const polite = page.locator('[aria-live="polite"]');
  const line = (await page.locator('[data-latest-line] .line').innerText()).trim();
  await expect(polite).toContainText(line);

  await chooseByKey(
    page,
    (await page
      .locator('[data-step-options] button[data-option]')
      .first()
      .getAttribute('data-option'))!,
  );
  const next = (await page.locator('[data-latest-line] .line').innerText()).trim();
  await expect(polite).toContainText(next);

  // Tab through the screen: every focused control shows an outline.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'page edge'; // Tab wrapped past the last control
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    if (outline !== 'page edge')
      expect(outline, `focus ring on tab stop ${i + 1}`).toMatch(/^solid [1-9]/);
  }
});
