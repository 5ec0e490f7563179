import { expect, test } from '@playwright/test';
import { bundled, bundledIds, startByKeyboard, stopClock } from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('choices are not all labelled as speech; actions say so; the patient is named', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'assessment');
  await stopClock(page);
  const choices = page.locator('.choices button.choice');
  await expect(choices.first()).toBeVisible();
  for (const text of await choices.allInnerTexts()) expect(text).not.toMatch(/Say:/);
  const actions = page.locator('.choices button.choice[data-kind="action"]');
  for (const text of await actions.allInnerTexts()) expect(text).toContain('Action:');
  const first = bundled(id).patient.name.split(' ')[0]!;
  const speaker = (await page.locator('[data-latest-line] .speaker').innerText()).trim();
  expect(['Narrator', first]).toContain(speaker.split(' — ')[0]);
});

test('the monitor spells out DISS, NAUS and ANX', async ({ page }) => {
  await startByKeyboard(page, id, 'practice');
  const legend = page.locator('[data-signal-legend]');
  await expect(legend).toContainText('DISS dissociation');
  await expect(legend).toContainText('NAUS nausea');
  await expect(legend).toContainText('ANX anxiety');
  await expect(page.locator('[data-signal="dissociation"] abbr')).toHaveAttribute(
    'title',
    'Dissociation',
  );
});

test('on a phone the vitals stay in view beside the choices', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  await page.locator('.choices button.choice').first().scrollIntoViewIfNeeded();
  const strip = page.locator('[data-vitals-strip]');
  await expect(strip).toBeInViewport();
  const monitor = page.locator('[data-signal="heartRate"] .vital-value strong');
  await expect(strip.locator('[data-strip-signal="heartRate"] strong')).toHaveText(
    (await monitor.innerText()).trim(),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(strip).toBeHidden();
});
