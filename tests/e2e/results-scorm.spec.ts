import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { serializeAttempt, type Attempt } from '../../src/engine/attempt/index.ts';
import {
  SUSPEND_DATA_LIMIT,
  decodeSuspendData,
  encodeSuspendData,
} from '../../src/engine/results/suspend-data.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';
import { replay } from '../../src/engine/session/session.ts';
import { bundled } from './helpers.ts';

/**
 * The SCORM 1.2 package in a stand-in LMS: a page whose `API` is scorm-again's Scorm12API, with
 * the packaged index.html in an iframe, all served from a local server started here.
 */
let server: Server;
let lms: string;
let files: Record<string, Uint8Array>;

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  wav: 'audio/wav',
  xml: 'application/xml',
};

const wrapper = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><script src="/scorm12.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.calls = [];
  for (const name of ['LMSInitialize', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const original = window.API[name].bind(window.API);
    window.API[name] = (...args) => { window.calls.push([name, ...args]); return original(...args); };
  }
  if (params.get('suspend')) {
    window.API.loadFromJSON({ core: { lesson_status: 'incomplete', entry: 'resume' }, suspend_data: params.get('suspend') });
  }
</script></head>
<body><iframe title="Course" style="width:100%;height:90vh"></iframe>
<script>document.querySelector('iframe').src = 'sco/index.html' + (params.get('start') || '');</script>
</body></html>`;

// One package and one stand-in LMS for the file: its tests share them, in one worker.
test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  const packaged = spawnSync('npx', ['tsx', 'scripts/package-scorm.ts', '--no-build'], {
    encoding: 'utf8',
  });
  expect(packaged.status, packaged.stderr).toBe(0);
  files = unzipSync(new Uint8Array(readFileSync('dist-scorm/kap-simulator-scorm12.zip')));
  const scorm = readFileSync('node_modules/scorm-again/dist/scorm12.min.js');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://lms').pathname);
    const send = (status: number, type: string, body: string | Uint8Array) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (path === '/lms.html') return send(200, 'text/html', wrapper);
    if (path === '/scorm12.js') return send(200, 'text/javascript', scorm);
    const file = path.startsWith('/sco/') ? files[path.slice('/sco/'.length)] : undefined;
    if (!file) return send(404, 'text/plain', 'not found');
    send(200, TYPES[path.split('.').pop()!] ?? 'application/octet-stream', file);
  });
  return new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      lms = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    }),
  );
});

test.afterAll(() => new Promise((resolve) => server.close(resolve)));

const cmi = (page: Page, element: string) =>
  page.evaluate(
    (e) => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue(e),
    element,
  );
const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: string[][] }).calls);

async function withSavedAttempt(page: Page, attempt: Attempt) {
  await page.goto(`${lms}/scorm12.js`);
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key!, text!),
    [`kap.attempt.${attempt.scenarioId}`, serializeAttempt(attempt)],
  );
}

test('the package has a SCORM 1.2 manifest that lists the built app', () => {
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
  for (const name of Object.keys(files).filter((f) => f !== 'imsmanifest.xml'))
    expect(manifest).toContain(`href="${name}"`);
  expect(files['index.html']).toBeDefined();
  // No mastery score: the LMS must not turn a score into passed or failed by a rule of its own.
  expect(manifest).not.toContain('masteryscore');
});

test('in an LMS, a finished attempt reports its status, score and session time', async ({
  page,
}) => {
  const id = 'esketamine-rems-monitoring';
  const run = playHeadless(bundled(id), { seed: 21, mode: 'assessment', strategy: 'best' });
  await withSavedAttempt(page, run.attempt);
  await page.goto(`${lms}/lms.html?start=${encodeURIComponent(`#/debrief/${id}`)}`);
  const course = page.frameLocator('iframe');
  // The result is shown once the reflection asked before it is skipped.
  await course.locator('[data-reflect-skip]').click();
  await expect(course.locator('[data-screen="debrief"] [data-verdict]')).toContainText(
    `overall ${run.report.overall}%`,
  );

  await expect
    .poll(() => cmi(page, 'cmi.core.lesson_status'))
    .toBe(run.report.passed ? 'passed' : 'failed');
  expect(Number(await cmi(page, 'cmi.core.score.raw'))).toBe(run.report.overall);
  expect(await cmi(page, 'cmi.core.score.min')).toBe('0');
  expect(await cmi(page, 'cmi.core.score.max')).toBe('100');

  // Leaving the course records the time spent and finishes the LMS session.
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await expect.poll(async () => (await calls(page)).some((c) => c[0] === 'LMSFinish')).toBe(true);
  const log = await calls(page);
  expect(log[0]![0]).toBe('LMSInitialize');
  const time = log.find((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.session_time');
  expect(time?.[2]).toMatch(/^\d{4}:\d{2}:\d{2}(\.\d{1,2})?$/);
});

test('an unfinished attempt is kept in suspend_data and resumed from it in a fresh browser', async ({
  page,
  browser,
}) => {
  const id = 'trd-sublingual-first-session';
  const scenario = bundled(id);
  const full = playHeadless(scenario, { seed: 77, mode: 'practice', strategy: 'best' });
  const partial: Attempt = {
    ...full.attempt,
    events: full.attempt.events.slice(0, Math.floor(full.attempt.events.length * 0.6)),
  };
  await withSavedAttempt(page, partial);
  await page.goto(`${lms}/lms.html?start=${encodeURIComponent(`#/session/${id}`)}`);
  await expect(page.frameLocator('iframe').locator('[data-screen="session"]')).toBeVisible();

  await expect.poll(() => cmi(page, 'cmi.suspend_data')).not.toBe('');
  const data = await cmi(page, 'cmi.suspend_data');
  expect(data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
  expect(decodeSuspendData(scenario, data)).toEqual({ ok: true, attempt: partial });
  expect(await cmi(page, 'cmi.core.lesson_status')).toBe('incomplete');
  expect(
    (await calls(page)).some(
      (c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.exit' && c[2] === 'suspend',
    ),
  ).toBe(true);

  // Another device: nothing in local storage, only what the LMS kept.
  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(`${lms}/lms.html?suspend=${encodeURIComponent(data)}`);
    const course = fresh.frameLocator('iframe');
    await expect(course.locator('[data-screen="session"]')).toBeVisible();
    const frame = fresh.frames().find((f) => f.url().includes('/sco/'))!;
    await expect
      .poll(() => frame.evaluate((key) => localStorage.getItem(key), `kap.attempt.${id}`))
      .toBe(serializeAttempt(partial));
    // The session is where it was left: the same simulated minute.
    const minute = replay(scenario, partial).context.minute;
    await expect(course.locator('[data-minute]')).toHaveAttribute(
      'data-minute',
      String(minute ?? 'none'),
    );
  } finally {
    await other.close();
  }
});

test('leaving into the back/forward cache does not finish the LMS session; back again, saving goes on', async ({
  page,
}) => {
  const id = 'trd-sublingual-first-session';
  const full = playHeadless(bundled(id), { seed: 78, mode: 'practice', strategy: 'best' });
  const partial: Attempt = { ...full.attempt, events: full.attempt.events.slice(0, 3) };
  await withSavedAttempt(page, partial);
  await page.goto(`${lms}/lms.html?start=${encodeURIComponent(`#/session/${id}`)}`);
  const course = page.frameLocator('iframe');
  await expect(course.locator('[data-screen="session"]')).toBeVisible();
  await expect.poll(() => cmi(page, 'cmi.suspend_data')).not.toBe('');
  const before = await cmi(page, 'cmi.suspend_data');

  const frame = page.frames().find((f) => f.url().includes('/sco/'))!;
  await frame.evaluate(() =>
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })),
  );
  expect((await calls(page)).some((c) => c[0] === 'LMSFinish')).toBe(false);
  await frame.evaluate(() =>
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })),
  );
  await course.locator('button[data-option]').first().click();
  await expect.poll(() => cmi(page, 'cmi.suspend_data'), { timeout: 15_000 }).not.toBe(before);
  expect((await calls(page)).some((c) => c[0] === 'LMSFinish')).toBe(false);

  // A real unload finishes it, with a valid session time.
  await frame.evaluate(() =>
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })),
  );
  await expect.poll(async () => (await calls(page)).some((c) => c[0] === 'LMSFinish')).toBe(true);
  const time = (await calls(page)).find(
    (c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.core.session_time',
  );
  expect(time?.[2]).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
});

test('resume data from an earlier scenario version is explained and kept until the trainee chooses', async ({
  page,
}) => {
  const id = 'trd-sublingual-first-session';
  const scenario = bundled(id);
  const full = playHeadless(scenario, { seed: 79, mode: 'practice', strategy: 'best' });
  const old: Attempt = {
    ...full.attempt,
    scenarioHash: '0123456789abcdef',
    events: full.attempt.events.slice(0, 5),
  };
  const data = encodeSuspendData(scenario, old);
  await page.goto(`${lms}/lms.html?suspend=${encodeURIComponent(data)}`);
  const course = page.frameLocator('iframe');
  const notice = course.locator('[data-notice="scorm-resume-held"]');
  await expect(notice).toContainText('cannot be resumed');
  await expect(notice).toContainText('The scenario has changed since this attempt was saved');

  // The trainee starts a new attempt meanwhile: the LMS copy is still not overwritten.
  await course.getByRole('link').filter({ hasText: scenario.title }).first().click();
  await course.getByRole('button', { name: 'Start session' }).click();
  await expect(course.locator('[data-screen="session"]')).toBeVisible();
  await course.locator('button[data-option]').first().click();
  expect(await cmi(page, 'cmi.suspend_data')).toBe(data);
  expect(
    (await calls(page)).some((c) => c[0] === 'LMSSetValue' && c[1] === 'cmi.suspend_data'),
  ).toBe(false);

  await notice.getByRole('button', { name: 'Discard the LMS copy' }).click();
  await expect.poll(() => cmi(page, 'cmi.suspend_data')).not.toBe(data);
  await expect(notice).toHaveCount(0);
});

test('an attempt too long for the LMS is not skipped silently: the trainee is told', async ({
  page,
}) => {
  const id = 'trd-sublingual-first-session';
  const full = playHeadless(bundled(id), { seed: 80, mode: 'practice', strategy: 'best' });
  // Thousands of refused choices with ids the scenario does not know: nothing compresses them.
  let x = 12345;
  const noise = Array.from({ length: 3000 }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return { type: 'trainee.choose' as const, optionId: `zz${x.toString(36)}` };
  });
  const [begin, ...rest] = full.attempt.events.slice(0, 4);
  const long: Attempt = { ...full.attempt, events: [begin!, ...noise, ...rest] };
  await withSavedAttempt(page, long);
  await page.goto(`${lms}/lms.html?start=${encodeURIComponent(`#/session/${id}`)}`);
  const course = page.frameLocator('iframe');
  await expect(course.locator('[data-notice="scorm-too-long"]')).toContainText(
    'Your progress is no longer saved in the LMS',
  );
  await expect(course.locator('[data-notice="scorm-too-long"]')).toContainText(
    'It is still saved on this device',
  );
  expect(await cmi(page, 'cmi.suspend_data')).toBe('');
});
