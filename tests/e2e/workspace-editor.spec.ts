/**
 * The workspace as an editor, in the production build: building a complete scenario from the
 * template through the forms and the map alone, saving it, and checking it with the command
 * line; editing a bundled scenario so that the saved file differs only on the edited lines.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { downloadText } from './results-helpers.ts';
import { validate } from '../../src/engine/format/validate.ts';

const field = (page: Page, pointer: string) => page.locator(`[data-field-path="${pointer}"]`);

/** Opens the collapsible section of `pointer` (if it is not open yet). */
async function openSection(page: Page, pointer: string) {
  const section = page.locator(`details[data-field="${pointer}"]`);
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
    await section.locator(':scope > summary').click();
  await expect(section).toHaveAttribute('open', '');
}

/** Waits until the diagnostics reflect the latest edit (the worker has answered). */
async function settled(page: Page) {
  await expect(page.locator('[data-screen="workspace"]')).toHaveAttribute('data-busy', 'false');
}

/** Gives the option at `pointer` an action (the Add button, then the list of actions). */
async function addAction(page: Page, pointer: string, action: string) {
  await page.locator(`[data-add="${pointer}/action"]`).click();
  await field(page, `${pointer}/action`).selectOption(action);
}

/** Adds a points entry to the option at `pointer`. */
async function addPoints(page: Page, pointer: string, competency: string, points: string) {
  if ((await page.locator(`[data-add="${pointer}/points"]`).count()) > 0)
    await page.locator(`[data-add="${pointer}/points"]`).click();
  await page.locator(`[data-new-key="${pointer}/points"]`).fill(competency);
  await page.locator(`[data-new-key="${pointer}/points"]`).press('Enter');
  await field(page, `${pointer}/points/${competency}`).fill(points);
}

/** With a step selected on the map: connects its option `option` to `target`. */
async function connect(page: Page, option: string, target: string) {
  await page.locator('[data-connect-option]').selectOption(option);
  await page.locator('[data-connect-target]').selectOption(target);
  await page.locator('[data-connect]').click();
  await settled(page);
}

