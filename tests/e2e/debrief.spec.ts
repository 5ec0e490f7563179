import { expect, test } from '@playwright/test';
import { bundled, bundledIds, playEvents, startWithEngineRun } from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('the debrief lists critical errors first, compares each choice with the best, and replays from a decision', async ({
  page,
}) => {
  const scenario = bundled(id);
  const { run: worst, events } = await startWithEngineRun(
    page,
    id,
    scenario,
    'assessment',
    'worst',
  );
  expect(worst.view.status).toBe('debrief');
  await playEvents(page, events);

  await expect(page.locator('[data-verdict]')).toContainText('Not passed');
  if (worst.report.criticalErrors.length) {
    // Critical errors come before the scores and the timeline.
    const order = await page
      .locator('[data-critical-errors], [data-chart="scores"], [data-decision]')
      .evaluateAll((els) =>
        els.map((e) =>
          e.hasAttribute('data-critical-errors')
            ? 'critical'
            : e.hasAttribute('data-decision')
              ? 'decision'
              : 'chart',
        ),
      );
    expect(order[0]).toBe('critical');
  }
  const scores = page.getByRole('img', { name: /Scores by competency/ });
  await expect(scores).toBeVisible();
  for (const c of Object.values(worst.report.competencies)) {
    await expect(page.locator(`tr[data-competency="${c.id}"]`)).toContainText(
      c.percent === null ? 'not scored' : `${c.percent}%`,
    );
  }
  const decisions = page.locator('[data-decision]');
  await expect(decisions).toHaveCount(worst.report.decisions.length);
  const firstStep = worst.report.decisions.find(
    (d) => d.kind === 'step' && d.bestOptionId !== d.optionId,
  )!;
  const card = page.locator(`[data-decision="${firstStep.index}"]`);
  await expect(card.locator('[data-your-choice]')).toContainText(firstStep.optionText);
  await expect(card.locator('[data-best-choice]')).toContainText(firstStep.bestOptionText);
  await expect(page.getByRole('img', { name: /Vital signs over the session/ })).toBeVisible();

  // Replay from that decision: a practice attempt that stands just before it.
  await card.getByRole('button', { name: /Replay from this decision/ }).click();
  await expect(page.locator('[data-screen="session"]')).toHaveAttribute('data-mode', 'practice');
  await expect(page.locator(`button[data-option="${firstStep.optionId}"]`)).toBeVisible();
  await expect(page.locator(`button[data-option="${firstStep.bestOptionId}"]`)).toBeVisible();
  // The branch is saved: a reload stays at the same decision.
  await page.reload();
  await expect(page.locator(`button[data-option="${firstStep.bestOptionId}"]`)).toBeVisible();
});

test('the debrief prints without its buttons', async ({ page }) => {
  const scenario = bundled(id);
  const { events } = await startWithEngineRun(page, id, scenario, 'practice');
  await playEvents(page, events);
  await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(
    page.getByRole('button', { name: /Replay from this decision/ }).first(),
  ).toBeHidden();
  await expect(page.locator('[data-decision]').first()).toBeVisible();
});
