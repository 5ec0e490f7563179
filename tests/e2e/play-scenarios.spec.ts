import { expect, test } from '@playwright/test';
import { playHeadless } from '../../src/engine/session/headless.ts';
import {
  bundled,
  bundledIds,
  minutesAfter,
  playEvents,
  savedAttempt,
  startByKeyboard,
  stopClock,
} from './helpers.ts';

for (const mode of ['assessment', 'practice'] as const) {
  for (const id of bundledIds) {
    test(`${id}: a keyboard-only ${mode} run reaches the debrief with the engine's score`, async ({
      page,
    }) => {
      const scenario = bundled(id);
      await startByKeyboard(page, id, mode);
      await stopClock(page);
      const { seed } = await savedAttempt(page, id);

      const best = playHeadless(scenario, { seed, mode, strategy: 'best' });
      expect(best.ok, best.error?.message).toBe(true);
      const events = best.attempt.events.slice(1); // session.begin was sent by the Start button
      await playEvents(
        page,
        events,
        minutesAfter(scenario, { seed, mode }, best.attempt.events.slice(0, 1), events),
      );

      await expect(page.locator('[data-screen="debrief"]')).toBeVisible();
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