function cli(...args: string[]): string {
  try {
    return execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

test.describe.configure({ timeout: 120_000 });

test('a complete scenario built from the template through the forms and the map validates and plays', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/workspace');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');

  // Metadata through the generated form.
  await field(page, '/id').fill('night-nausea');
  await field(page, '/title').fill('Nausea at the peak');
  await settled(page);
  // A new scenario's file is named after its id.
  await expect(page.locator('[data-summary]')).toContainText('night-nausea.json: 0 errors');

  // The template's dose gate, its critical errors and its endings but one are removed first, so
  // that every one of them in the saved file is built below through the forms and the map.
  await expect(page.locator('[data-node="admin-dose"]')).toBeVisible();
  await expect(page.locator('[data-edge][data-critical="true"]')).toHaveCount(3);
  await expect(page.locator('[data-timeline][data-kind="event"]')).toHaveCount(0);
  await page.locator('[data-node="prep-screening"]').click();
  await openSection(page, '/phases/0/steps/1/options');
  await page.locator('[data-delete="/phases/0/steps/1/options/1"]').click();
  await page.locator('[data-node="int-transport"]').click();
  await openSection(page, '/phases/4/steps/0/options');
  await page.locator('[data-delete="/phases/4/steps/0/options/1"]').click();
  await page.locator('[data-node="int-discharge"]').click();
  await openSection(page, '/phases/4/steps/1/options');
  await page.locator('[data-delete="/phases/4/steps/1/options/1"]').click();
  await page.locator('[data-node="admin-dose"]').click();
  await page.locator('[data-delete="/phases/1/steps/1"]').click();
  await openSection(page, '/endings');
  await page.locator('[data-delete="/endings/2"]').click();
  await page.locator('[data-delete="/endings/1"]').click();
  await settled(page);
  await expect(page.locator('[data-node="admin-dose"]')).toHaveCount(0);
  await expect(page.locator('[data-edge][data-critical="true"]')).toHaveCount(0);
  await expect(page.locator('[data-edge="admin-dose-defer"]')).toHaveCount(0);
  await expect(page.locator('[data-edge="int-discharge-leave"]')).toHaveCount(0);
  await expect(page.locator('[data-delete^="/endings/"]')).toHaveCount(1);
  // Without a dose the scenario cannot be played.
  await expect(page.locator('[data-summary]')).not.toContainText(' 0 errors');

  // The gate: a dose step after the blood pressure check, added on the map.
  await page.locator('[data-node="admin-vitals"]').click();
  await page.getByRole('button', { name: 'Add a step after admin-vitals' }).click();
  await settled(page);
  await field(page, '/phases/1/steps/1/id').fill('admin-dose-now');
  await field(page, '/phases/1/steps/1/id').press('Tab');
  await field(page, '/phases/1/steps/1/text').fill(
    'The blood pressure is 128/80. The dose is ready.',
  );
  await openSection(page, '/phases/1/steps/1/options');
  await openSection(page, '/phases/1/steps/1/options/0');
  await field(page, '/phases/1/steps/1/options/0/id').fill('admin-give');
  await field(page, '/phases/1/steps/1/options/0/id').press('Tab');
  await field(page, '/phases/1/steps/1/options/0/text').fill('Give the dose as prescribed.');
  await addAction(page, '/phases/1/steps/1/options/0', 'administerDose');
  await addPoints(page, '/phases/1/steps/1/options/0', 'safety', '1');
  // A second ending, and a way to it: deferring the dose.
  await page.locator('[data-add="/endings"]').click();
  await field(page, '/endings/1/id').fill('not-today');
  await field(page, '/endings/1/id').press('Tab');
  await field(page, '/endings/1/kind').selectOption('deferred');
  await field(page, '/endings/1/title').fill('Not today');
  await field(page, '/endings/1/text').fill('The dose is deferred to another day.');
  await page.locator('[data-add="/phases/1/steps/1/options"]').click();
  await openSection(page, '/phases/1/steps/1/options/1');
  await field(page, '/phases/1/steps/1/options/1/id').fill('admin-defer');
  await field(page, '/phases/1/steps/1/options/1/id').press('Tab');
  await field(page, '/phases/1/steps/1/options/1/text').fill('Defer the dose to another day.');
  await addAction(page, '/phases/1/steps/1/options/1', 'delayDose');
  await page.locator('[data-node="admin-dose-now"]').click();
  await connect(page, 'admin-give', 'endsPhase');
  await connect(page, 'admin-defer', 'ending:not-today');
  await page.locator('[data-node="admin-vitals"]').click();
  await connect(page, 'admin-vitals-skip', 'next:admin-dose-now');

  // A critical error: an option in the guided conversation, connected on the map.
  await page.locator('[data-node="conv-emerging"]').click();
  await openSection(page, '/phases/3/steps/0/options');
  await page.locator('[data-add="/phases/3/steps/0/options"]').click();
  await openSection(page, '/phases/3/steps/0/options/2');
  await field(page, '/phases/3/steps/0/options/2/id').fill('conv-emerging-leave');
  await field(page, '/phases/3/steps/0/options/2/id').press('Tab');
  await field(page, '/phases/3/steps/0/options/2/text').fill(
    'Step out to answer the phone for ten minutes.',
  );
  await addPoints(page, '/phases/3/steps/0/options/2', 'safety', '-3');
  await page.locator('[data-add="/phases/3/steps/0/options/2/critical"]').click();
  await field(page, '/phases/3/steps/0/options/2/critical/explanation').fill(
    'A patient at the height of dissociation is never left alone.',
  );
  await page.locator('[data-node="conv-emerging"]').click();
  await connect(page, 'conv-emerging-leave', 'endsPhase');
  await settled(page);
  await expect(page.locator('[data-summary]')).toContainText('0 errors');
  await expect(page.locator('[data-edge][data-critical="true"]')).toHaveCount(1);
  await expect(page.locator('[data-section="criticalErrors"]')).toContainText(
    'conv-emerging-leave',
  );

  // A timed event with a response window whose lapse is a critical error.
  await openSection(page, '/events');
  await page.locator('[data-add="/events"]').click();
  await field(page, '/events/0/id').fill('nausea-wave');
  await field(page, '/events/0/id').press('Tab');
  await field(page, '/events/0/trigger/atMinute').fill('30');
  await field(page, '/events/0/text').fill(
    'The patient says they feel sick and reaches for the bowl.',
  );
  await page.locator('[data-add="/events/0/respond"]').click();
  await field(page, '/events/0/respond/withinMinutes').fill('10');
  await openSection(page, '/events/0/respond/options');
  await openSection(page, '/events/0/respond/options/0');
  await field(page, '/events/0/respond/options/0/text').fill('Offer the bowl and sit them up.');
  await page.locator('[data-add="/events/0/respond/options/0/points"]').click();
  await page.locator('[data-new-key="/events/0/respond/options/0/points"]').fill('safety');
  await page.locator('[data-new-key="/events/0/respond/options/0/points"]').press('Enter');
  await field(page, '/events/0/respond/options/0/points/safety').fill('2');
  await openSection(page, '/events/0/respond/missed');
  await field(page, '/events/0/respond/missed/text').fill(
    'Nobody helps; the patient vomits lying flat.',
  );
  await page.locator('[data-add="/events/0/respond/missed/critical"]').click();
  await field(page, '/events/0/respond/missed/critical/explanation').fill(
    'A sedated patient who vomits lying flat can aspirate.',
  );

  // On the map: a step after mon-peak, reached by an option connected on the map.
  await page.locator('[data-node="mon-peak"]').click();
  await page.getByRole('button', { name: 'Add a step after mon-peak' }).click();
  await settled(page);
  await expect(page.locator('[data-node="step"]')).toBeVisible();
  await field(page, '/phases/2/steps/1/text').fill('The patient lies still, eyes closed.');
  await field(page, '/phases/2/steps/1/id').fill('mon-settle');
  await field(page, '/phases/2/steps/1/id').press('Tab');
  await openSection(page, '/phases/2/steps/1/options');
  await openSection(page, '/phases/2/steps/1/options/0');
  await field(page, '/phases/2/steps/1/options/0/id').fill('mon-settle-sit');
  await field(page, '/phases/2/steps/1/options/0/id').press('Tab');
  await field(page, '/phases/2/steps/1/options/0/text').fill('Sit quietly nearby.');
  await page.locator('[data-node="mon-peak"]').click();
  await page.locator('[data-connect-option]').selectOption('mon-peak-silence');
  await page.locator('[data-connect-target]').selectOption('next:mon-settle');
  await page.locator('[data-connect]').click();
  await settled(page);

  // The renamed step is followed by every reference, and the map draws both options to it apart.
  await expect(page.locator('[data-node="mon-settle"]')).toBeVisible();
  await expect(page.locator('[data-summary]')).toContainText('0 errors');
  const spreads = await page
    .locator('[data-edge="mon-peak-check"], [data-edge="mon-peak-silence"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-spread'))));
  expect(spreads.sort((a, b) => a - b)).toEqual([-8, 8]);
  const labels = await page
    .locator('[data-edge="mon-peak-check"] text, [data-edge="mon-peak-silence"] text')
    .evaluateAll((els) =>
      els.map((el) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return { y: box.y, height: box.height };
      }),
    );
  expect(Math.abs(labels[0]!.y - labels[1]!.y)).toBeGreaterThanOrEqual(labels[0]!.height);
  // From the keyboard, the selected step's bar opens either option's form.
  await page.locator('[data-node="mon-peak"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-connect-option]').selectOption('mon-peak-check');
  await page.locator('[data-edit-option]').click();
  await expect(
    page.locator('details[data-field="/phases/2/steps/0/options/0"] > summary'),
  ).toBeFocused();
  // The option arrows from the keyboard: the right arrow key moves from the selected step to its
  // first option arrow, the down arrow to the next; each is named, shows its focus, and Enter
  // opens that option in the form. Tab from the step reaches the same arrows.
  const check = page.locator('[data-from="p2s0"][data-edge="mon-peak-check"]');
  const silence = page.locator('[data-from="p2s0"][data-edge="mon-peak-silence"]');
  await page.locator('[data-node="mon-peak"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(check).toBeFocused();
  await expect(check).toHaveAttribute('role', 'button');
  await expect(check).toHaveAttribute(
    'aria-label',
    /^Option mon-peak-check: \+2 safety; leads to step mon-settle\./,
  );
  const ring = await check.locator('.focus-ring').evaluate((el) => getComputedStyle(el).stroke);
  expect(ring).not.toBe('transparent');
  expect(ring).not.toBe('none');
  await page.keyboard.press('ArrowDown');
  await expect(silence).toBeFocused();
  await expect(silence).toHaveAttribute(
    'aria-label',
    /^Option mon-peak-silence: .*; leads to step mon-settle\./,
  );
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-node="mon-peak"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(silence).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.locator('details[data-field="/phases/2/steps/0/options/1"] > summary'),
  ).toBeFocused();
  await expect(field(page, '/phases/2/steps/0/options/1/text')).toBeVisible();
  // Choosing an arrow opens that option's form.
  await page.locator('[data-edge="mon-peak-silence"]').dispatchEvent('click');
  await expect(field(page, '/phases/2/steps/0/options/1/text')).toBeVisible();

  // The event and the scheduled check are in their lanes; choosing the event opens its form.
  await expect(page.locator('[data-timeline="nausea-wave"]')).toHaveAttribute(
    'aria-label',
    /minute 30, respond within 10 min, missing it is a critical error/,
  );
  await expect(page.locator('[data-timeline="bp-check-40"]')).toBeVisible();

  // Strategies from the selected step, and a previewed path as a --choices list.
  await page.locator('[data-node="prep-consent"]').click();
  await page.locator('[data-run-strategy="best"]').click();
  await expect(page.locator('[data-strategy-report="best"]')).toHaveAttribute(
    'data-passed',
    'true',
  );
  await page.locator('[data-run-strategy="worst"]').click();
  await expect(page.locator('[data-strategy-report="worst"]')).toHaveAttribute(
    'data-passed',
    'false',
  );
  await page.locator('[data-start-preview]').click();
  await page.locator('[data-preview-running] [data-option="prep-consent-best"]').click();
  await expect(page.locator('[data-choices]')).toHaveText(
    'npm run scenario -- run night-nausea.json --choices prep-consent-best',
  );
  // npm runs the command in the project folder, whatever folder the file was saved in.
  await expect(page.locator('[data-choices-where]')).toContainText(
    'Run it from the project folder (where npm run scenario works), with the path to the saved file in place of night-nausea.json, for example npm run scenario -- run PATH/night-nausea.json --choices prep-consent-best',
  );

  // Undo and redo the last edit.
  await page.locator('[data-undo]').click();
  await settled(page);
  await page.locator('[data-redo]').click();
  await settled(page);
  await expect(page.locator('[data-summary]')).toContainText('0 errors');

  // Nothing is lost on reload.
  await page.reload();
  await expect(page.locator('[data-restored]')).toBeVisible();
  await expect(page.locator('[data-node="mon-settle"]')).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('[data-screen="workspace"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const saved = await downloadText(page, () => page.locator('[data-download]').click());
  expect(saved.name).toBe('night-nausea.json');
  // A download is a copy: the edits stay unsaved here and survive a reload.
  await expect(page.locator('[data-save-status]')).toContainText('still unsaved');
  await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'true');
  await page.reload();
  await expect(page.locator('[data-restored]')).toBeVisible();
  await expect(page.locator('[data-node="mon-settle"]')).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'kap-editor-'));
  try {
    const file = join(dir, 'night-nausea.json');
    writeFileSync(file, saved.text);
    type Option = { id: string; action?: string; critical?: unknown; ending?: string };
    const doc = JSON.parse(saved.text) as {
      phases: { steps: { options: Option[] }[] }[];
      events: { id: string; respond?: { withinMinutes: number; missed: { critical?: unknown } } }[];
      endings: { id: string }[];
    };
    const options = doc.phases.flatMap((p) => p.steps.flatMap((s) => s.options));
    expect(doc.phases).toHaveLength(5);
    // The gate, the timed event, the critical errors and the second ending are those built here.
    expect(options.filter((o) => o.action === 'administerDose').map((o) => o.id)).toEqual([
      'admin-give',
    ]);
    expect(doc.events.map((e) => e.id)).toEqual(['nausea-wave']);
    expect(doc.events[0]?.respond?.withinMinutes).toBe(10);
    expect(doc.events[0]?.respond?.missed.critical).toBeDefined();
    expect(options.filter((o) => o.critical).map((o) => o.id)).toEqual(['conv-emerging-leave']);
    expect(doc.endings.map((e) => e.id)).toEqual(['discharged', 'not-today']);
    expect(options.find((o) => o.id === 'admin-defer')?.ending).toBe('not-today');

    expect(cli('validate', file)).toMatch(/\b0 errors\b/);
    expect(cli('run', file, '--strategy', 'best')).toMatch(/— PASSED/);
    const worst = cli('run', file, '--strategy', 'worst');
    // (The weakest path skips the blood pressure check, so the dose gate refuses the dose and
    // it defers to the second ending: a fail.)
    expect(worst).toMatch(/— FAILED/);
    expect(worst).toMatch(/Ending: Not today/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('editing a bundled scenario: the saved file differs only on the edited lines', async ({
  page,
}) => {
  const original = readFileSync('scenarios/trd-sublingual-first-session.json', 'utf8');
  const lines = original.split('\n');
  await page.goto('/#/workspace');
  await page.getByLabel('Scenario file', { exact: true }).setInputFiles({
    name: 'trd-sublingual-first-session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(original, 'utf8'),
  });
  await expect(page.locator('[data-summary]')).toContainText('0 errors');

  // Edit one option's text and one step's text through the form.
  await openSection(page, '/phases');
  await openSection(page, '/phases/0');
  await openSection(page, '/phases/0/steps');
  await openSection(page, '/phases/0/steps/0');
  await field(page, '/phases/0/steps/0/text').fill('An edited step text.');
  await openSection(page, '/phases/0/steps/0/options');
  await openSection(page, '/phases/0/steps/0/options/1');
  await field(page, '/phases/0/steps/0/options/1/text').fill('An edited option text.');
  await settled(page);
  await expect(page.locator('[data-summary]')).toContainText('0 errors');

  const saved = await downloadText(page, () => page.locator('[data-download]').click());
  const after = saved.text.split('\n');
  expect(after).toHaveLength(lines.length);
  const changed = after.flatMap((line, i) => (line === lines[i] ? [] : [i]));
  expect(changed).toHaveLength(2);
  expect(after[changed[0]!]).toContain('"text": "An edited step text."');
  expect(after[changed[1]!]).toContain('"text": "An edited option text."');
  // Each edited line differs from the original only in its value.
  for (const i of changed)
    expect(after[i]!.replace(/"text": ".*"/, '')).toBe(lines[i]!.replace(/"text": ".*"/, ''));
  expect(validate(saved.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
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

test('the author loop: Save writes the file; a change on disk while editing is offered as a merge', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-author-save-'));
  const file = join(dir, 'draft.json');
  const original = readFileSync('scenarios/templates/minimal.json', 'utf8');
  writeFileSync(file, original);
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'scripts/author.ts', file, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Open (http\S+#\/workspace\?author)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`author exited with ${code}: ${out}`)));
    });
    await page.goto(url, { timeout: 60_000 });
    await expect(page.locator('[data-summary]')).toContainText('draft.json: 0 errors', {
      timeout: 60_000,
    });

    // Save through the author loop: only the edited line changes on disk.
    await field(page, '/title').fill('Saved from the workspace');
    await page.locator('[data-save]').click();
    await expect(page.locator('[data-save-status]')).toHaveText('Saved draft.json.');
    const saved = readFileSync(file, 'utf8');
    const before = original.split('\n');
    const changed = saved.split('\n').flatMap((l, i) => (l === before[i] ? [] : [i]));
    expect(changed).toHaveLength(1);
    expect(saved.split('\n')[changed[0]!]).toContain('"title": "Saved from the workspace"');
    await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'false');

    // An unsaved edit here, and another program changes the file: nothing is overwritten.
    await field(page, '/summary').fill('Edited in the workspace.');
    await settled(page);
    writeFileSync(file, saved.replace('"version": "0.1.0"', '"version": "0.2.0"'));
    await expect(page.locator('[data-conflict]')).toBeVisible({ timeout: 15_000 });
    expect(readFileSync(file, 'utf8')).toContain('"version": "0.2.0"');
    await page.locator('[data-merge]').click();
    await expect(page.locator('[data-conflict]')).toHaveCount(0);
    await expect(field(page, '/version')).toHaveValue('0.2.0');
    await expect(field(page, '/summary')).toHaveValue('Edited in the workspace.');
    await page.locator('[data-save]').click();
    await expect(page.locator('[data-save-status]')).toHaveText('Saved draft.json.');
    const merged = readFileSync(file, 'utf8');
    expect(merged).toContain('"version": "0.2.0"');
    expect(merged).toContain('"summary": "Edited in the workspace."');

    // Typing at the end of the title, then the summary changes on disk: Merge keeps both.
    await field(page, '/title').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' v3');
    await page.keyboard.press('Tab');
    await settled(page);
    writeFileSync(
      file,
      merged.replace('"summary": "Edited in the workspace."', '"summary": "Changed on disk."'),
    );
    await expect(page.locator('[data-conflict]')).toBeVisible({ timeout: 15_000 });
    await page.locator('[data-merge]').click();
    await expect(page.locator('[data-conflict]')).toHaveCount(0);
    await expect(field(page, '/title')).toHaveValue('Saved from the workspace v3');
    await expect(field(page, '/summary')).toHaveValue('Changed on disk.');
    await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'true');
    await expect(page.locator('[data-merged]')).toContainText('Not saved yet');

    // The previewed path's command names the file as the project folder sees it.
    await settled(page);
    await page.locator('[data-node="prep-consent"]').click();
    await expect(page.locator('[data-start-preview]')).toBeVisible();
    await page.locator('[data-start-preview]').click();
    await page.locator('[data-preview-running] [data-option="prep-consent-best"]').click();
    const where = relative(process.cwd(), file).split('\\').join('/');
    await expect(page.locator('[data-choices]')).toHaveText(
      `npm run scenario -- run ${where} --choices prep-consent-best`,
    );
    await expect(page.locator('[data-choices-where]')).toHaveText(
      'Run it from the project folder.',
    );
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a copy of a bundled scenario, edited and undone from the keyboard, with unsaved edits kept', async ({
  page,
}) => {
  await page.goto('/#/workspace');
  await page.locator('[data-copy-select]').selectOption('screening-defer-dosing');
  await page.locator('[data-make-copy]').click();
  await expect(page.locator('[data-summary]')).toContainText('screening-defer-dosing-copy.json');
  await expect(field(page, '/id')).toHaveValue('screening-defer-dosing-copy');
  const title = await field(page, '/title').inputValue();

  await field(page, '/title').fill('A changed title');
  await page.keyboard.press('Control+z');
  await expect(field(page, '/title')).toHaveValue(title);
  await page.keyboard.press('Control+Shift+z');
  await expect(field(page, '/title')).toHaveValue('A changed title');

  // Opening another scenario asks before dropping the edits.
  await page.locator('[data-start-panel] summary, details.start-panel > summary').first().click();
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-unsaved-prompt]')).toBeVisible();
  await page.locator('[data-keep-editing]').click();
  await expect(field(page, '/title')).toHaveValue('A changed title');

  // A deleted step is a diagnostic that leads to the field of the option that named it.
  await openSection(page, '/phases');
  await openSection(page, '/phases/0');
  await openSection(page, '/phases/0/steps');
  const steps = page.locator('[data-field="/phases/0/steps"] > .section-body > ol > li');
  // Wait for the whole list (read from the file) before deleting, so the count is not a partial one.
  const before = (
    JSON.parse(readFileSync('scenarios/screening-defer-dosing.json', 'utf8')) as {
      phases: { steps: unknown[] }[];
    }
  ).phases[0]!.steps.length;
  await expect(steps).toHaveCount(before);
  await page.getByRole('button', { name: 'Delete step 2', exact: true }).click();
  await expect(steps).toHaveCount(before - 1);
  await settled(page);
  const unknown = page.locator('[data-diagnostic="UNKNOWN_STEP"]').first();
  await expect(unknown).toBeVisible();
  const path = await unknown.getAttribute('data-path');
  await page.locator(`[data-edit-diagnostic="${path}"]`).first().click();
  await expect(field(page, path!)).toBeFocused();

  // Saving with errors is allowed, after a warning.
  await page.locator('[data-download]').click();
  await expect(page.locator('[data-save-status]')).toContainText(
    /has \d+ errors?\. Press Download again/,
  );
  const saved = await downloadText(page, () => page.locator('[data-download]').click());
  expect(validate(saved.text).diagnostics.some((d) => d.code === 'UNKNOWN_STEP')).toBe(true);

  await page.locator('[data-undo]').click();
  await settled(page);
  await expect(page.locator('[data-diagnostic="UNKNOWN_STEP"]')).toHaveCount(0);
});

