/**
 * The results path under faults, as trainees, LMS administrators and careless or hostile users
 * meet them: full storage, damaged records, forged files, odd addresses and launch links, and an
 * LRS that refuses, vanishes or changes. Nothing kept is lost or sent to the wrong place, and
 * what cannot be kept or sent is said on screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { exportJson } from '../../src/engine/results/export.ts';
import { serializeAttempt } from '../../src/engine/attempt/parse.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';
import type { SessionEvent } from '../../src/engine/session/types.ts';
import { bundled } from './helpers.ts';
import { configure, fakeLrs, playToDebrief, SHORT_SCENARIO } from './results-helpers.ts';

/** Imports a JSON export through the History screen's file input. */
async function importFile(page: Page, text: string, name = 'attempts.json') {
  await page.goto('/#/history');
  await page
    .locator('[data-import]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('an undecodable percent-escape in the address shows a message on every route, also after a reload', async ({
  page,
}) => {
  for (const hash of ['#/scenario/%', '#/session/%E0%A4%A', '#/debrief/%zz']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('alert')).toContainText('There is no bundled scenario');
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('There is no bundled scenario');
  }
  await page.goto('/#/history/%');
  await expect(page.getByRole('heading', { name: 'Attempt not found' })).toBeVisible();
});

test('with localStorage full, a finished attempt still reaches the history, and the trainee is told', async ({
  page,
}) => {
  // Another package on the same origin has filled the storage: every new write is refused.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { storageFull?: boolean }).storageFull)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  // The storage fills up just before the attempt's last step.
  const { run } = await playToDebrief(page, SHORT_SCENARIO, 'assessment', async () => {
    await page.evaluate(() => {
      (window as unknown as { storageFull?: boolean }).storageFull = true;
    });
  });
  const notice = page.locator('[data-notice="local-storage"]');
  await expect(notice).toContainText('Not saved on this device');
  await expect(notice).toContainText("the browser's storage for this site is full");
  // At the debrief the attempt is finished and in the history: it is not called in progress.
  await expect(notice).toContainText('Your finished attempt is safe in the attempt history');
  await expect(notice).not.toContainText('attempt in progress');

  // Within the same page (a reload would lose what only this tab holds).
  await page.evaluate(() => (location.hash = '#/history'));
  const card = page.locator(`[data-scenario="${SHORT_SCENARIO}"]`);
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-verdict]')).toContainText(`${run.report.overall}%`);
});

test('one malformed record in the attempt store hides nothing else, and its content can be exported', async ({
  page,
}) => {
  const { run } = await playToDebrief(page);
  await page.goto('/#/history');
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kap-results');
        open.onsuccess = () => {
          const tx = open.result.transaction('attempts', 'readwrite');
          tx.objectStore('attempts').put({ id: 'broken-1', attempt: 5, report: 'passed' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.locator('[data-unreadable]')).toContainText('1 stored record cannot be read');
  await expect(page.locator('[data-unreadable-record="broken-1"]')).toContainText(
    'record.attempt: must be an object',
  );
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
  await expect(page.locator('[data-attempt] [data-verdict]')).toContainText(
    `${run.report.overall}%`,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-export-unreadable]').click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported[0].key).toBe('broken-1');
  expect(JSON.parse(exported[0].raw)).toEqual({ id: 'broken-1', attempt: 5, report: 'passed' });
  // The good attempt still exports.
  await expect(page.locator('[data-export="json"]')).toBeEnabled();
});

test('a forged "passed, 100%" beside a one-event log is shown and exported as what the log earned', async ({
  page,
}) => {
  const id = SHORT_SCENARIO;
  const scenario = bundled(id);
  const run = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'worst' });
  const oneEvent = { ...run.attempt, events: run.attempt.events.slice(0, 1) };
  const forged = { ...run.report, passed: true, overall: 100 };
  await importFile(page, exportJson([{ attempt: oneEvent, report: forged, comments: [] }]));
  await expect(page.locator('[data-message]')).toContainText('1 new attempt');
  const verdict = page.locator('[data-attempt] [data-verdict]');
  // One event never reaches the debrief: no result at all, let alone the forged one.
  await expect(verdict).toHaveAttribute('data-verdict', 'unfinished');
  await expect(verdict).not.toContainText('100%');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-export="json"]').click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(bundle.attempts[0].verified).toBe(true);
  // Unfinished: no verdict or score in the export either.
  expect(bundle.attempts[0].report.status).not.toBe('debrief');
  expect(bundle.attempts[0].report.passed).toBeNull();
  expect(bundle.attempts[0].report.overall).toBeNull();
});

