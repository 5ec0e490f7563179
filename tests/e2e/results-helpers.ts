/**
 * Helpers for the results end-to-end tests: playing a bundled scenario to its debrief by
 * keyboard with the engine's best choices, and reading a download.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page } from '@playwright/test';
import { playHeadless, type HeadlessResult } from '../../src/engine/session/headless.ts';
import type { ScenarioV1 } from '../../src/engine/format/schema.ts';
import {
  bundled,
  minutesAfter,
  playEvents,
  savedAttempt,
  startByKeyboard,
  stopClock,
} from './helpers.ts';

/** The shortest bundled run: deferring the dose after screening. */
export const SHORT_SCENARIO = 'screening-defer-dosing';

export async function playToDebrief(
  page: Page,
  id = SHORT_SCENARIO,
  mode: 'practice' | 'assessment' = 'assessment',
  /** Runs before the last event is played (e.g. to go offline). */
  beforeLast?: () => Promise<void>,
): Promise<{ scenario: ScenarioV1; run: HeadlessResult }> {
  const scenario = bundled(id);
  await startByKeyboard(page, id, mode);
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const run = playHeadless(scenario, { seed, mode, strategy: 'best' });
  expect(run.ok, run.error?.message).toBe(true);
  const events = run.attempt.events.slice(1);
  const minutes = minutesAfter(scenario, { seed, mode }, run.attempt.events.slice(0, 1), events);
  await playEvents(page, events.slice(0, -1), minutes.slice(0, -1));
  await beforeLast?.();
  await playEvents(page, events.slice(-1));
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  return { scenario, run };
}

export async function downloadText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [
    Download,
    void,
  ];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
