/**
 * The editor's collapsed sections are compact: a list item's section (a phase, a competency)
 * collapsed is as tall as its heading line, not a tall empty box; opened, it holds its fields.
 */
import { expect, test } from '@playwright/test';

test('a collapsed section is as tall as its heading; opened, it grows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/workspace');
  await page.getByRole('button', { name: 'New scenario from the template' }).click();
  await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
  await page.locator('details[data-field="/phases"] > summary').click();
  await page.locator('details[data-field="/competencies"] > summary').click();

  const collapsed = page.locator(
    'details[data-field^="/phases/"]:not([open]), details[data-field^="/competencies/"]:not([open])',
  );
  await expect(collapsed).toHaveCount(7);
  for (const section of await collapsed.all()) {
    const box = (await section.boundingBox())!;
    const heading = (await section.locator('> summary').boundingBox())!;
    // The heading plus the section's borders, nothing more.
    expect(box.height).toBeLessThanOrEqual(heading.height + 4);
  }

  const phase = page.locator('details[data-field="/phases/0"]');
  const closed = (await phase.boundingBox())!.height;
  await phase.locator('> summary').click();
  await expect(page.locator('[data-field-path="/phases/0/start"]')).toBeVisible();
  expect((await phase.boundingBox())!.height).toBeGreaterThan(closed * 3);
});
