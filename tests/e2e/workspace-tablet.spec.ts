/**
 * The workspace on a tablet, in the production build: with touch and no mouse, in landscape and
 * portrait, an instructor edits a step's text in the form, selects steps and option arrows on
 * the map by tapping (a tap moves neither the map nor the page; + and − zoom about the middle of
 * what is shown), and previews from the selected step; nothing needs sideways scrolling.
 */
import { expect, test, type Page } from '@playwright/test';

const field = (page: Page, pointer: string) => page.locator(`[data-field-path="${pointer}"]`);

async function settled(page: Page) {
  await expect(page.locator('[data-screen="workspace"]')).toHaveAttribute('data-busy', 'false');
}

const canvas = (page: Page) => page.locator('[data-map] svg.canvas');

/** The map point (in map units) drawn at the middle of the map's canvas. */
const mapPointAtCentre = (page: Page) =>
  canvas(page).evaluate((svg: SVGSVGElement) => {
    const r = svg.getBoundingClientRect();
    const at = new DOMPoint(r.left + r.width / 2, r.top + r.height / 2);
    const p = at.matrixTransform(svg.getScreenCTM()!.inverse());
    return { x: p.x, y: p.y };
  });

type Rect = { x: number; y: number; width: number; height: number };
/** How far a box's centre moved on the screen, in CSS pixels (its outline may thicken). */
const moved = (a: Rect, b: Rect) =>
  Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));

/**
 * How far the page is wider than the screen, in CSS pixels (0 when it fits). Measured against
 * the device's width: a mobile browser widens its layout viewport to fit a page that is wider.
 */
const overflow = async (page: Page) =>
  (await page.evaluate(() => document.documentElement.scrollWidth)) - page.viewportSize()!.width;

test.describe.configure({ timeout: 120_000 });

for (const [name, viewport] of [
  ['landscape', { width: 1024, height: 768 }],
  ['portrait', { width: 768, height: 1024 }],
] as const) {
  test.describe(`a tablet in ${name} (${viewport.width}×${viewport.height}, touch)`, () => {
    test.use({ viewport, hasTouch: true, isMobile: true });

    test('edits a field, selects on the map and previews, all by touch', async ({ page }) => {
      await page.goto('/#/workspace');
      await page.getByRole('button', { name: 'New scenario from the template' }).tap();
      await expect(page.locator('[data-summary]')).toContainText('new-scenario.json: 0 errors');
      await settled(page);
      // With the analysis shown (its widest tables included), the page still fits the screen.
      await expect(page.locator('[data-section="phases"] table')).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      // Tapping a step on the map selects it and opens its form (above the map on a narrow
      // screen), and moves neither the map's view nor the step: it stays under the finger.
      const step = page.locator('[data-node="mon-peak"]');
      await step.scrollIntoViewIfNeeded();
      // A step's box is large enough to tap (at least 24 CSS pixels high at the fitted zoom).
      const box = step.locator('rect.box');
      const before = (await box.boundingBox())!;
      expect(before.height).toBeGreaterThanOrEqual(24);
      const viewBox = await canvas(page).getAttribute('viewBox');
      await step.tap();
      await expect(step).toHaveAttribute('data-selected', 'true');
      await settled(page);
      expect(await canvas(page).getAttribute('viewBox')).toBe(viewBox);
      expect(moved(before, (await box.boundingBox())!)).toBeLessThan(1);

      // + and − zoom about the middle of the map as shown: the point there stays there.
      const middle = await mapPointAtCentre(page);
      const width = Number(await canvas(page).getAttribute('data-viewbox'));
      await page.getByRole('button', { name: 'Zoom in' }).tap();
      await expect(canvas(page)).not.toHaveAttribute('data-viewbox', String(width));
      expect(Number(await canvas(page).getAttribute('data-viewbox'))).toBeLessThan(width);
      const zoomed = await mapPointAtCentre(page);
      expect(Math.abs(zoomed.x - middle.x)).toBeLessThan(1);
      expect(Math.abs(zoomed.y - middle.y)).toBeLessThan(1);
      await page.getByRole('button', { name: 'Zoom out' }).tap();
      const back = await mapPointAtCentre(page);
      expect(Math.abs(back.x - middle.x)).toBeLessThan(1);
      expect(Math.abs(back.y - middle.y)).toBeLessThan(1);
      // The selected step is still where it was after zooming in and out again.
      expect(moved(before, (await box.boundingBox())!)).toBeLessThan(1);
      await expect(page.locator('[data-step-actions="mon-peak"]')).toBeVisible();
      const text = field(page, '/phases/2/steps/0/text');
      await expect(text).toBeVisible();

      // Editing the step's text in the form: the map and the diagnostics follow.
      await text.tap();
      await text.fill('The patient is quiet, eyes closed, breathing slowly.');
      await settled(page);
      await expect(page.locator('[data-summary]')).toContainText('0 errors');
      await expect(step).toHaveAttribute('aria-label', /eyes closed, breathing slowly/);

      // Tapping an option arrow opens that option's form.
      const arrow = page.locator('[data-edge="mon-peak-silence"]');
      await arrow.scrollIntoViewIfNeeded();
      await arrow.locator('.edge-label').tap();
      await expect(field(page, '/phases/2/steps/0/options/1/text')).toBeVisible();

      // Previewing from the selected step, with the edited text, and choosing an option.
      const start = page.locator('[data-start-preview]');
      await start.scrollIntoViewIfNeeded();
      await start.tap();
      const running = page.locator('[data-preview-running]');
      await expect(running.locator('[data-current-step="mon-peak"]')).toContainText(
        'eyes closed, breathing slowly',
      );
      const choice = running.locator('[data-option="mon-peak-check"]');
      await choice.scrollIntoViewIfNeeded();
      await choice.tap();
      await expect(running.locator('[data-feedback]')).toContainText('+2 safety');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  });
}