test('an attempt of a scenario this build does not have is marked unverified', async ({ page }) => {
  const scenario = bundled(SHORT_SCENARIO);
  const run = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
  const elsewhere = { ...run.attempt, scenarioId: 'not-in-this-build' };
  const report = { ...run.report, scenarioId: 'not-in-this-build' };
  await importFile(page, exportJson([{ attempt: elsewhere, report, comments: [] }]));
  await expect(page.locator('[data-attempt] [data-verdict]')).toContainText(
    'Unverified — the scenario "not-in-this-build" is not available in this build.',
  );
});

test('import refuses an overall of 1e999 and wrongly typed fields, with where they are', async ({
  page,
}) => {
  const scenario = bundled(SHORT_SCENARIO);
  const run = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
  const bundle = JSON.parse(
    exportJson([{ attempt: run.attempt, report: run.report, comments: [] }]),
  );
  bundle.attempts[0].report.decisions[0].optionId = ['=HYPERLINK("https://evil.example")'];
  const text = JSON.stringify(bundle).replace(/"overall":[0-9.]+/, '"overall":1e999');
  await importFile(page, text);
  const errors = page.locator('[data-import-errors]');
  await expect(errors).toContainText('attempts[0].report.overall: must be a finite number');
  await expect(errors).toContainText('attempts[0].report.decisions[0].optionId: must be a string');
});

test('a 200,000-event imported attempt opens with progress shown, and the page stays usable', async ({
  page,
}) => {
  const scenario = bundled(SHORT_SCENARIO);
  const run = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
  const padding: SessionEvent[] = [];
  for (let i = 0; i < 100_000; i++)
    padding.push({ type: 'session.pause' }, { type: 'session.resume' });
  const [begin, ...rest] = run.attempt.events;
  const long = { ...run.attempt, events: [begin!, ...padding, ...rest] };
  await importFile(page, exportJson([{ attempt: long, report: run.report, comments: [] }]));
  await expect(page.locator('[data-message]')).toContainText('1 new attempt', { timeout: 30_000 });
  await page.locator('[data-attempt] a').first().click();
  const progress = page.locator('[data-replay-progress]');
  await expect(progress).toContainText('of 200,');
  // The page answers while the replay goes on: the way back works at once.
  await page.getByRole('link', { name: '← Attempt history' }).click();
  await expect(page.locator('[data-screen="history"]')).toBeVisible();
});

test('a statement the LRS refuses is set aside with its answer, and the others are sent', async ({
  page,
}) => {
  const endpoint = 'https://lrs.example.org/xapi/';
  let refusedId = '';
  const lrs = fakeLrs(page, endpoint, (id, n) => {
    if (n === 2) refusedId = id;
    return id === refusedId ? 400 : 204;
  });
  await lrs.install();
  await configure(page, endpoint, 'key-a', 'trainee@example.org');
  await playToDebrief(page);
  await page.goto('/#/settings');
  await expect(page.locator('[data-refused]')).toHaveAttribute('data-refused', '1');
  await expect(page.locator(`[data-refused-statement="${refusedId}"]`)).toContainText(
    'HTTP 400: {"message":"Invalid extension key"}',
  );
  await expect(page.locator('[data-destination]')).toHaveAttribute('data-waiting', '0');
  expect(lrs.stored.size).toBeGreaterThan(3);
  expect(lrs.stored.has(refusedId)).toBe(false);
});

