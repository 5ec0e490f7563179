/**
 * An LRS the cohort view cannot read from — no network, no answer in time, credentials refused —
 * is named in a clear message; the attempts opened from files stay loaded and nothing crashes.
 */
import { expect, test, type Page } from '@playwright/test';
import { cohortFiles } from '../fixtures/cohort/cohort-fixtures.ts';
import { expectedFrom, expectFigures, expectNoViolations, openCohort } from './cohort-helpers.ts';

const files = cohortFiles();
const expected = expectedFrom(files);

async function openFilesThenReadLrs(page: Page, endpoint: string) {
  await openCohort(page, files);
  await expectFigures(page, expected);
  await page.locator('[data-cohort-lrs] summary').click();
  await page.locator('[data-lrs-endpoint]').fill(endpoint);
  await page.locator('[data-lrs-key]').fill('cohort-key');
  await page.locator('[data-lrs-secret]').fill('cohort-secret');
  await page.locator('[data-lrs-read]').click();
}

/** The message names the LRS, the files' figures are unchanged, and the page still works. */
async function expectStillWorking(page: Page, endpoint: string, says: RegExp) {
  const error = page.locator('[data-lrs-error]');
  await expect(error).toContainText(`The learning record store at ${endpoint}`);
  await expect(error).toContainText(says);
  await expect(error).toContainText('Attempts opened from files are not affected');
  await expect(page.locator('[data-error]')).toHaveCount(0);
  await expectFigures(page, expected);
  await expect(page.locator('[data-lrs-read]')).toBeEnabled();
  await expectNoViolations(page, 'cohort with an LRS error');
}

test('an LRS that cannot be reached (network error) is named; the files stay loaded', async ({
  page,
}) => {
  const endpoint = 'https://down-lrs.example.test/xapi/';
  await page.route(`${endpoint}**`, (route) => route.abort('connectionrefused'));
  await openFilesThenReadLrs(page, endpoint);
  await expectStillWorking(page, endpoint, /could not be reached/);
});

test('an LRS that refuses the key and secret (401) is named with its answer', async ({ page }) => {
  const endpoint = 'https://strict-lrs.example.test/xapi/';
  await page.route(`${endpoint}**`, (route) =>
    route.fulfill({
      status: 401,
      body: 'Unauthorized',
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
  await openFilesThenReadLrs(page, endpoint);
  await expectStillWorking(page, endpoint, /answered 401: the key and secret were refused/);
});

test('an LRS that never answers times out and is named', async ({ page }) => {
  await page.clock.install();
  const endpoint = 'https://slow-lrs.example.test/xapi/';
  let asked = 0;
  await page.route(`${endpoint}**`, () => {
    asked++; // never answered
  });
  await openFilesThenReadLrs(page, endpoint);
  await expect.poll(() => asked).toBeGreaterThan(0);
  await expect(page.locator('[data-cohort-lrs] [role="status"]')).toContainText(
    'Reading statements',
  );
  await page.clock.runFor(31_000);
  await expectStillWorking(page, endpoint, /did not answer within 30 seconds/);
});

test('a new read clears the last read’s outcome, even when the form refuses it', async ({
  page,
}) => {
  const endpoint = 'https://empty-lrs.example.test/xapi/';
  await page.route(`${endpoint}**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ statements: [], more: '' }),
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-lrs] summary').click();
  await page.locator('[data-lrs-endpoint]').fill(endpoint);
  await page.locator('[data-lrs-key]').fill('cohort-key');
  await page.locator('[data-lrs-secret]').fill('cohort-secret');
  await page.locator('[data-lrs-read]').click();
  await expect(page.locator('[data-lrs-done]')).toHaveText('Read 0 statements: 0 attempts.');
  // The endpoint emptied: the browser refuses the submit, and the old outcome goes.
  await page.locator('[data-lrs-endpoint]').fill('');
  await page.locator('[data-lrs-read]').click();
  await expect(page.locator('[data-lrs-done]')).toHaveCount(0);
});
