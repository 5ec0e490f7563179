import { expect, test } from '@playwright/test';
import { bundled, bundledIds, playEvents, skipReflection, startWithEngineRun } from './helpers.ts';

const id = bundledIds[0]!;

test('a reload mid-session resumes at the same step with the same transcript, vitals and score', async ({
  page,
}) => {
  const scenario = bundled(id);
  const { run: best, events } = await startWithEngineRun(page, id, scenario, 'assessment');
  const half = Math.floor(events.length / 2);
  await playEvents(page, events.slice(0, half));

  const read = async () => ({
    step: await page.locator('[data-latest-line]').innerText(),
    transcript: await page.locator('[data-transcript]').innerText(),
    vitals: await page.locator('.vitals').innerText(),
    minute: await page.locator('[data-minute]').getAttribute('data-minute'),
    phase: await page.locator('[data-phase]').getAttribute('data-phase'),
    options: await page
      .locator('button[data-option]')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-option'))),
  });
  const before = await read();
  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  expect(await read()).toEqual(before);

  // Finishing after the reload gives the score of the uninterrupted run.
  await playEvents(page, events.slice(half));
  await skipReflection(page);
  await expect(page.locator('[data-verdict]')).toContainText(`overall ${best.report.overall}%`);
  await page.reload();
  await expect(page.locator('[data-verdict]')).toContainText(`overall ${best.report.overall}%`);
});

test('a corrupted save shows a clear message and a fresh start, never a blank page', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"saveVersion": 1, "events": [oops'),
    `kap.attempt.${id}`,
  );
  await page.goto(`/#/session/${id}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be resumed');
  await expect(alert).toContainText('not valid JSON');
  await alert.getByRole('button', { name: 'Start fresh' }).click();
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), `kap.attempt.${id}`)).toBeNull();
});

test('a save from an older version of the scenario is explained, not replayed', async ({
  page,
}) => {
  await page.goto('/');
  const attempt = {
    saveVersion: 1,
    scenarioId: id,
    scenarioHash: '0000000000000000',
    seed: 1,
    mode: 'practice',
    events: [],
  };
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key!, text!),
    [`kap.attempt.${id}`, JSON.stringify(attempt)],
  );
  await page.goto(`/#/session/${id}`);
  await expect(page.getByRole('alert')).toContainText('scenario has changed');
  await expect(page.getByRole('button', { name: 'Start fresh' })).toBeVisible();
});
