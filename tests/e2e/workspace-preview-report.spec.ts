/**
 * The workspace's preview and strategy reports write each competency as "x of y points" with the
 * score the debrief shows, naming the lowest possible points when the score counts from it, so
 * the points and the percentage never seem to disagree. The expected numbers come from the
 * engine's own report for the same path.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { validate } from '../../src/engine/format/validate.ts';
import { previewSnapshot } from '../../src/engine/session/preview.ts';
import { step } from '../../src/engine/session/session.ts';
import { scoreContext } from '../../src/engine/scoring/score.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';

const scenario = validate(readFileSync('scenarios/templates/minimal.json', 'utf8')).scenario!;
const minus = (n: number) => (n < 0 ? `−${-n}` : String(n));

test('preview and strategy reports: x of y points, the lowest possible, the debrief’s score', async ({
  page,
}) => {
  await page.goto('/#/workspace');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  await page.locator('[data-node="prep-screening"]').click();
  await page.getByRole('button', { name: 'Preview from prep-screening' }).click();
  const play = page.locator('[data-preview-running]');
  await play.locator('button[data-option="prep-screening-weaker"]').click();

  // The engine's report after the same choice from the same step.
  const from = previewSnapshot(scenario, { stepId: 'prep-screening', mode: 'practice' });
  const after = step(from, { type: 'trainee.choose', optionId: 'prep-screening-weaker' });
  const safety = scoreContext(after.context).competencies.safety!;
  expect(safety.worst).toBeLessThan(0);
  expect(safety.percent).not.toBe(Math.round((safety.earned / safety.possible) * 1000) / 10);
  await expect(play.locator('[data-score="safety"]')).toHaveText(
    `${minus(safety.earned)} of ${minus(safety.possible)} points, lowest possible ${minus(safety.worst)}: score ${safety.percent}% (pass mark ${safety.passPercent}%)`,
  );

  // The worst strategy from the same step: its report reads the same way.
  await page.locator('[data-run-strategy="worst"]').click();
  const worst = playHeadless(scenario, { seed: 1, mode: 'practice', strategy: 'worst', from });
  const report = page.locator('[data-strategy-report="worst"]');
  await expect(report).toContainText(`overall score ${worst.report.overall}%`);
  for (const c of Object.values(worst.report.competencies)) {
    const line = report.locator(`[data-strategy-score="${c.id}"]`);
    await expect(line).toContainText(`${c.id}: ${minus(c.earned)} of ${minus(c.possible)} point`);
    if (c.percent !== null && c.worst !== 0)
      await expect(line).toContainText(
        `lowest possible ${minus(c.worst)}: score ${c.percent}% (pass mark ${c.passPercent}%)`,
      );
  }
});

test('a Worst run caught in a loop is summarised: the first choices, how many more, the loop named', async ({
  page,
}) => {
  await page.goto('/#/workspace');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  // The weaker option leads back to its own step: the worst strategy never leaves it.
  await page.locator('[data-node="prep-screening"]').click();
  await page.locator('[data-connect-option]').selectOption('prep-screening-weaker');
  await page.locator('[data-connect-target]').selectOption('next:prep-screening');
  await page.locator('[data-connect]').click();
  await expect(page.locator('[data-screen="workspace"]')).toHaveAttribute('data-busy', 'false');
  await page.getByRole('button', { name: 'Preview from prep-screening' }).click();
  await page.locator('[data-run-strategy="worst"]').click();
  const report = page.locator('[data-strategy-report="worst"]');
  await expect(report).toContainText('no ending reached');
  await expect(report.locator('[data-strategy-choices]')).toHaveText(
    Array(40).fill('prep-screening-weaker').join(','),
  );
  await expect(report.locator('[data-strategy-more]')).toHaveText(/^… and \d+ more$/);
  await expect(report.locator('[data-strategy-loop]')).toContainText(
    'keeps choosing prep-screening-weaker at step prep-screening',
  );
  expect((await report.boundingBox())!.height).toBeLessThan(1000);
});
