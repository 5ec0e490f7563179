import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../src/engine/results/csv.ts';
import { percentText } from '../../src/engine/results/percent.ts';
import { verifyAttempt } from '../../src/engine/results/verify.ts';
import { standardTitle } from '../../src/engine/standards/catalogue.ts';
import {
  filePayload,
  bundledScenario,
  cohortFiles,
  exported,
  fileText,
  SCENARIO_A,
  SCENARIO_B,
} from '../fixtures/cohort/cohort-fixtures.ts';
import { expectedFrom, expectFigures, expectNoViolations, openCohort } from './cohort-helpers.ts';
import { downloadText } from './results-helpers.ts';

const files = cohortFiles();
const expected = expectedFrom(files);
const names = ['Ada Okafor', 'Ben Ito', 'Cy Novak', 'Dee Marsh', 'Eve Lund'];

test('the cohort view counts each verified attempt once, never a forged score, and hides names', async ({
  page,
}) => {
  await openCohort(page, files);
  await expectFigures(page, expected);
  // The forged 100% is not among the figures: A's pass count is what the logs replay to.
  await expect(page.locator('[data-cohort-unverified]')).toContainText('0.9.0');
  // …but the attempt whose file claimed it is marked, with the claim beside the replayed result.
  const forgedEntry = files.find((f) => f.name === 'ben.json')!.attempts[0]!;
  const replayed = verifyAttempt(
    bundledScenario(forgedEntry.attempt.scenarioId),
    forgedEntry.attempt,
  );
  if (!replayed.verified) throw new Error('the forged attempt does not replay');
  const claim = `claimed passed, 100%; replayed not passed, ${replayed.report.overall}%`;
  await expect(page.locator('[data-cohort-claims]')).toHaveAttribute('data-cohort-claims', '1');
  await expect(page.locator('[data-cohort-claims] li')).toContainText(claim);

  // Names are hidden behind pseudonyms until the instructor shows them.
  const body = page.locator('main');
  for (const n of names) await expect(body).not.toContainText(n);
  await expectNoViolations(page, 'cohort');

  // Click through to the anonymised decisions at A's first step.
  const section = page.locator(`[data-cohort-scenario="${SCENARIO_A}"]`);
  const firstStep = await section.locator('tr[data-step]').first().getAttribute('data-step');
  await section.locator(`tr[data-step="${firstStep}"] button`).click();
  // The list is brought into view and its heading takes the focus.
  const heading = section.locator(`[data-step-decisions="${firstStep}"] h3`);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  const decisions = section.locator(`[data-step-decisions="${firstStep}"] tbody tr`);
  const made = expected.verified
    .filter((v) => v.scenarioId === SCENARIO_A)
    .flatMap((v) =>
      v.report.decisions.filter((d) => (d.stepId ?? d.eventId ?? d.checkId) === firstStep),
    );
  await expect(decisions).toHaveCount(made.length);
  // Each row says which attempt it is from, so practice and assessment rows differ.
  await expect(decisions.locator('[data-mode]')).toHaveText(
    expected.verified
      .filter((v) => v.scenarioId === SCENARIO_A)
      .flatMap((v) =>
        v.report.decisions
          .filter((d) => (d.stepId ?? d.eventId ?? d.checkId) === firstStep)
          .map(() => v.mode),
      ),
  );

  // Sections are headed by the scenario's title, and standards are named by their titles.
  await expect(section.locator('h2')).toContainText(bundledScenario(SCENARIO_A).title);
  const breached = await section.locator('[data-cohort-standards] tr[data-id]').all();
  expect(breached.length).toBeGreaterThan(0);
  for (const row of breached) {
    const id = (await row.getAttribute('data-id'))!;
    expect(standardTitle(id)).not.toBe(id);
    await expect(row.locator('td').first()).toContainText(standardTitle(id));
  }

  // On the map picture each option's share of the choices at that step is written out.
  const chosen = new Map<string, number>();
  for (const d of made) if (d.optionId) chosen.set(d.optionId, (chosen.get(d.optionId) ?? 0) + 1);
  expect(chosen.size).toBeGreaterThan(0);
  for (const [option, n] of chosen)
    await expect(section.locator(`[data-share-label="${firstStep}/${option}"]`)).toContainText(
      percentText((n / made.length) * 100),
    );
  await expect(decisions.first().locator('td').first()).toHaveText(/^Trainee [A-Z]{2}-\d\d$/);

  // The CSV holds only what was chosen: attempt rows with pseudonyms, no scenario rows.
  await page.locator('[data-export-attempts]').check();
  await page.getByLabel('Figures per scenario').uncheck();
  const csv = await downloadText(page, () => page.locator('[data-cohort-csv]').click());
  const rows = parseCsv(csv.text);
  expect(rows.slice(1).map((r) => r[0])).toEqual(Array(expected.unique).fill('attempt'));
  const titleCol = rows[0]!.indexOf('scenario_title');
  expect(rows.slice(1).map((r) => r[titleCol])).toContain(bundledScenario(SCENARIO_A).title);
  for (const n of names) expect(csv.text).not.toContain(n);
  const claimCol = rows[0]!.indexOf('claimed_result');
  expect(
    rows
      .slice(1)
      .filter((r) => r[claimCol] !== '')
      .map((r) => r[claimCol]),
  ).toEqual([claim]);

  // The printed report holds the same choice: the attempts, by pseudonym, and no scenario figures.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-cohort-scenario]').first()).toBeHidden();
  await expect(page.locator('[data-print-meta]')).toBeVisible();
  await expect(page.locator('[data-print-meta]')).toContainText(/Cohort report — made \S/);
  await expect(page.locator('[data-print-attempts]')).toContainText(
    bundledScenario(SCENARIO_A).title,
  );
  const printed = page.locator('[data-print-attempts]');
  await expect(printed.locator('tbody tr')).toHaveCount(expected.unique);
  for (const n of names) await expect(printed).not.toContainText(n);
  await expect(printed.locator('[data-print-claim]')).toHaveText([claim]);
  // The attempts ended before the debrief are printed as such, with no verdict or score.
  const leftCount = expected.verified.filter((v) => v.report.status === 'left').length;
  expect(leftCount).toBeGreaterThan(0);
  const leftRows = printed
    .locator('tbody tr')
    .filter({ hasText: 'left before the debrief (not scored)' });
  await expect(leftRows).toHaveCount(leftCount);
  for (const row of await leftRows.all()) await expect(row).not.toContainText('%');
  await page.emulateMedia({ media: 'screen' });

  await page.locator('[data-hide-names]').uncheck();
  await expect(page.locator('[data-cohort-unverified]')).toContainText('Dee Marsh');
  await expect(page.locator(`[data-cohort-scenario="${SCENARIO_B}"]`)).toBeVisible();
});

