/**
 * The instructor workspace (#/workspace): opening files, diagnostics, the map, preview from a
 * step, hostile files, accessibility, and the live author loop (`scripts/author.ts`).
 */
import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { validate } from '../../src/engine/format/validate.ts';
import { tidy } from '../../src/engine/format/tidy.ts';
import { analyze } from '../../src/engine/analysis/analyze.ts';
import { analyzeDecisions } from '../../src/engine/analysis/decisions.ts';
import { describePoints } from '../../src/workspace/map-model.ts';
import { bundledIds, loadScenario } from './helpers.ts';

const FIXTURES = 'tests/fixtures/workspace';
const fixtureText = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');

async function openWorkspace(page: Page): Promise<void> {
  await page.goto('/#/workspace');
  await expect(page.getByRole('heading', { name: 'Instructor workspace' })).toBeVisible();
}

async function openFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page
    .getByLabel('Scenario file', { exact: true })
    .setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Records dialogs and page errors; `assertNothingRan` checks no script from a file ran. */
function watchForScripts(page: Page) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return async () => {
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // The page never goes blank.
    await expect(page.getByRole('heading', { name: 'Instructor workspace' })).toBeVisible();
  };
}

test('an invalid file: its diagnostics are listed with locations and lead to the map', async ({
  page,
}) => {
  const text = fixtureText('invalid.json');
  const expected = validate(text).diagnostics;
  const errors = expected.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);

  await openWorkspace(page);
  await openFile(page, 'invalid.json', text);
  await expect(page.locator('[data-summary]')).toContainText(`${errors.length} errors`);
  await expect(page.locator('[data-diagnostic]')).toHaveCount(expected.length);
  for (const d of errors) {
    const item = page.locator(`[data-diagnostic="${d.code}"][data-path="${d.path}"]`);
    await expect(item.locator('[data-location]')).toHaveText(`${d.line}:${d.column}`);
    await expect(item).toContainText(d.message);
    await expect(item).toContainText(d.path);
  }
  await page.getByLabel('Show errors only').check();
  await expect(page.locator('[data-diagnostic]')).toHaveCount(errors.length);

  // It cannot be played, but the map is drawn from what parsed.
  await expect(page.locator('[data-preview-disabled]')).toBeVisible();
  await expect(page.locator('[data-node="mon-orphan"]')).toHaveAttribute(
    'data-unreachable',
    'true',
  );

  // A diagnostic selects the step it is about.
  const broken = errors.find((d) => d.code === 'UNKNOWN_STEP')!;
  await page.locator(`[data-diagnostic="UNKNOWN_STEP"][data-path="${broken.path}"]`).click();
  const node = page.locator('[data-node="mon-onset"]');
  await expect(node).toHaveAttribute('data-selected', 'true');
  await expect(node).toBeFocused();
});

