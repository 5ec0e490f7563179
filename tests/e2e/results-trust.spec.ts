/**
 * What the results screens tell the trainee is true of what happens: a refused launch link,
 * an attempt whose log stops before its debrief, a reflection written while storage is full,
 * and which LRS a Settings message is about.
 */
import { expect, test, type Page } from '@playwright/test';
import { exportJson } from '../../src/engine/results/export.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';
import { bundled } from './helpers.ts';
import {
  configure,
  downloadText,
  fakeLrs,
  playToDebrief,
  SHORT_SCENARIO,
} from './results-helpers.ts';

const refusedLink = () =>
  `/?endpoint=${encodeURIComponent('http://lrs.example.org/xapi/')}&auth=x&actor=${encodeURIComponent(JSON.stringify({ mbox: 'mailto:t@example.org' }))}#/`;

async function importFile(page: Page, text: string) {
  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles({
    name: 'attempts.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('a refused launch link sends nothing from its tab, not even to the LRS saved in Settings, and the notice says so', async ({
  page,
}) => {
  const saved = 'https://saved-lrs.example.org/xapi/';
  const lrs = fakeLrs(page, saved, () => 204);
  await lrs.install();
  await configure(page, saved, 'key-a', 'trainee@example.org');
  await page.goto(refusedLink());
  const notice = page.locator('[data-notice="launch"]');
  await expect(notice).toContainText('must start with https://');
  await expect(notice).toContainText('not even one saved in Settings');

  await playToDebrief(page);
  await page.evaluate(() => (location.hash = '#/history'));
  await expect(page.locator(`[data-scenario="${SHORT_SCENARIO}"]`)).toHaveCount(1);
  await page.evaluate(() => (location.hash = '#/settings'));
  await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'refused');
  await expect(page.locator('[data-outbox="0"]')).toBeVisible();
  expect(lrs.seen).toEqual([]);
});

test('a refused launch link is still explained after a reload, and nothing is sent', async ({
  page,
}) => {
  const saved = 'https://saved-lrs.example.org/xapi/';
  const lrs = fakeLrs(page, saved, () => 204);
  await lrs.install();
  await configure(page, saved, 'key-a', 'trainee@example.org');
  await page.goto(refusedLink());
  await expect(page.locator('[data-notice="launch"]')).toContainText('must start with https://');
  expect(page.url()).not.toContain('endpoint=');
  await page.reload();
  await expect(page.locator('[data-notice="launch"]')).toContainText('must start with https://');
  await page.evaluate(() => (location.hash = '#/settings'));
  const state = page.locator('[data-lrs-state]');
  await expect(state).toHaveAttribute('data-lrs-state', 'refused');
  await expect(state).toContainText('the link that opened the simulator was refused');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('must start with https://');

  // Saving the settings in this tab is the trainee's own choice: the tab then sends there.
  await page.getByLabel('Secret (password)').fill('s3cret');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(state).toHaveAttribute('data-lrs-state', 'settings');
  await expect(page.locator('[data-notice="launch"]')).toHaveCount(0);
});

test('an imported attempt whose log stops before the debrief is shown as unfinished, in the history and when opened', async ({
  page,
}) => {
  const run = playHeadless(bundled(SHORT_SCENARIO), {
    seed: 3,
    mode: 'assessment',
    strategy: 'best',
  });
  const begun = { ...run.attempt, events: run.attempt.events.slice(0, 1) };
  expect(begun.events[0]!.type).toBe('session.begin');
  await importFile(page, exportJson([{ attempt: begun, report: run.report, comments: [] }]));
  const card = page.locator('[data-attempt]');
  await expect(card.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'unfinished');
  await expect(card.locator('[data-verdict]')).toContainText('the log ends before the debrief');
  await expect(card.locator('[data-attempt-facts]')).toHaveText(
    '0 decisions · 0 comments · imported',
  );

  await card.getByRole('link').click();
  await expect(page.locator('[data-unfinished]')).toContainText('ends before the debrief');
  await expect(page.getByText('Every decision was the best option')).toHaveCount(0);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
});

/** From now on, every localStorage write in the page is refused as if the storage were full. */
async function fillStorageOnCue(page: Page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { storageFull?: boolean }).storageFull)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  return () =>
    page.evaluate(() => {
      (window as unknown as { storageFull?: boolean }).storageFull = true;
    });
}

