import { expect, test } from '@playwright/test';
import {
  filePayload,
  cohortFiles,
  SCENARIO_A,
  SCENARIO_B,
} from '../fixtures/cohort/cohort-fixtures.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('the cohort map’s option labels are legible at 1280×900, with each full id in a title', async ({
  page,
}) => {
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-files]').setInputFiles(cohortFiles().map(filePayload));
  const map = page.locator(`[data-cohort-map="${SCENARIO_A}"]`);
  await expect(map).toBeVisible();
  const labels = map.locator('[data-share-label]');
  expect(await labels.count()).toBeGreaterThan(0);
  // The option id's line is drawn at least 11 px high on screen (it was about 6 px when the map
  // was shrunk to the page's width).
  const heights = await labels.evaluateAll((els) =>
    els.map((el) => el.querySelector('tspan')!.getBoundingClientRect().height),
  );
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(11);
  // Each label's title holds the option's full id, even when the label is cut short.
  for (const label of await labels.all()) {
    const [, option] = (await label.getAttribute('data-share-label'))!.split('/');
    await expect(label.locator('title')).toContainText(`${option}:`);
  }
});

test('no two option labels on a cohort map overlap, even where a step has many close options', async ({
  page,
}) => {
  await page.goto('/#/cohort');
  await page.locator('[data-cohort-files]').setInputFiles(cohortFiles().map(filePayload));
  for (const id of [SCENARIO_A, SCENARIO_B]) {
    const map = page.locator(`[data-cohort-map="${id}"]`);
    await expect(map).toBeVisible();
    // The drawn boxes of the labels' text, in the map's own units.
    const boxes = await map.locator('[data-share-label]').evaluateAll((els) =>
      els.map((el) => {
        const b = (el as SVGTextElement).getBBox();
        return {
          id: el.getAttribute('data-share-label')!,
          x: b.x,
          y: b.y,
          w: b.width,
          h: b.height,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(10);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        .map((b) => `${a.id} × ${b.id}`),
    );
    expect(overlapping, `labels overlapping on the map of ${id}`).toEqual([]);
  }
  await page
    .locator(`[data-cohort-map="${SCENARIO_A}"]`)
    .screenshot({ path: test.info().outputPath('map.png') });
});