test('a valid file: the map shows every step and every option, and the analysis matches', async ({
  page,
}) => {
  await openWorkspace(page);
  for (const id of bundledIds) {
    const text = readFileSync(`scenarios/${id}.json`, 'utf8');
    const scenario = loadScenario(`scenarios/${id}.json`);
    const steps = scenario.phases.flatMap((p) => p.steps);
    await openFile(page, `${id}.json`, text);
    await expect(page.locator('[data-summary]')).toContainText(`${id}.json: 0 errors`);
    await expect(page.locator('[data-map] [data-node]')).toHaveCount(steps.length);
    await expect(page.locator('[data-map] [data-edge]')).toHaveCount(
      steps.reduce((n, s) => n + s.options.length, 0),
    );
    for (const phase of scenario.phases)
      await expect(page.locator(`[data-node][data-phase="${phase.id}"]`)).toHaveCount(
        phase.steps.length,
      );
    const critical = steps.flatMap((s) => s.options).filter((o) => o.critical);
    await expect(page.locator('[data-edge][data-critical="true"]')).toHaveCount(critical.length);
    const analysis = analyze(scenario);
    for (const p of analysis.phases)
      await expect(
        page.locator(`[data-section="phases"] [data-row="${p.id}"] [data-col="paths"]`),
      ).toHaveText(`${p.pathsCapped ? '≥ ' : ''}${p.paths.toLocaleString('en')}`);
    for (const p of analysis.phases)
      await expect(
        page.locator(`[data-section="phases"] [data-row="${p.id}"] [data-col="pathsWithoutGates"]`),
      ).toHaveText(
        `${p.pathsWithoutGatesCapped ? '≥ ' : ''}${p.pathsWithoutGates.toLocaleString('en')}`,
      );
    // Every section analyze prints, the decision analysis included.
    const decisions = analyzeDecisions(scenario);
    for (const key of ['scores', 'scoresWithoutGates', 'gatedChoices', 'criticalErrors', 'unused'])
      await expect(page.locator(`[data-section="${key}"]`)).toBeVisible();
    for (const key of ['weakerOnlySteps', 'cues'])
      await expect(page.locator(`[data-section="${key}"]`)).toBeVisible();
    for (const key of ['spokenWithoutReaction', 'standards', 'length'])
      await expect(page.locator(`[data-section="${key}"]`)).toBeVisible();
    const weaker = page.locator('[data-section="weakerOnlySteps"]');
    if (decisions.weakerOnlySteps.length === 0) await expect(weaker).toContainText('None.');
    for (const s of decisions.weakerOnlySteps)
      await expect(weaker.locator(`[data-row="${s.phase}"]`).first()).toBeVisible();
    await expect(page.locator('[data-section="cues"] [data-field-key="bestFirst"] dd')).toHaveText(
      String(decisions.cues.bestFirst),
    );
    // Gate marks, never-scored competencies and breaches in the words analyze prints.
    for (const c of analysis.criticalErrors)
      await expect(
        page
          .locator(`[data-section="criticalErrors"] [data-row="${c.id}"] [data-col="gating"]`)
          .first(),
      ).toHaveText(
        c.gates.length > 0
          ? /^only if the .+ lets it through$/
          : c.gated
            ? 'reached only through a gated choice'
            : 'no',
      );
    for (const c of analysis.scoresWithoutGates?.notScored ?? [])
      await expect(
        page.locator(`[data-section="scoresWithoutGates"] [data-row="${c}"] [data-col="min"]`),
      ).toHaveText('not scored without a gated choice');
    await expect(page.locator('[data-section="scores"] [data-note]')).toContainText(
      'Each range is taken over the paths on its own',
    );
    for (const standard of Object.keys(decisions.standards.breachedBy))
      await expect(
        page.locator(`[data-section="standards"] [data-row="${standard}"] th`),
      ).toHaveText(standard);
  }
});

test('search highlights matching steps; zoom and pan work from the keyboard', async ({ page }) => {
  const scenario = loadScenario(`scenarios/${bundledIds[0]}.json`);
  const target = scenario.phases[2]!.steps[1]!;
  await openWorkspace(page);
  await openFile(page, 'a.json', readFileSync(`scenarios/${bundledIds[0]}.json`, 'utf8'));
  await page.getByLabel('Search steps').fill(target.id);
  await expect(page.locator(`[data-node="${target.id}"]`)).toHaveAttribute('data-match', 'true');
  const expected = scenario.phases
    .flatMap((p) => p.steps)
    .filter(
      (s) => s.id.includes(target.id) || s.text.toLowerCase().includes(target.id.toLowerCase()),
    );
  await expect(page.locator('[data-node][data-match="true"]')).toHaveCount(expected.length);

  const canvas = page.getByRole('group', { name: /^Scenario map/ });
  const before = Number(await canvas.getAttribute('data-viewbox'));
  await canvas.focus();
  await page.keyboard.press('+');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-viewbox')))
    .toBeLessThan(before);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-viewbox')))
    .toBeGreaterThan(before);
});

test('preview from a step in the middle of the integration phase plays on', async ({ page }) => {
  const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;
  const scenario = loadScenario(`scenarios/${id}.json`);
  const integration = scenario.phases.find((p) => p.id === 'integration')!;
  // An option that leads to the following step: in the tidied file its next is left implied.
  const following = (i: number) => integration.steps[i + 1]?.id;
  const middle = integration.steps.find(
    (s, i) => i > 0 && s.options.some((o) => o.next === following(i)),
  )!;
  const option = middle.options.find(
    (o) => o.next === following(integration.steps.indexOf(middle)),
  )!;
  const text = tidy(readFileSync(`scenarios/${id}.json`, 'utf8')).text;
  expect(validate(text).scenario).toEqual(scenario);

  await openWorkspace(page);
  await openFile(page, `${id}.json`, text);
  await page.locator(`[data-node="${middle.id}"]`).click();
  await expect(page.locator('[data-preview-step]')).toHaveText(middle.id);
  await page.getByRole('button', { name: `Preview from ${middle.id}` }).click();

  const play = page.locator('[data-preview-running]');
  await expect(play).toHaveAttribute('data-phase', 'integration');
  await expect(play.locator('[data-current-step]')).toHaveAttribute('data-current-step', middle.id);
  // Each option shows its scoring effect before it is chosen.
  for (const o of middle.options) {
    await expect(play.locator(`[data-option-effect="${o.id}"]`)).toHaveText(
      describePoints(o.points ?? {}),
    );
  }
  await play.locator(`button[data-option="${option.id}"]`).click();
  await expect(play.locator('[data-current-step]')).toHaveAttribute(
    'data-current-step',
    option.next!,
  );
  for (const [competency, points] of Object.entries(option.points ?? {}))
    await expect(play.locator(`[data-score="${competency}"]`)).toContainText(`${points} of`);
});

