import { expect, test } from '@playwright/test';
import { orderOptions } from '../../src/engine/presentation/option-order.ts';
import { bundled, bundledIds, playEvents, skipReflection, startWithEngineRun } from './helpers.ts';

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

  await skipReflection(page);
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
  await expect(page.getByRole('img', { name: /^Blood pressure \(mmHg\)/ })).toBeVisible();

  // Replay from that decision: a practice attempt that stands just before it (its phase is
  // collapsed at first).
  await expect(card).toBeHidden();
  await page.locator(`[data-phase-toggle="${firstStep.phase}"]`).click();
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
  await skipReflection(page);
  await page.locator('h1').focus();
  await page.emulateMedia({ media: 'print' });
  // No focus ring on paper, and the collapsed decisions print in full.
  expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');
  await expect(page.locator('[data-print-meta]')).toBeVisible();
  await expect(page.locator('[data-print-meta]')).toContainText('practice mode');
  await expect(
    page.getByRole('button', { name: /Replay from this decision/ }).first(),
  ).toBeHidden();
  await expect(page.locator('[data-decision]').first()).toBeVisible();
});

test('the first screen shows the result, critical errors and three lessons; a reflection comes first and is kept', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const scenario = bundled(id);
  const { run, events, seed } = await startWithEngineRun(page, id, scenario, 'practice', 'worst');
  await playEvents(page, events);

  // Before the scores: an optional reflection.
  await expect(page.locator('[data-reflection-prompt]')).toBeVisible();
  await expect(page.locator('[data-chart="scores"]')).toHaveCount(0);
  // Nothing of the result is shown before it, as its heading says.
  await expect(page.locator('[data-reflection-prompt]')).toContainText(
    'Before you see your scores',
  );
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.locator('[data-result-after-reflection]')).toBeVisible();
  await page.getByLabel(/What went well/).fill('I rushed the consent.');
  await page.getByRole('button', { name: 'Save and show my results' }).click();
  await expect(page.locator('[data-reflection]')).toContainText('I rushed the consent.');

  const lessons = page.locator('[data-lesson]');
  const expected = Math.min(
    3,
    run.report.decisions.filter((d) => d.bestOptionId !== d.optionId || d.critical).length,
  );
  await expect(lessons).toHaveCount(expected);
  // Critical errors, if any, lead the lessons.
  if (run.report.decisions.some((d) => d.critical))
    await expect(lessons.first()).toHaveAttribute('data-quality', 'critical');

  // No decision is written twice: a best choice is shown once.
  const bestChosen = run.report.decisions.find(
    (d) => d.bestOptionId !== null && d.bestOptionId === d.optionId,
  );
  if (bestChosen) {
    const card = page.locator(`[data-decision="${bestChosen.index}"]`);
    await expect(card.locator('[data-best-choice]')).toHaveCount(0);
    await expect(card.locator('[data-your-choice]')).toContainText('(the best option)');
  }

  // A lesson opens its decision, which lists the options in the order the trainee saw them.
  await lessons.first().getByRole('button', { name: 'See this decision in full' }).click();
  const index = await lessons.first().getAttribute('data-lesson');
  const decision = page.locator(`[data-decision="${index}"]`);
  await expect(decision).toBeFocused();
  const d = run.report.decisions[Number(index)]!;
  const place = d.stepId ?? d.eventId;
  if (place && d.kind === 'step') {
    const step = scenario.phases.flatMap((p) => p.steps).find((s) => s.id === place)!;
    const shown = await decision
      .locator('[data-shown-option]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-shown-option')));
    expect(shown).toEqual(orderOptions(step.options, seed, place).map((o) => o.id));
  }

  // Kept with the attempt: a reload shows the reflection and asks nothing.
  await page.reload();
  await expect(page.locator('[data-reflection]')).toContainText('I rushed the consent.');
  await expect(page.locator('[data-reflection-prompt]')).toHaveCount(0);
});

test('the vitals chart has one axis per measure, guide and alarm lines, decision marks, and reads on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const scenario = bundled(id);
  const { events } = await startWithEngineRun(page, id, scenario, 'assessment', 'worst');
  await playEvents(page, events);
  await skipReflection(page);
  const panels = page.locator('[data-chart="vitals"] [data-panel]');
  await expect(panels).toHaveCount(5);
  const bp = page.locator('[data-panel="bp"]');
  const { predose, alarm } = scenario.protocol.thresholds;
  await expect(bp.locator('text.limit-guide')).toContainText([`guide ${predose.systolicMax}`]);
  if (alarm.systolicMax)
    await expect(bp.locator('text.limit-alarm').first()).toHaveText(`alarm ${alarm.systolicMax}`);
  expect(await bp.locator('line.grid').count()).toBeGreaterThan(4);
  expect(await bp.locator('text.marker').count()).toBeGreaterThan(0);
  // Blood pressure is described by its cuff readings; heart rate is continuous.
  await expect(bp.getByRole('img')).toHaveAccessibleName(
    /Systolic: \d+ cuff readings? \(\d+ at minute \d+/,
  );
  await expect(page.locator('[data-panel="hr"]').getByRole('img')).toHaveAccessibleName(
    /Heart rate: from \d+ to \d+/,
  );
  // Axis text renders at least 10 px tall on a 390 px screen.
  const height = await bp
    .locator('text.tick')
    .first()
    .evaluate((t) => t.getBoundingClientRect().height);
  expect(height).toBeGreaterThanOrEqual(10);
});