test('statements queued for one LRS are never sent to the next one configured', async ({
  page,
}) => {
  const first = 'https://first-lrs.example.org/xapi/';
  const second = 'https://second-lrs.example.org/xapi/';
  const down = fakeLrs(page, first, () => 503);
  const other = fakeLrs(page, second, () => 204);
  await down.install();
  await other.install();
  await configure(page, first, 'key-a', 'first@example.org');
  await playToDebrief(page);
  await page.goto('/#/settings');
  const waitingFirst = page.locator('[data-destination]').filter({ hasText: first });
  await expect(waitingFirst).not.toHaveAttribute('data-waiting', '0');

  await configure(page, second, 'key-b', 'second@example.org');
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(waitingFirst).toContainText('not sent while another LRS');
  expect(other.seen).toEqual([]);
  // The first learner's statements still wait for their own LRS.
  await expect(waitingFirst).not.toHaveAttribute('data-waiting', '0');
});

test('an LRS that never answers does not stall sending: requests time out and "Send now" tries again', async ({
  page,
}) => {
  await page.clock.install();
  const endpoint = 'https://slow-lrs.example.org/xapi/';
  let hang = true;
  const lrs = fakeLrs(page, endpoint, () => (hang ? null : 204));
  await lrs.install();
  await configure(page, endpoint, 'key-a', 'trainee@example.org');
  await playToDebrief(page);
  await expect.poll(() => lrs.seen.length).toBeGreaterThan(0);
  await page.clock.runFor(31_000);
  await page.evaluate(() => (location.hash = '#/settings'));
  await expect(page.locator('[data-outbox-error]')).toContainText('did not answer');
  hang = false;
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.locator('[data-outbox="0"]')).toBeVisible({ timeout: 20_000 });
  expect(lrs.stored.size).toBeGreaterThan(3);
});

test('launch parameters: a bare e-mail address is normalised and used', async ({ page }) => {
  const endpoint = 'https://launch-lrs.example.org/xapi/';
  const lrs = fakeLrs(page, endpoint, () => 204);
  await lrs.install();
  const actor = JSON.stringify({ name: 'Launch Trainee', mbox: 'launch@example.org' });
  await page.goto(
    `/?endpoint=${encodeURIComponent(endpoint)}&auth=${encodeURIComponent('Basic abc')}&actor=${encodeURIComponent(actor)}#/`,
  );
  // The launch is taken lazily, beside the player: once taken, it is gone from the address.
  await expect(page).not.toHaveURL(/endpoint=/);
  await expect(page.locator('[data-results-notices]')).toHaveCount(0);
  await playToDebrief(page);
  await expect.poll(() => lrs.stored.size).toBeGreaterThan(3);
  const [first] = [...lrs.stored.values()] as { actor: { mbox: string } }[];
  expect(first!.actor.mbox).toBe('mailto:launch@example.org');
});

test('a debrief the address passes straight through is still recorded and its statements sent', async ({
  page,
}) => {
  const endpoint = 'https://lrs.example.org/xapi/';
  const lrs = fakeLrs(page, endpoint, () => 204);
  await lrs.install();
  await configure(page, endpoint, 'key-a', 'trainee@example.org');
  const run = playHeadless(bundled(SHORT_SCENARIO), {
    seed: 5,
    mode: 'assessment',
    strategy: 'best',
  });
  expect(run.report.status).toBe('debrief');
  // A finished attempt's save; the debrief is opened and left in one go, so that by the time its
  // address change is handled the address is already the next one.
  await page.evaluate(
    ([id, text]) => {
      localStorage.setItem(`kap.attempt.${id}`, text);
      location.hash = `#/debrief/${id}`;
      location.hash = '#/settings';
    },
    [SHORT_SCENARIO, serializeAttempt(run.attempt)] as const,
  );
  await expect.poll(() => lrs.stored.size).toBeGreaterThan(3);
});

test("launch parameters that cannot be used are refused at launch, on the trainee's screen", async ({
  page,
}) => {
  const actor = encodeURIComponent(JSON.stringify({ mbox: 'mailto:t@example.org' }));
  await page.goto(
    `/?endpoint=${encodeURIComponent('http://lrs.example.org/xapi/')}&auth=x&actor=${actor}#/`,
  );
  const notice = page.locator('[data-notice="launch"]');
  await expect(notice).toContainText('must start with https://');
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();

  await page.goto(
    `/?endpoint=${encodeURIComponent('https://lrs.example.org/')}&auth=x&actor=${encodeURIComponent('{"mbox":"not an address"}')}#/`,
  );
  await expect(page.locator('[data-notice="launch"]')).toContainText('is not an e-mail address');
});