test('preview uses the variables, facts and offsets set for it', async ({ page }) => {
  const text = fixtureText('../engine/protocol-gates.json');
  await openWorkspace(page);
  await openFile(page, 'gates.json', text);
  await page.locator('[data-node="adm-dose"]').click();
  await page.locator('[data-offset="systolic"]').fill('25');
  await page.getByRole('button', { name: 'Preview from adm-dose' }).click();
  const play = page.locator('[data-preview-running]');
  const scenario = loadScenario('tests/fixtures/engine/protocol-gates.json');
  await expect(play.locator('[data-watch-vital="systolic"]')).toHaveText(
    new RegExp(`^${scenario.patient.baseline.systolic + 25}( |$)`),
  );
  await play.locator('button[data-option="adm-give"]').click();
  await expect(play.locator('[data-refusal]')).toContainText('consent has not been recorded');
  // A refused choice is not part of the path exported for the command line.
  await expect(page.locator('[data-choices]')).toHaveText(/--choices\s*$/);

  for (const fact of ['consentRecorded', 'screeningComplete', 'bpChecked', 'bpWithinThreshold'])
    await page.locator(`[data-fact="${fact}"]`).check();
  await page.getByRole('button', { name: 'Preview from adm-dose' }).click();
  await play.locator('button[data-option="adm-give"]').click();
  await expect(play.locator('[data-current-step]')).toHaveAttribute(
    'data-current-step',
    'adm-settle',
  );
  await expect(play.locator('[data-refusal]')).toHaveCount(0);
  await expect(page.locator('[data-choices]')).toHaveText(/--choices adm-give$/);
});

test('preview before the dose starts at a minute since arrival', async ({ page }) => {
  const text = readFileSync('scenarios/hard-stop-blood-pressure.json', 'utf8');
  await openWorkspace(page);
  await openFile(page, 'hard-stop-blood-pressure.json', text);
  await page.locator('[data-node="a-first-bp"]').click();
  const clock = page.getByLabel('Clock: minutes since arrival (before the dose)');
  await expect(clock).toBeEnabled();
  await clock.fill('14');
  await page.getByRole('button', { name: 'Preview from a-first-bp' }).click();
  const play = page.locator('[data-preview-running]');
  await expect(play.locator('h3').first()).toContainText('arrival minute 14, before the dose');
  await expect(play.locator('[data-current-step]')).toHaveAttribute(
    'data-current-step',
    'a-first-bp',
  );
});

