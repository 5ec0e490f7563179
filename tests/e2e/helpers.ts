/**
 * Shared helpers for the player's end-to-end tests: the bundled scenarios, keyboard navigation,
 * and serving a test-only scenario in place of a bundled one (nothing test-only ships).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { validate } from '../../src/engine/format/validate.ts';
import type { ScenarioV1 } from '../../src/engine/format/schema.ts';
import { catalogueModule } from '../../src/engine/presentation/catalogue.ts';
import {
  playHeadless,
  type HeadlessResult,
  type Strategy,
} from '../../src/engine/play/headless.ts';
import { initialSnapshot, step } from '../../src/engine/session/session.ts';
import type { SessionEvent } from '../../src/engine/session/types.ts';

export const bundledIds = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.course.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

export function loadScenario(path: string): ScenarioV1 {
  const result = validate(readFileSync(path, 'utf8'));
  if (!result.scenario)
    throw new Error(`${path} is not a valid scenario: ${JSON.stringify(result.diagnostics[0])}`);
  return result.scenario;
}

export const bundled = (id: string) => loadScenario(`scenarios/${id}.json`);

/**
 * Serves `scenario` in place of the bundled scenario `targetId` (the lazy chunk of its file, and
 * its card in the catalogue chunk), under the target's id, so the library, briefing and session
 * show the test scenario.
 */
export async function serveScenario(
  page: Page,
  targetId: string,
  scenario: ScenarioV1,
): Promise<ScenarioV1> {
  const served = { ...scenario, id: targetId };
  const body = `export default ${JSON.stringify(JSON.stringify(served))};`;
  const escaped = targetId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.route(new RegExp(`/assets/${escaped}-[A-Za-z0-9_-]{8}\\.js$`), (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body }),
  );
  // The library's cards come from the build-time catalogue: serve one with the test scenario.
  const catalogue = catalogueModule(
    bundledIds.map((id) => ({
      id,
      text: id === targetId ? JSON.stringify(served) : readFileSync(`scenarios/${id}.json`, 'utf8'),
    })),
  );
  await page.route(/\/assets\/_virtual_scenario-catalogue-[A-Za-z0-9_-]{8}\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: catalogue }),
  );
  return served;
}

/** Presses Tab until `target` has focus (keyboard-only navigation). */
export async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with the Tab key.`);
}

/** Opens a scenario's briefing from the library and starts it in a mode, by keyboard alone. */
export async function startByKeyboard(
  page: Page,
  id: string,
  mode: 'practice' | 'assessment',
): Promise<void> {
  await page.goto('/');
  const card = page.locator(`[data-scenario="${id}"]`);
  await expect(card.getByRole('link')).toBeVisible();
  await tabTo(page, card.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  const radio = page.getByRole('radio', { name: /^Practice/ });
  await tabTo(page, radio);
  if (mode === 'assessment') await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('radio', { name: mode === 'practice' ? /^Practice/ : /^Assessment/ }),
  ).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: /^Start (session|a new attempt)$/ }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
}

/** Stops the session clock by keyboard so tests move time only with "advance". */
export async function stopClock(page: Page): Promise<void> {
  const toggle = page.locator('[data-clock-toggle]');
  if ((await toggle.getAttribute('data-clock-running')) === 'true') await page.keyboard.press('c');
  await expect(toggle).toHaveAttribute('data-clock-running', 'false');
}

/**
 * Starts scenario `id` by keyboard in `mode` with the clock stopped, and has the engine play the
 * same attempt (the seed the player chose) headlessly with `strategy`. `events` are the run's events
 * after `session.begin` (which the Start button sent): what a test plays through the UI.
 */
export async function startWithEngineRun(
  page: Page,
  id: string,
  scenario: ScenarioV1,
  mode: 'practice' | 'assessment',
  strategy: Strategy = 'best',
): Promise<{ seed: number; run: HeadlessResult; events: SessionEvent[] }> {
  await startByKeyboard(page, id, mode);
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const run = playHeadless(scenario, { seed, mode, strategy });
  return { seed, run, events: run.attempt.events.slice(1) };
}

/** Chooses an option by its number key. */
export async function chooseByKey(page: Page, optionId: string): Promise<void> {
  const button = page.locator(`button[data-option="${optionId}"]`);
  await expect(button).toBeEnabled();
  const key = await button.getAttribute('data-key');
  if (key) await page.keyboard.press(key);
  else {
    await tabTo(page, button);
    await page.keyboard.press('Enter');
  }
}

/** The attempt the player saved for a scenario (its seed and events). */
export async function savedAttempt(
  page: Page,
  id: string,
): Promise<{ seed: number; mode: string; events: { type: string }[] }> {
  const text = await page.evaluate((key) => localStorage.getItem(key), `kap.attempt.${id}`);
  if (!text) throw new Error(`No saved attempt for ${id}.`);
  return JSON.parse(text);
}

/**
 * Moves the clock on by `minutes` with the keyboard: M for one minute, N ("advance to the next
 * event", which stops at the next minute something happens) for longer jumps.
 */
async function advanceBy(page: Page, minutes: number): Promise<void> {
  // Minutes since arrival: the clock runs on either side of the dose.
  const clock = page.locator('[data-arrival-minute]');
  const start = Number(await clock.getAttribute('data-arrival-minute'));
  const target = start + minutes;
  if (minutes === 1) {
    await page.keyboard.press('m');
    await expect(clock).toHaveAttribute('data-arrival-minute', String(target));
    return;
  }
  for (let i = 0; i < 60; i++) {
    const now = Number(await clock.getAttribute('data-arrival-minute'));
    if (now >= target) break;
    await page.keyboard.press('n');
    await expect(clock).not.toHaveAttribute('data-arrival-minute', String(now));
  }
  await expect(clock).toHaveAttribute('data-arrival-minute', String(target));
}

/** Plays events of an engine run through the UI by keyboard, checking the clock after each. */
export async function playEvents(
  page: Page,
  events: readonly SessionEvent[],
  expectedMinutes?: readonly (number | null | undefined)[],
): Promise<void> {
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.type === 'trainee.choose') await chooseByKey(page, event.optionId);
    else if (event.type === 'trainee.act') await page.keyboard.press('v');
    else if (event.type === 'clock.advance') await advanceBy(page, event.minutes);
    else throw new Error(`This helper does not play ${event.type}.`);
    const minute = expectedMinutes?.[i];
    if (minute !== undefined) {
      await expect(page.locator('[data-minute]')).toHaveAttribute(
        'data-minute',
        String(minute ?? 'none'),
      );
    }
  }
}

/** The clock minute the session shows after each event (undefined once it has ended). */
export function minutesAfter(
  scenario: ScenarioV1,
  run: { seed: number; mode: 'practice' | 'assessment' },
  before: readonly SessionEvent[],
  events: readonly SessionEvent[],
): (number | null | undefined)[] {
  let snapshot = initialSnapshot(scenario, run);
  for (const e of before) snapshot = step(snapshot, e);
  return events.map((e) => {
    snapshot = step(snapshot, e);
    return snapshot.context.status === 'running' ? snapshot.context.minute : undefined;
  });
}

/**
 * Skips the reflection the debrief asks for before showing the scores (right after a session),
 * when it is asked.
 */
export async function skipReflection(page: Page): Promise<void> {
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  const skip = page.locator('[data-reflect-skip]');
  if (await skip.count()) await skip.click();
  await expect(page.locator('[data-lessons]')).toBeVisible();
}