test('credentials in a launch endpoint are used but never displayed', async ({ page }) => {
  const lrs = fakeLrs(page, 'https://lrs.example.org/xapi/', () => 204);
  await lrs.install();
  const actor = encodeURIComponent(JSON.stringify({ mbox: 'mailto:t@example.org' }));
  await page.goto(
    `/?endpoint=${encodeURIComponent('https://user:hunter2@lrs.example.org/xapi/')}&actor=${actor}#/settings`,
  );
  await expect(page.locator('[data-lrs-state]')).toContainText('https://lrs.example.org/xapi/');
  await expect(page.locator('body')).not.toContainText('hunter2');
  await playToDebrief(page);
  await expect.poll(() => lrs.seen.length).toBeGreaterThan(0);
  expect(lrs.seen[0]!.auth).toBe(`Basic ${Buffer.from('user:hunter2').toString('base64')}`);
});

test('an incomplete LRS configuration in storage does not break the Settings screen', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('kap.lrs', '{}'));
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Results settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove these settings' }).click();
  await expect(page.locator('[data-settings-message]')).toContainText('Removed');
  expect(await page.evaluate(() => localStorage.getItem('kap.lrs'))).toBeNull();
});

test("the library's last result is replayed from the log, not taken from an edited record", async ({
  page,
}) => {
  const id = SHORT_SCENARIO;
  const run = playHeadless(bundled(id), { seed: 3, mode: 'assessment', strategy: 'worst' });
  const oneEvent = { ...run.attempt, events: run.attempt.events.slice(0, 1) };
  await page.goto('/#/history');
  await expect(page.locator('[data-empty]')).toBeVisible();
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kap-results');
        open.onsuccess = () => {
          const tx = open.result.transaction('attempts', 'readwrite');
          tx.objectStore('attempts').put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    {
      id: 'edited-1',
      attempt: oneEvent,
      report: { ...run.report, passed: true, overall: 100 },
      comments: [],
      finishedAt: '2026-03-01T09:30:00.000Z',
    },
  );
  await page.goto('/#/');
  const last = page.locator(`[data-scenario="${id}"] [data-last-result]`);
  // One event never reaches the debrief: no result, let alone the edited one.
  await expect(last).toHaveAttribute('data-last-result', 'unfinished');
  await expect(last).not.toContainText('%');
});

test('a 409 counts as sent only when the LRS holds the same statement; a different one is set aside', async ({
  page,
}) => {
  const endpoint = 'https://conflict-lrs.example.org/xapi/';
  const ids: string[] = [];
  const lrs = fakeLrs(page, endpoint, (id, n) => {
    ids.push(id);
    return n === 2 || n === 3 ? 409 : 204;
  });
  await lrs.install();
  await configure(page, endpoint, 'key-a', 'trainee@example.org');
  // The LRS already holds the second statement as it is, and a different one under the third id.
  await page.route(`${endpoint}statements?statementId=*`, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const id = new URL(route.request().url()).searchParams.get('statementId')!;
    const sent = (await page.evaluate(
      (statementId) =>
        new Promise((resolve) => {
          const open = indexedDB.open('kap-results');
          open.onsuccess = () => {
            const get = open.result
              .transaction('outbox')
              .objectStore('outbox')
              .index('id')
              .get(statementId);
            get.onsuccess = () => resolve(get.result?.statement);
          };
        }),
      id,
    )) as Record<string, unknown>;
    const held = id === ids[1] ? sent : { ...sent, result: { success: false } };
    await route.fulfill({
      status: 200,
      json: { ...held, stored: '2026-03-01T10:00:00.000Z' },
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
  });
  await playToDebrief(page);
  await page.evaluate(() => (location.hash = '#/settings'));
  await expect(page.locator('[data-refused]')).toHaveAttribute('data-refused', '1');
  await expect(page.locator(`[data-refused-statement="${ids[2]}"]`)).toContainText(
    'HTTP 409: The LRS already holds a different statement with this id',
  );
  await expect(page.locator(`[data-refused-statement="${ids[1]}"]`)).toHaveCount(0);
  await expect(page.locator('[data-destination]')).toHaveAttribute('data-waiting', '0');
});
