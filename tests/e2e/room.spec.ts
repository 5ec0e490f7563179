import { expect, test } from '@playwright/test';
import { bundledIds, startByKeyboard, stopClock } from './helpers.ts';

const id = bundledIds.find((x) => x.startsWith('trd')) ?? bundledIds[0]!;

test('the room illustration follows the set and setting, with a text alternative', async ({
  page,
}) => {
  await startByKeyboard(page, id, 'practice');
  await stopClock(page);
  const room = page.locator('[data-room]');
  const picture = room.getByRole('img', { name: /^The room/ });
  await expect(picture).toBeVisible();
  const before = await room.locator('figcaption').innerText();

  const eyeshades = page.getByRole('switch', { name: /^Eyeshades/ });
  const wasOn = (await eyeshades.getAttribute('aria-checked')) === 'true';
  await eyeshades.click();
  await expect(room.locator('[data-eyeshades="on"]')).toHaveCount(wasOn ? 0 : 1);
  await expect(room.locator('figcaption')).toContainText(
    wasOn ? 'without eyeshades' : 'wearing eyeshades',
  );
  await expect(room.locator('figcaption')).not.toHaveText(before);
  await expect(picture).toHaveAccessibleName(/The room .*(wearing|without) eyeshades/);

  const lights = page.getByRole('switch', { name: /^Dim lights/ });
  const dim = (await lights.getAttribute('aria-checked')) === 'true';
  await lights.click();
  await expect(room.locator(`[data-lights="${dim ? 'bright' : 'dim'}"]`)).toHaveCount(1);
  await expect(room.locator('figcaption')).toContainText(
    dim ? 'The lights are bright' : 'The lights are dimmed',
  );
});