test('the progress screen shows a trainee’s attempts and prints a training record', async ({
  page,
}) => {
  const ada = files[0]!;
  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles(filePayload(ada));
  await expect(page.locator('[data-attempt]')).toHaveCount(ada.attempts.length);
  await page.getByRole('link', { name: 'Your progress' }).click();
  const practice = ada.attempts.filter((a) => a.attempt.mode === 'practice').length;
  await expect(page.locator('[data-progress-counts]')).toContainText(
    `${ada.attempts.length} verified attempts: ${practice} practice, ${ada.attempts.length - practice} assessment`,
  );
  const tried = new Set(ada.attempts.map((a) => a.attempt.scenarioId));
  await expect(page.locator('[data-progress-scenario]')).toHaveCount(tried.size);
  for (const id of tried) {
    await expect(page.locator('[data-progress-not-tried]')).not.toContainText(id);
    // Each scenario's count is written in the right number ("1 attempt", "2 attempts").
    const n = ada.attempts.filter((a) => a.attempt.scenarioId === id).length;
    await expect(page.locator(`[data-progress-scenario="${id}"] p`).first()).toContainText(
      n === 1 ? '1 attempt (' : `${n} attempts (`,
    );
  }
  expect(tried.size).toBeGreaterThan(1);
  await expect(page.locator('main')).not.toContainText(/\b1 attempts\b/);
  // The overall trends are labelled by competency; each caption counts its attempts.
  await expect(page.locator('[data-progress-overall] figcaption').first()).toContainText(
    /: \d+ attempts?$/,
  );
  await expectNoViolations(page, 'progress');

  // The attempts to print a summary of are listed newest first, from the first load.
  const dates = ada.attempts
    .map((a) => a.finishedAt!.slice(0, 16).replace('T', ' '))
    .sort()
    .reverse();
  const options = page.locator('[data-summary-attempt] option');
  await expect(options).toHaveCount(1 + dates.length);
  expect((await options.allTextContents()).slice(1).map((t) => t.slice(0, 16))).toEqual(dates);
  await page.getByLabel('Your name').fill('Ada Okafor');
  await page.locator('[data-summary-attempt]').selectOption({ index: 1 });
  const summary = page.locator('[data-attempt-summary]');
  await expect(summary).toContainText('Training record — not a certificate of competence');
  await expect(summary).toContainText('Ada Okafor');
  await page.emulateMedia({ media: 'print' });
  await expect(summary).toBeVisible();
  await expect(page.locator('[data-progress-scenario]').first()).toBeHidden();
});

