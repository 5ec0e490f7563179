import { expect, test, type Page } from '@playwright/test';
import { orderOptions } from '../../src/engine/presentation/option-order.ts';
import { bundled, bundledIds, savedAttempt, startByKeyboard, stopClock } from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

const shown = (page: Page) =>
  page
    .locator('[data-step-options] button[data-option]')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({ id: b.getAttribute('data-option')!, key: b.getAttribute('data-key') })),
    );

test('options appear in the attempt seed’s order, keys follow it, and reload keeps it', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'assessment');
  await stopClock(page);
  const { seed } = await savedAttempt(page, id);
  const stepId = await page.locator('[data-latest-line] [data-step]').getAttribute('data-step');
  const scenario = bundled(id);
  const step = scenario.phases.flatMap((p) => p.steps).find((s) => s.id === stepId)!;

  const before = await shown(page);
  expect(before.map((b) => b.key)).toEqual(before.map((_, i) => String(i + 1)));
  const expected = orderOptions(
    step.options.filter((o) => before.some((b) => b.id === o.id)),
    seed,
    step.id,
  ).map((o) => o.id);
  expect(before.map((b) => b.id)).toEqual(expected);

  await page.reload();
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  expect(await shown(page)).toEqual(before);

  // Key 1 chooses the option shown first, whatever its place in the file.
  await page.keyboard.press('1');
  await expect
    .poll(async () => (await savedAttempt(page, id)).events.at(-1))
    .toEqual({ type: 'trainee.choose', optionId: before[0]!.id });
});
