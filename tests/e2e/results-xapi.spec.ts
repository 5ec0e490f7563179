import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { buildStatements } from '../../src/engine/results/xapi.ts';
import { statementProblems } from '../../src/engine/results/xapi-rules.ts';
import { playToDebrief } from './results-helpers.ts';

// These tests need the offline service worker (the shared config blocks it for the other tests).
test.use({ serviceWorkers: 'allow' });

/** A minimal LRS on 127.0.0.1: stores statements by id, answers 503 once to the n-th request. */
async function startLrs(failRequest: number) {
  const requests: { id: string; auth: string | undefined; version: string | undefined }[] = [];
  const stored = new Map<string, string>();
  const order: string[] = [];
  const server: Server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, X-Experience-API-Version',
    );
    res.setHeader('Access-Control-Allow-Methods', 'PUT, POST, GET, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://lrs');
      const id = url.searchParams.get('statementId') ?? '';
      if (req.method !== 'PUT' || url.pathname !== '/xapi/statements' || !id) {
        res.writeHead(400).end();
        return;
      }
      requests.push({
        id,
        auth: req.headers.authorization,
        version: req.headers['x-experience-api-version'] as string,
      });
      if (requests.length === failRequest) {
        res.writeHead(503).end();
        return;
      }
      const known = stored.get(id);
      if (known !== undefined) {
        res.writeHead(known === body ? 204 : 409).end();
        return;
      }
      stored.set(id, body);
      order.push(id);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    requests,
    stored,
    order,
    close: () => new Promise((r) => server.close(r)),
  };
}

test('statements reach a configured LRS in order, with no duplicates after a failed send and a retry', async ({
  page,
}) => {
  const lrs = await startLrs(4);
  try {
    // One network failure too: the first send of the first statement never reaches the LRS.
    let aborted = 0;
    await page.route(`${lrs.endpoint}**`, (route) =>
      aborted++ === 0 ? route.abort('connectionreset') : route.continue(),
    );

    await page.goto('/#/settings');
    await page.getByLabel('Endpoint').fill(lrs.endpoint.slice(0, -1));
    await page.getByLabel('Key (user name)').fill('trainee-key');
    await page.getByLabel('Secret (password)').fill('s3cret');
    await page.getByLabel('Your name').fill('Test Trainee');
    await page.getByLabel('Your e-mail address or learner id').fill('trainee@example.org');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'settings');

    const { scenario, run } = await playToDebrief(page);
    const expected = buildStatements(scenario, run.attempt, run.report, {
      actor: { name: 'Test Trainee', mbox: 'mailto:trainee@example.org' },
      activityBase: new URL('./', page.url()).href.replace(/#.*$/, ''),
      finishedAt: '2000-01-01T00:00:00.000Z',
    });

    await expect.poll(() => lrs.stored.size, { timeout: 30_000 }).toBe(expected.length);
    expect(aborted).toBeGreaterThan(1);
    // Sent in order; the statement that failed was sent again and stored once.
    expect(lrs.order).toEqual(expected.map((s) => s.id));
    const sends = lrs.requests.map((r) => r.id);
    expect(sends.length).toBe(expected.length + 1);
    expect(new Set(sends).size).toBe(expected.length);

    const statements = lrs.order.map((id) => JSON.parse(lrs.stored.get(id)!));
    const strip = ({ timestamp: _t, ...rest }: Record<string, unknown>) => rest;
    expect(statements.map(strip)).toEqual(JSON.parse(JSON.stringify(expected)).map(strip));
    for (const s of statements) expect(statementProblems(s)).toEqual([]);
    const verbs = statements.map((s) => s.verb.display['en-US'] as string);
    expect(verbs[0]).toBe('initialized');
    expect(verbs).toContain('experienced');
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(run.report.decisions.length);
    expect(verbs.slice(-3)).toEqual([
      'completed',
      run.report.passed ? 'passed' : 'failed',
      'terminated',
    ]);
    const answers = statements.filter(
      (s) =>
        s.verb.display['en-US'] === 'answered' && s.object.definition.interactionType === 'choice',
    );
    expect(answers.map((s) => s.result.response)).toEqual(
      run.report.decisions
        .filter((d) => d.kind === 'step' || d.kind === 'event')
        .map((d) => d.optionId ?? ''),
    );
    expect(
      lrs.requests.every(
        (r) => r.auth === `Basic ${Buffer.from('trainee-key:s3cret').toString('base64')}`,
      ),
    ).toBe(true);
    expect(lrs.requests.every((r) => r.version === '1.0.3')).toBe(true);

    // Coming back to the debrief sends nothing again.
    const before = lrs.requests.length;
    await page.reload();
    await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
    await page.goto('/#/history');
    await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
    await page.goto('/#/settings');
    await expect(page.locator('[data-outbox]')).toHaveAttribute('data-outbox', '0');
    expect(lrs.requests.length).toBe(before);
  } finally {
    await lrs.close();
  }
});

test('statements queue while offline and are sent when the network returns; a launch URL configures the LRS', async ({
  page,
  context,
}) => {
  const lrs = await startLrs(0);
  try {
    const actor = JSON.stringify({ name: 'Launched Trainee', mbox: 'mailto:launched@example.org' });
    const registration = 'd0c5e0a2-6a3b-4c1d-9e8f-0123456789ab';
    const query = new URLSearchParams({
      endpoint: lrs.endpoint,
      auth: 'Basic bGF1bmNoOmtleQ==',
      actor,
      registration,
    });
    await page.goto(`/?${query}#/settings`);
    await expect(page.locator('[data-lrs-state]')).toHaveAttribute('data-lrs-state', 'launch');
    expect(page.url()).not.toContain('auth=');

    // The service worker keeps the app's own files available offline.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    const { run } = await playToDebrief(page, undefined, 'assessment', () =>
      context.setOffline(true),
    );
    await page.evaluate(() => (location.hash = '#/history'));
    await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
    expect(lrs.requests).toHaveLength(0);
    await page.evaluate(() => (location.hash = '#/settings'));
    const waiting = page.locator('[data-destination]').filter({ hasText: lrs.endpoint });
    await expect(waiting).not.toHaveAttribute('data-waiting', '0');
    await expect(waiting).toContainText('about Launched Trainee (launched@example.org)');

    await context.setOffline(false);
    await expect
      .poll(() => lrs.stored.size, { timeout: 30_000 })
      .toBeGreaterThan(run.report.decisions.length);
    const statements = lrs.order.map((id) => JSON.parse(lrs.stored.get(id)!));
    expect(statements.every((s) => s.context.registration === registration)).toBe(true);
    expect(statements.every((s) => s.actor.mbox === 'mailto:launched@example.org')).toBe(true);
    expect(lrs.requests.every((r) => r.auth === 'Basic bGF1bmNoOmtleQ==')).toBe(true);
  } finally {
    await lrs.close();
  }
});
