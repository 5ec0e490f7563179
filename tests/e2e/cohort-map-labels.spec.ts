import { expect, test } from '@playwright/test';
import { SCENARIO_A, SCENARIO_B } from '../fixtures/cohort/cohort-fixtures.ts';
import { openCohort } from './cohort-helpers.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('the cohort map’s option labels are legible at 1280×900, with each full id in a title', async ({
  page,
}) => {
  await openCohort(page);
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

test('no option label on a cohort map overlaps a step or another label, and no leader crosses a step', async ({
  page,
}) => {
  await openCohort(page);
  for (const id of [SCENARIO_A, SCENARIO_B]) {
    const map = page.locator(`[data-cohort-map="${id}"]`);
    await expect(map).toBeVisible();
    // The drawn boxes of the labels' text, of the steps' (and exit and ending markers') boxes and
    // of the leaders, in the map's own units.
    const drawn = await map.evaluate((el) => {
      const box = (e: Element, name: string) => {
        const b = (e as SVGGraphicsElement).getBBox();
        return { name, x: b.x, y: b.y, w: b.width, h: b.height };
      };
      return {
        labels: [...el.querySelectorAll('[data-share-label]')].map((e) =>
          box(e, `label ${e.getAttribute('data-share-label')}`),
        ),
        steps: [...el.querySelectorAll('svg > g > rect')].map((e) =>
          box(e, `box ${e.parentElement!.querySelector('text')!.textContent}`),
        ),
        leaders: [...el.querySelectorAll('line.leader')].map((e) => box(e, 'a leader')),
      };
    });
    expect(drawn.labels.length).toBeGreaterThan(10);
    expect(drawn.steps.length).toBeGreaterThan(10);
    type Drawn = (typeof drawn.labels)[number];
    const hit = (a: Drawn, b: Drawn) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    const overlapping = drawn.labels.flatMap((a, i) =>
      [...drawn.labels.slice(i + 1), ...drawn.steps]
        .filter((b) => hit(a, b))
        .map((b) => `${a.name} × ${b.name}`),
    );
    // A leader (a vertical line, its box 0 wide) runs over no step.
    const crossing = drawn.leaders.flatMap((l) =>
      drawn.steps
        .filter((s) => s.x < l.x && l.x < s.x + s.w && l.y < s.y + s.h && s.y < l.y + l.h)
        .map((s) => `a leader at ${l.x},${l.y} × ${s.name}`),
    );
    expect(overlapping, `labels overlapping on the map of ${id}`).toEqual([]);
    expect(crossing, `leaders over steps on the map of ${id}`).toEqual([]);
  }
  await page
    .locator(`[data-cohort-map="${SCENARIO_A}"]`)
    .screenshot({ path: test.info().outputPath('map.png') });
});

test('on a 768 px wide page the cohort map scrolls inside its own region, not the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 768, height: 900 });
  await openCohort(page);
  const map = page.locator(`[data-cohort-map="${SCENARIO_A}"]`);
  await expect(map).toBeVisible();
  const sizes = await map.evaluate((el) => ({
    page: document.documentElement.scrollWidth,
    region: el.clientWidth,
    map: el.scrollWidth,
  }));
  expect(sizes.page).toBeLessThanOrEqual(768);
  expect(sizes.map).toBeGreaterThan(sizes.region);
  // The region scrolls sideways to show the rest of the map.
  await map.evaluate((el) => el.scrollBy(400, 0));
  expect(await map.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('each leader on a cohort map starts on its own option’s line, away from every other line', async ({
  page,
}) => {
  await openCohort(page);
  const map = page.locator(`[data-cohort-map="${SCENARIO_A}"]`);
  await expect(map).toBeVisible();
  // For each leader, the distance (map units) from its foot to its own option's drawn line and
  // to the nearest other option's line, measured along the paths the browser drew.
  const feet = await map.evaluate((el) => {
    const lines = [...el.querySelectorAll<SVGPathElement>('path[data-option-line]')].map((p) => {
      const n = Math.ceil(p.getTotalLength());
      const points = Array.from({ length: n + 1 }, (_, k) => p.getPointAtLength(k));
      return { id: p.getAttribute('data-option-line')!, points };
    });
    const distance = (x: number, y: number, points: DOMPoint[]) =>
      Math.min(...points.map((q) => Math.hypot(q.x - x, q.y - y)));
    return [...el.querySelectorAll<SVGLineElement>('line[data-leader]')].map((l) => {
      const id = l.getAttribute('data-leader')!;
      const x = l.x1.baseVal.value;
      const y = l.y1.baseVal.value;
      const own = lines.filter((o) => o.id === id);
      const others = lines.filter((o) => o.id !== id);
      return {
        id,
        own: Math.min(...own.map((o) => distance(x, y, o.points))),
        other: Math.min(...others.map((o) => distance(x, y, o.points))),
      };
    });
  });
  expect(feet.length).toBeGreaterThan(0);
  // On its own line (rounded corners are drawn up to 2.5 units inside a route's corner), and
  // further than 5 units from any other (lines drawn apart are at least 6 apart).
  expect(feet.filter((f) => f.own > 3)).toEqual([]);
  expect(feet.filter((f) => f.other < 5)).toEqual([]);
});
