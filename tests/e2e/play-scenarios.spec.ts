import { expect, test } from '@playwright/test';
import {
  bundled,
  bundledIds,
  minutesAfter,
  playEvents,
  skipReflection,
  startWithEngineRun,
} from './helpers.ts';

for (const mode of ['assessment', 'practice'] as const) {
  for (const id of bundledIds) {
    test(`${id}: a keyboard-only ${mode} run reaches the debrief with the engine's score`, async ({
      page,
    }) => {
      const scenario = bundled(id);
      const { seed, run: best, events } = await startWithEngineRun(page, id, scenario, mode);
      expect(best.ok, best.error?.message).toBe(true);
      await playEvents(
        page,
        events,
        minutesAfter(scenario, { seed, mode }, best.attempt.events.slice(0, 1), events),
      );

      await skipReflection(page);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Debrief');
      await expect(page.locator('[data-verdict]')).toContainText(
        `${best.report.passed ? 'Passed' : 'Not passed'} — overall ${best.report.overall}%`,
      );
      await expect(page.locator('[data-decision]')).toHaveCount(best.report.decisions.length);

      // The library remembers the result.
      await page.goto('/');
      await expect(page.locator(`[data-scenario="${id}"] [data-last-result]`)).toHaveAttribute(
        'data-last-result',
        best.report.passed ? 'passed' : 'not-passed',
      );
    });
  }
}
