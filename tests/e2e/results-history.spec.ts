import { expect, test } from '@playwright/test';
import { decisionRows, parseDecisionCsv, parseExport } from '../../src/engine/results/export.ts';
import { downloadText, playToDebrief, SHORT_SCENARIO } from './results-helpers.ts';

test('a finished attempt is kept, commented on, exported, deleted and imported back faithfully', async ({
  page,
}) => {
  const { run } = await playToDebrief(page);
  const verdict = `${run.report.passed ? 'Passed' : 'Not passed'} — overall ${run.report.overall}%`;

  // The history lists it.
  await page.goto('/#/history');
  const card = page.locator(`[data-scenario="${SHORT_SCENARIO}"]`);
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-verdict]')).toContainText(`${run.report.overall}%`);

  // Opening it shows the trainee's debrief, replayed.
  await card.getByRole('link').click();
  await expect(page.locator('[data-screen="debrief"] [data-verdict]')).toContainText(verdict);
  await expect(page.locator('[data-screen="debrief"] [data-decision]')).toHaveCount(
    run.report.decisions.length,
  );

  // A supervisor comments on the second decision; the comment survives a reload.
  await page.getByLabel('Your name (shown with your comments)').fill('Dr Reviewer');
  await page
    .getByLabel('Comment on decision 2', { exact: true })
    .fill('Good pacing, "but" =check the BP cuff, again');
  await page.locator('[data-add-comment="1"]').click();
  await expect(page.locator('[data-comment-decision="1"] [data-comment]')).toContainText(
    'Dr Reviewer: Good pacing',
  );
  await page.reload();
  await expect(page.locator('[data-comment-decision="1"] [data-comment]')).toHaveCount(1);

  // Export JSON and CSV.
  await page.goto('/#/history');
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
  const json = await downloadText(page, () => page.locator('[data-export="json"]').click());
  expect(json.name).toMatch(/^kap-attempts-.*\.json$/);
  const parsed = parseExport(json.text);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const [exported] = parsed.bundle.attempts;
  expect(exported!.attempt).toEqual(run.attempt);
  expect(exported!.report).toEqual(run.report);
  expect(exported!.comments).toMatchObject([
    {
      decisionIndex: 1,
      author: 'Dr Reviewer',
      text: 'Good pacing, "but" =check the BP cuff, again',
    },
  ]);

  const csv = await downloadText(page, () => page.locator('[data-export="csv"]').click());
  const rows = parseDecisionCsv(csv.text);
  expect(rows.ok).toBe(true);
  if (!rows.ok) return;
  const expected = decisionRows(parsed.bundle.attempts);
  expect(rows.rows.map((r) => ({ ...r, points: {} }))).toEqual(
    expected.map((r) => ({ ...r, points: {} })),
  );
  rows.rows.forEach((r, i) => {
    for (const [c, p] of Object.entries(expected[i]!.points)) expect(r.points[c]).toBe(p);
  });
  expect(rows.rows[1]!.comments).toBe('Dr Reviewer: Good pacing, "but" =check the BP cuff, again');

  // Delete it, then import the export: the same attempt, report and comment come back.
  await page.getByRole('button', { name: /^Delete the attempt/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.locator('[data-empty]')).toBeVisible();
  await page.locator('[data-import]').setInputFiles({
    name: json.name,
    mimeType: 'application/json',
    buffer: Buffer.from(json.text),
  });
  await expect(page.locator('[data-message]')).toContainText('1 new attempt');
  await expect(card).toContainText('imported');
  await card.getByRole('link').click();
  await expect(page.locator('[data-screen="debrief"] [data-verdict]')).toContainText(verdict);
  await expect(page.locator('[data-comment-decision="1"] [data-comment]')).toContainText(
    'Dr Reviewer: Good pacing',
  );

  // Importing the same file again adds nothing.
  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles({
    name: json.name,
    mimeType: 'application/json',
    buffer: Buffer.from(json.text),
  });
  await expect(page.locator('[data-message]')).toContainText(
    '0 new attempts, 1 already in the history',
  );
  await expect(page.locator('[data-attempts]')).toHaveAttribute('data-attempts', '1');
});

test('a damaged import is refused with located errors', async ({ page }) => {
  await page.goto('/#/history');
  await expect(page.locator('[data-empty]')).toBeVisible();
  const damaged = JSON.stringify({
    exportVersion: 1,
    attempts: [{ attempt: { saveVersion: 1 }, report: {}, comments: [] }],
  });
  await page.locator('[data-import]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(damaged),
  });
  const errors = page.locator('[data-import-errors]');
  // The file is named, as the success message names it.
  await expect(errors.locator('h2')).toHaveText('bad.json could not be imported');
  await expect(errors).toContainText('attempts[0].attempt.scenarioId');
  await expect(errors).toContainText('attempts[0].report.passed');
  await page.locator('[data-import]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n "exportVersion": 1,\n "attempts": [,]\n}'),
  });
  await expect(errors).toContainText('line 3');
  await page.locator('[data-import]').setInputFiles({
    name: 'not-json.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not json'),
  });
  await expect(errors.locator('h2')).toHaveText('not-json.txt could not be imported');
  await expect(page.locator('[data-empty]')).toBeVisible();
});