test('with localStorage full, a reflection is kept with the attempt in the history and its export, and the trainee is told', async ({
  page,
}) => {
  const fill = await fillStorageOnCue(page);
  await playToDebrief(page, SHORT_SCENARIO, 'assessment', fill);
  await page.getByLabel('What went well').fill('I should have checked the pulse oximeter sooner.');
  await page.locator('[data-reflect-save]').click();
  await expect(page.locator('[data-reflection]')).toContainText('pulse oximeter');
  const notice = page.locator('[data-notice="local-storage"]');
  await expect(notice.getByRole('listitem')).toContainText(['your reflection']);

  // Within the same page (a reload would lose what only this tab holds).
  await page.evaluate(() => (location.hash = '#/history'));
  await expect(page.locator('[data-attempt]')).toHaveCount(1);
  const { text } = await downloadText(page, () => page.locator('[data-export="json"]').click());
  const bundle = JSON.parse(text) as { attempts: { reflection?: { text: string } }[] };
  expect(bundle.attempts[0]!.reflection?.text).toBe(
    'I should have checked the pulse oximeter sooner.',
  );
  // Opened from the history, the debrief shows the reflection kept with the record.
  await page.evaluate(() => localStorage.clear());
  await page.locator('[data-attempt] a').click();
  await expect(page.locator('[data-reflection]')).toContainText('pulse oximeter');
});

test('the storage-full notice says what is at risk now, as a list, and the debrief opens with it in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  const fill = await fillStorageOnCue(page);
  await playToDebrief(page, SHORT_SCENARIO, 'assessment', fill);
  const notice = page.locator('[data-notice="local-storage"]');
  await expect(notice).toContainText('Your finished attempt is safe in the attempt history');
  await expect(notice).not.toContainText('attempt in progress');
  await expect(notice).toBeInViewport();

  // A new attempt that cannot be saved is in progress again, and said to be, in a list.
  await page.evaluate(() => (location.hash = `#/scenario/screening-defer-dosing`));
  await page.getByRole('radio', { name: /^Practice/ }).check();
  await page.getByRole('button', { name: /^Start (session|a new attempt)$/ }).click();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  await expect(
    notice.getByRole('listitem').filter({ hasText: 'your attempt in progress' }),
  ).toHaveCount(1);
  await expect(notice).toContainText('if you close or reload the tab before finishing');
});

test('with two LRSs, Settings says which one an error, a retry or a refusal belongs to', async ({
  page,
}) => {
  const first = 'https://first-lrs.example.org/xapi/';
  const second = 'https://second-lrs.example.org/xapi/';
  let refusedId = '';
  const failing = fakeLrs(page, first, (id, n) => {
    if (n === 1) refusedId = id;
    return id === refusedId ? 400 : 500;
  });
  await failing.install();
  await fakeLrs(page, second, () => 204).install();
  await configure(page, first, 'key-a', 'first@example.org');
  await playToDebrief(page);
  await page.goto('/#/settings');
  await configure(page, second, 'key-b', 'second@example.org');
  await expect(page.locator('[data-outbox-error]')).toContainText(
    `The LRS at ${first} answered HTTP 500`,
  );
  await expect(page.locator('[data-next-try]')).toContainText(`Next try to send to ${first}`);
  await expect(page.locator(`[data-refused-statement="${refusedId}"]`)).toContainText(
    `refused by ${first} (about first@example.org): HTTP 400`,
  );
});

test("with a launch link's LRS active, Settings says its form edits the saved LRS", async ({
  page,
}) => {
  const saved = 'https://saved-lrs.example.org/xapi/';
  await configure(page, saved, 'key-a', 'trainee@example.org');
  const actor = JSON.stringify({ mbox: 'mailto:launch@example.org' });
  await page.goto(
    `/?endpoint=${encodeURIComponent('https://launch-lrs.example.org/xapi/')}&auth=${encodeURIComponent('Basic abc')}&actor=${encodeURIComponent(actor)}#/settings`,
  );
  await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'launch');
  await expect(page.locator('[data-form-edits-saved]')).toContainText(
    `edits the LRS saved on this device (${saved})`,
  );
});