test('Discard changes asks first, returns to the template, and can be undone', async ({ page }) => {
  await page.goto('/#/workspace');
  await page.locator('[data-new-from-template]').click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  // A fresh template has no changes to lose.
  await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'false');
  await expect(page.locator('[data-discard]')).toBeDisabled();
  const title = await field(page, '/title').inputValue();

  await field(page, '/title').fill('My drill');
  await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'true');
  await page.locator('[data-discard]').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('go back to the template');
  await expect(page.locator('[data-discard-confirmed]')).toBeFocused();
  await page.locator('[data-discard-cancel]').click();
  await expect(dialog).toHaveCount(0);
  await expect(field(page, '/title')).toHaveValue('My drill');

  await page.locator('[data-discard]').click();
  await page.locator('[data-discard-confirmed]').click();
  await settled(page);
  await expect(field(page, '/title')).toHaveValue(title);
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  await expect(page.locator('[data-map]')).toBeVisible();
  await expect(page.locator('[data-dirty]')).toHaveAttribute('data-dirty', 'false');
  await page.locator('[data-undo]').click();
  await expect(field(page, '/title')).toHaveValue('My drill');
});

test("selecting another step on the map resets the Selected step bar to that step's first option", async ({
  page,
}) => {
  await page.goto('/#/workspace');
  await page.locator('[data-copy-select]').selectOption('screening-defer-dosing');
  await page.locator('[data-make-copy]').click();
  await settled(page);
  const option = page.locator('[data-connect-option]');
  // A step with five options, its last chosen; then a step with three.
  await page.locator('[data-node="a-prescriber-bp"]').click();
  await option.selectOption('a-prescriber-bp-rush');
  await page.locator('[data-node="a-vitals"]').click();
  await expect(page.locator('[data-step-actions]')).toHaveAttribute(
    'data-step-actions',
    'a-vitals',
  );
  await expect(option.locator('option:checked')).toHaveText('a-vitals-quick');
  await expect(page.locator('[data-connect-target]')).not.toHaveValue('');
  await expect(page.locator('[data-connect]')).toBeEnabled();
  // The second option of one step does not carry over to the next step's second option.
  await option.selectOption('a-vitals-rested');
  await page.locator('[data-node="a-bp-high"]').click();
  await expect(option.locator('option:checked')).toHaveText('a-bp-high-full-call');
});