test.describe('hostile files are refused or shown inert', () => {
  test('not JSON', async ({ page }) => {
    const check = watchForScripts(page);
    await openWorkspace(page);
    await openFile(page, 'not-json.json', fixtureText('not-json.json'));
    await expect(page.locator('[data-diagnostic="JSON_SYNTAX"]').first()).toBeVisible();
    await expect(page.locator('[data-no-map]')).toBeVisible();
    await check();
  });

  test('over the size limit: refused before it is read', async ({ page }) => {
    const check = watchForScripts(page);
    await openWorkspace(page);
    await openFile(page, 'huge.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    await expect(page.locator('[data-refused]')).toContainText('up to 5.0 MB');
    await expect(page.locator('[data-diagnostics]')).toHaveCount(0);
    await check();
  });

  test('deeply nested', async ({ page }) => {
    const check = watchForScripts(page);
    await openWorkspace(page);
    await openFile(page, 'deep.json', `{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    await expect(page.locator('[data-diagnostic="TOO_DEEP"]')).toBeVisible();
    await expect(page.locator('[data-no-map]')).toBeVisible();
    await check();
  });

  test('a __proto__ key', async ({ page }) => {
    const check = watchForScripts(page);
    await openWorkspace(page);
    await openFile(page, 'proto.json', fixtureText('proto-key.json'));
    await expect(page.locator('[data-diagnostic="FORBIDDEN_KEY"]')).toContainText('__proto__');
    await expect(page.locator('[data-no-map]')).toBeVisible();
    await check();
  });

  test('script and markup in texts are shown as text, on the map and in the preview', async ({
    page,
  }) => {
    const check = watchForScripts(page);
    await openWorkspace(page);
    // Dropped rather than picked: the drop zone reads the file the same way.
    const text = fixtureText('hostile-text.json');
    await page.locator('[data-dropzone]').evaluate((zone, content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'hostile-text.json', { type: 'application/json' }));
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
    await expect(page.locator('[data-summary]')).toContainText('hostile-text.json: 0 errors');
    await expect(page.locator('[data-node="prep-welcome"]')).toHaveAttribute(
      'aria-label',
      /Hello <img src=x onerror/,
    );
    await page.locator('[data-node="prep-welcome"]').click();
    await page.getByRole('button', { name: 'Preview from prep-welcome' }).click();
    const play = page.locator('[data-preview-running]');
    await expect(play.locator('[data-current-step]')).toContainText(
      'Hello <img src=x onerror="window.__pwned = 2"> <script>',
    );
    await expect(play.locator('button[data-option="prep-consent"]')).toHaveText(
      'Answer <img src=x onerror="window.__pwned = 4">',
    );
    await play.locator('button[data-option="prep-consent"]').click();
    await expect(play.locator('[data-feedback]')).toContainText(
      'Feedback <script>window.__pwned = 5</script>',
    );
    expect(
      await page.locator('main img, main script, main iframe, main svg [onload]').count(),
    ).toBe(0);
    await check();
  });
});

test('the workspace is keyboard operable and has no axe violations', async ({ page }) => {
  const id = bundledIds[0]!;
  const scenario = loadScenario(`scenarios/${id}.json`);
  const first = scenario.phases[0]!.steps[0]!;
  await openWorkspace(page);
  await openFile(page, `${id}.json`, readFileSync(`scenarios/${id}.json`, 'utf8'));
  const node = page.locator(`[data-node="${first.id}"]`);
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(node).toHaveAttribute('data-selected', 'true');
  const start = page.getByRole('button', { name: `Preview from ${first.id}` });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-current-step]')).toHaveAttribute('data-current-step', first.id);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);

  await openFile(page, 'invalid.json', fixtureText('invalid.json'));
  await expect(page.locator('[data-preview-disabled]')).toBeVisible();
  const invalid = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(invalid.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Records what the page's Content Security Policy refused, console errors, and the address of
 * every worker the page starts; `expectCleanWorkers` checks the checks ran in workers loaded
 * from the app's own origin (never a blob: or data: URL, which the CSP refuses).
 */
async function watchWorkers(page: Page) {
  const problems: string[] = [];
  const workers: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('worker', (w) => workers.push(w.url()));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`),
    ),
  );
  return (origin: string) => {
    expect(problems).toEqual([]);
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const url of workers) expect(url.startsWith(`${origin}/`), url).toBe(true);
  };
}

test('the check workers load from the app’s own files under its CSP', async ({ page }) => {
  const expectCleanWorkers = await watchWorkers(page);
  await openWorkspace(page);
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  await expect(page.locator('[data-node]')).not.toHaveCount(0);
  expectCleanWorkers(new URL(page.url()).origin);
});

test('npm run author: saving the file updates the diagnostics live', async ({ page }) => {
  test.setTimeout(120_000);
  const expectCleanWorkers = await watchWorkers(page);
  const dir = mkdtempSync(join(tmpdir(), 'kap-author-'));
  const file = join(dir, 'draft.json');
  const valid = readFileSync('tests/fixtures/engine/protocol-gates.json', 'utf8');
  writeFileSync(file, valid);
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'scripts/author.ts', file, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open (http\S+#\/workspace\?author)/.exec(out);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`author exited with ${code}: ${out}`)));
    });
    // The development server compiles the app on first request, which may take a while.
    await page.goto(url, { timeout: 60_000 });
    await expect(page.locator('[data-author-status]')).toContainText('Watching draft.json', {
      timeout: 60_000,
    });
    await expect(page.locator('[data-summary]')).toContainText('draft.json: 0 errors', {
      timeout: 30_000,
    });
    await expect(page.locator('[data-node]')).not.toHaveCount(0);
    // The development server's page has the same CSP; its check workers load under it.
    expectCleanWorkers(new URL(url).origin);
    const revision = Number(
      await page.locator('[data-screen="workspace"]').getAttribute('data-revision'),
    );

    writeFileSync(file, valid.replace('"next": "mon-peak"', '"next": "mon-peek"'));
    await expect(page.locator('[data-diagnostic="UNKNOWN_STEP"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('[data-summary]')).toContainText('1 error');
    await expect(page.locator('[data-screen="workspace"]')).not.toHaveAttribute(
      'data-revision',
      String(revision),
    );

    writeFileSync(file, valid);
    await expect(page.locator('[data-summary]')).toContainText('0 errors', { timeout: 15_000 });
    await expect(page.locator('[data-diagnostic="UNKNOWN_STEP"]')).toHaveCount(0);
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
