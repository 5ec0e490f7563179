import { expect, test } from '@playwright/test';
import { attemptId } from '../../src/engine/results/export.ts';
import { decodeSuspendData } from '../../src/engine/results/suspend-data.ts';
import { buildStatements, type Statement } from '../../src/engine/results/xapi.ts';
import {
  filePayload,
  bundledScenario,
  cohortFiles,
  exported,
  SCENARIO_A,
} from '../fixtures/cohort/cohort-fixtures.ts';
import { expectedFrom, expectFigures } from './cohort-helpers.ts';

const ENDPOINT = 'https://lrs.example.test/xapi/';
const BASE = 'https://training.example.org/kap/';
const AUTH = `Basic ${Buffer.from('cohort-key:cohort-secret').toString('base64')}`;
const PAGE_SIZE = 4;

const files = cohortFiles();
const again = files.find((f) => f.name === 'ada-again.json')!;
// Dee's attempt of a scenario version not at hand: unverified from the LRS and from a file.
const dee = files.find((f) => f.name === 'dee.json')!;
// Attempts left before the debrief are never sent to an LRS: they come from a file.
const eve = files.find((f) => f.name === 'eve.json')!;
const inLrs = files.filter((f) => f !== again && f !== eve);

/** Every statement of every attempt in `inLrs`, built as the simulator sends them. */
function statementsOf(): Statement[] {
  const out: Statement[] = [];
  const add = (trainee: string, entry: (typeof files)[number]['attempts'][number]) => {
    const id = entry.attempt.scenarioId;
    // The attempt of the draft version was played against that version: rebuild it.
    const base = bundledScenario(id);
    const scenario =
      entry.scenarioVersion === base.version
        ? base
        : { ...base, version: entry.scenarioVersion!, title: `${base.title} (draft)` };
    out.push(
      ...buildStatements(scenario, entry.attempt, entry.report, {
        actor: {
          name: trainee,
          mbox: `mailto:${trainee.split(' ')[0]!.toLowerCase()}@example.org`,
        },
        activityBase: BASE,
        finishedAt: entry.finishedAt!,
      }),
    );
  };
  for (const f of inLrs) for (const entry of f.attempts) add(f.trainee, entry);
  // An attempt from February, which the "since" filter must leave out.
  const early = exported(
    {
      trainee: 'Eve Early',
      scenario: bundledScenario(SCENARIO_A),
      seed: 21,
      strategy: 'best',
      mode: 'practice',
    },
    0,
  );
  add('Eve Early', { ...early, finishedAt: '2026-02-10T10:00:00.000Z' });
  return out;
}

test('attempts read from an LRS (paged with more links) are verified and merged with files, each once', async ({
  page,
}) => {
  const stored = statementsOf();
  const requests: URL[] = [];
  await page.route(`${ENDPOINT}**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.push(url);
    if (request.headers()['authorization'] !== AUTH || request.method() !== 'GET')
      return route.fulfill({ status: 401, body: 'unauthorised' });
    const p = url.searchParams;
    const start = Number(p.get('more') ?? 0);
    const query = new URLSearchParams(p.get('q') ?? url.search);
    const verb = query.get('verb');
    const activity = query.get('activity');
    const since = query.get('since');
    const until = query.get('until');
    const matching = stored.filter(
      (s) =>
        (!verb || s.verb.id === verb) &&
        (!activity || s.object.id === activity) &&
        (!since || s.timestamp > since) &&
        (!until || s.timestamp <= until),
    );
    const pageOf = matching.slice(start, start + PAGE_SIZE);
    // Each page repeats the last statement of the one before (as an LRS may while statements
    // arrive): a statement met twice must count once.
    const next = start + PAGE_SIZE - 1;
    const more =
      next < matching.length
        ? `/xapi/statements?more=${next}&q=${encodeURIComponent(query.toString())}`
        : '';
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ statements: pageOf, more }),
    });
  });

  await page.goto('/#/cohort');
  await page.locator('[data-cohort-lrs] summary').click();
  await page.locator('[data-lrs-endpoint]').fill(ENDPOINT);
  await page.locator('[data-lrs-key]').fill('cohort-key');
  await page.locator('[data-lrs-secret]').fill('cohort-secret');
  await page.locator('[data-lrs-since]').fill('2026-03-01');
  await page.locator('[data-lrs-read]').click();
  const attemptsInLrs = inLrs.reduce((n, f) => n + f.attempts.length, 0);
  await expect(page.locator('[data-lrs-done]')).toContainText(`${attemptsInLrs} attempts`);
  expect(requests.length).toBeGreaterThan(1);
  expect(requests[0]!.searchParams.get('verb')).toBe('http://adlnet.gov/expapi/verbs/completed');
  expect(requests[0]!.searchParams.get('since')).toBe('2026-03-01T00:00:00.000Z');

  // Ada's attempt exported in a file too, and Dee's unverified one: each counted once.
  await page.locator('[data-cohort-files]').setInputFiles([again, dee, eve].map(filePayload));
  await expectFigures(page, expectedFrom([...files, dee]));
  await expect(page.locator('[data-cohort-unverified] li')).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('Eve Early');

  // The secret is not kept anywhere on the device.
  const kept = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(kept).not.toContain('cohort-secret');
});

test('the log in a completed statement decodes to the very attempt, so its id matches the file copy', () => {
  const entry = files[0]!.attempts[0]!;
  const scenario = bundledScenario(entry.attempt.scenarioId);
  const statements = buildStatements(scenario, entry.attempt, entry.report, {
    actor: { mbox: 'mailto:a@example.org' },
    activityBase: BASE,
    finishedAt: entry.finishedAt!,
  });
  const completed = statements.find((s) => s.verb.id.endsWith('/completed'))!;
  const log = completed.result!.extensions![`${BASE}xapi/attempt-log`] as string;
  const decoded = decodeSuspendData(scenario, log);
  expect(decoded.ok && attemptId(decoded.attempt)).toBe(attemptId(entry.attempt));
});
