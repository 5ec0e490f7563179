import { expect, test, type Page } from '@playwright/test';
import {
  bundled,
  playEvents,
  savedAttempt,
  skipReflection,
  startWithEngineRun,
} from './helpers.ts';

/** A scenario whose best path is longer than one checkpoint interval (50 events). */
const id = 'ptsd-challenging-experience';
const key = `kap.attempt.${id}`;

const read = async (page: Page) => ({
  transcript: await page.locator('[data-transcript]').innerText(),
  vitals: await page.locator('.vitals').innerText(),
  minute: await page.locator('[data-minute]').getAttribute('data-minute'),
  arrival: await page.locator('[data-arrival-minute]').getAttribute('data-arrival-minute'),
  phase: await page.locator('[data-phase]').getAttribute('data-phase'),
  options: await page
    .locator('button[data-option]')
    .evaluateAll((b) => b.map((x) => x.getAttribute('data-option'))),
});

test('the player saves a checkpoint beside the log; resuming from it equals replaying the log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const scenario = bundled(id);
  const { run, events } = await startWithEngineRun(page, id, scenario, 'assessment');
  expect(events.length, 'the path is longer than one checkpoint interval').toBeGreaterThan(50);
  await playEvents(page, events.slice(0, 50)); // with session.begin, 51 events in the log
  const saved = (await savedAttempt(page, id)) as {
    events: unknown[];
    checkpoint?: { at: number };
  };
  expect(saved.checkpoint?.at).toBe(50);
  const before = await read(page);

  // Resumed from the checkpoint.
  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  expect(await read(page)).toEqual(before);

  // Resumed with the checkpoint removed (the whole log replayed): the same session.
  await page.evaluate((k) => {
    const attempt = JSON.parse(localStorage.getItem(k)!) as Record<string, unknown>;
    delete attempt.checkpoint;
    localStorage.setItem(k, JSON.stringify(attempt));
  }, key);
  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  expect(await read(page)).toEqual(before);

  // Back to the checkpointed save, finishing gives the score of the uninterrupted run.
  await page.evaluate(([k, text]) => localStorage.setItem(k, text), [
    key,
    JSON.stringify(saved),
  ] as const);
  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  await playEvents(page, events.slice(50));
  await skipReflection(page);
  await expect(page.locator('[data-verdict]')).toContainText(`overall ${run.report.overall}%`);
});
