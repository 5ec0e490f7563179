/**
 * Helpers for the results end-to-end tests: playing a bundled scenario to its debrief by
 * keyboard with the engine's best choices, and reading a download.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page, type Route } from '@playwright/test';
import { playHeadless, type HeadlessResult } from '../../src/engine/play/headless.ts';
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

/** A stand-in LRS through page.route: records statements by id; `answer` picks the status. */
export function fakeLrs(
  page: Page,
  endpoint: string,
  answer: (id: string, n: number) => number | null,
) {
  const stored = new Map<string, unknown>();
  const seen: { id: string; auth: string | null }[] = [];
  return {
    stored,
    seen,
    install: () =>
      page.route(`${endpoint}**`, async (route: Route) => {
        const request = route.request();
        const cors = {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
          'Access-Control-Allow-Methods': 'PUT, GET, OPTIONS',
        };
        if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
        const id = new URL(request.url()).searchParams.get('statementId') ?? '';
        if (request.method() === 'GET') {
          return stored.has(id)
            ? route.fulfill({ status: 200, json: stored.get(id), headers: cors })
            : route.fulfill({ status: 404, headers: cors });
        }
        seen.push({ id, auth: await request.headerValue('authorization') });
        const status = answer(id, seen.length);
        if (status === null) return; // never answers
        if (status < 300) stored.set(id, request.postDataJSON());
        await route.fulfill({
          status,
          body: status === 400 ? '{"message":"Invalid extension key"}' : '',
          headers: cors,
        });
      }),
  };
}

export async function configure(page: Page, endpoint: string, key: string, identifier: string) {
  await page.goto('/#/settings');
  await page.getByLabel('Endpoint').fill(endpoint);
  await page.getByLabel('Key (user name)').fill(key);
  await page.getByLabel('Secret (password)').fill('s3cret');
  await page.getByLabel('Your e-mail address or learner id').fill(identifier);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'settings');
}