test('a folder of attempt files opens at once, other files in it ignored', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-'));
  for (const f of files) writeFileSync(join(dir, f.name), fileText(f));
  writeFileSync(join(dir, 'notes.txt'), 'not an export');
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-folder]').setInputFiles(dir);
  await expectFigures(page, expected);
  await expect(page.locator('[data-cohort-problems]')).toHaveCount(0);
});

test('the printed attempt summary writes an unscored competency as the debrief does', async ({
  page,
}) => {
  // The hard-stop scenario's best run never scores "presence": the debrief says "not scored".
  const scenario = bundledScenario('hard-stop-blood-pressure');
  const entry = exported(
    { trainee: 'Fay Quist', scenario, seed: 1, strategy: 'best', mode: 'practice' },
    12,
  );
  const unscored = Object.values(entry.report.competencies).filter((c) => c.percent === null);
  expect(unscored.length).toBeGreaterThan(0);
  await page.goto('/#/history');
  await page
    .locator('[data-import]')
    .setInputFiles(filePayload({ name: 'fay.json', trainee: 'Fay Quist', attempts: [entry] }));
  await expect(page.locator('[data-attempt]')).toHaveCount(1);
  await page.goto('/#/progress');
  await page.locator('[data-summary-attempt]').selectOption({ index: 1 });
  for (const c of unscored) {
    const row = page.locator(`[data-attempt-summary] [data-summary-competency="${c.id}"] td`);
    await expect(row).toHaveText([c.label, 'not scored', `${c.passPercent}%`, '—']);
  }
});

test('an attempt whose file names another scenario version is printed with the version it replays against, and flagged', async ({
  page,
}) => {
  const scenario = bundledScenario(SCENARIO_A);
  const entry = {
    ...exported({ trainee: 'Gus Hale', scenario, seed: 1, strategy: 'best', mode: 'practice' }, 13),
    scenarioVersion: '2.0.0',
  };
  const file = { name: 'gus.json', trainee: 'Gus Hale', attempts: [entry] };
  const claim = `claims version 2.0.0; replayed against ${scenario.version}`;
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-files]').setInputFiles(filePayload(file));
  await expect(page.locator('[data-cohort-claims] li')).toContainText(claim);

  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles(filePayload(file));
  await expect(page.locator('[data-attempt]')).toHaveCount(1);
  await page.goto('/#/progress');
  await page.locator('[data-summary-attempt]').selectOption({ index: 1 });
  const shown = page.locator('[data-attempt-summary] [data-summary-scenario]');
  await expect(shown).toContainText(`(version ${scenario.version})`);
  await expect(shown).not.toContainText('(version 2.0.0)');
  await expect(shown.locator('[data-summary-version-claim]')).toContainText(claim);
});

test('the progress screen says, in the right number, that an attempt of a version not at hand is not counted', async ({
  page,
}) => {
  const dee = files.find((f) => f.name === 'dee.json')!;
  expect(dee.attempts).toHaveLength(1);
  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles(filePayload(dee));
  await expect(page.locator('[data-attempt]')).toHaveCount(1);
  await page.goto('/#/progress');
  await expect(page.locator('[data-progress-unverified]')).toHaveText(
    '1 attempt is not counted: its scenario version is not in this build, so it cannot be replayed.',
  );
});
