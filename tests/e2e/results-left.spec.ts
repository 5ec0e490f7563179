/**
 * "Leave session", then "End the attempt": the attempt is kept in the history as left
 * (unscored), its exports say so, and it can be resumed — or the history says why not.
 */
import { expect, test } from '@playwright/test';
import { parseDecisionCsv, parseExport } from '../../src/engine/results/export.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';
import { bundled, playEvents, savedAttempt, startByKeyboard, stopClock } from './helpers.ts';
import { downloadText, SHORT_SCENARIO } from './results-helpers.ts';

const id = SHORT_SCENARIO;

test('an ended attempt is kept as left, exported as unfinished, and resumes where it was left', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const run = playHeadless(bundled(id), { seed, mode: 'practice', strategy: 'best' });
  const played = run.attempt.events.slice(1, 3);
  await playEvents(page, played);
  await expect(page.locator('[data-transcript]')).toContainText('You:');

  await page.getByRole('button', { name: 'Leave session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave this session?' });
  await expect(dialog).toContainText('keeps it marked “left”');
  await dialog.getByRole('button', { name: 'End the attempt' }).click();
  await expect(page.locator('[data-screen="library"]')).toBeVisible();
  // The history lists it as left, with no score.
  await page.goto('/#/history');
  const card = page.locator(`[data-scenario="${id}"]`);
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'left');
  await expect(card.locator('[data-verdict]')).toContainText('Left before the debrief');
  await expect(card).not.toContainText('%');
  // The library's card says it was left, with no verdict or score.
  await page.goto('/#/');
  const last = page.locator(`[data-scenario="${id}"] [data-last-result]`);
  await expect(last).toHaveAttribute('data-last-result', 'left');
  await expect(last).toContainText('left before the debrief, not scored');
  await expect(last).not.toContainText('%');
  await page.goto('/#/history');

  // Its exports carry the status: the report's status in JSON, "Unfinished — left" in CSV.
  const json = await downloadText(page, () => page.locator('[data-export="json"]').click());
  const parsed = parseExport(json.text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const [exported] = parsed.bundle.attempts;
  expect(exported!.report.status).toBe('left');
  // …and no verdict or score: written as null.
  const { passed, overall } = exported!.report as unknown as { passed: unknown; overall: unknown };
  expect([passed, overall]).toEqual([null, null]);
  expect(exported!.attempt.events.at(-1)).toEqual({ type: 'session.leave' });
  expect(exported!.attempt.events.slice(1, -1)).toEqual(played);
  const csv = await downloadText(page, () => page.locator('[data-export="csv"]').click());
  const rows = parseDecisionCsv(csv.text);
  if (!rows.ok) throw new Error(rows.errors.join('\n'));
  expect(rows.rows.length).toBeGreaterThan(0);
  for (const r of rows.rows) expect(r.verified).toMatch(/^Unfinished — left before the debrief/);

  // While another attempt of the scenario is in progress, resuming says why it cannot.
  await startByKeyboard(page, id, 'assessment');
  await page.getByRole('button', { name: 'Leave session' }).click();
  await dialog.getByRole('button', { name: 'Keep it and leave' }).click();
  await expect(page.locator('[data-screen="briefing"]')).toBeVisible();
  await page.goto('/#/history');
  await page.locator('[data-resume-left]').click();
  await expect(page.locator('[data-cannot-resume]')).toContainText(
    'another attempt of this scenario is in progress',
  );

  // Once that one is ended too, the first resumes where it was left, choices kept.
  await page.goto(`/#/scenario/${id}`);
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  await page.getByRole('button', { name: 'Leave session' }).click();
  await dialog.getByRole('button', { name: 'End the attempt' }).click();
  await page.goto('/#/history');
  await expect(page.locator('[data-verdict="left"]')).toHaveCount(2);
  const first = page.locator(`[data-attempt]`).filter({ hasText: 'Practice' });
  await first.locator('[data-resume-left]').click();
  const session = page.locator('[data-screen="session"]');
  await expect(session).toHaveAttribute('data-status', 'running');
  await expect(session).toHaveAttribute('data-mode', 'practice');
  const saved = await savedAttempt(page, id);
  expect(saved.seed).toBe(seed);
  expect(saved.events.slice(1)).toEqual(played);
  await expect(page.locator('[data-transcript]')).toContainText('You:');
});
