/**
 * The cohort view's words agree with its figures: the monitor's alarms are told apart from the
 * scenario's scripted alarm event (and say how many were answered after the response window), a
 * claim names the attempt it is about, a missed event reads "(missed)" wherever it is listed, the
 * map has a legend and its phases' names, every option of a step is listed, and every percentage
 * is written one way. The view takes the focus on its heading, names each map by its scenario,
 * names an unverified attempt as a claimed one, and lines up the alarms table's headers. The expected figures are worked out here by replaying the fixture files.
 */
import { expect, test } from '@playwright/test';
import { attemptId } from '../../src/engine/results/export.ts';
import { verifyAttempt } from '../../src/engine/results/verify.ts';
import { attemptName } from '../../src/results/cohort-text.ts';
import { percentText } from '../../src/engine/results/percent.ts';
import { bundledScenario, cohortFiles, SCENARIO_A } from '../fixtures/cohort/cohort-fixtures.ts';
import { expectedFrom, openCohort } from './cohort-helpers.ts';

const files = cohortFiles();
const expected = expectedFrom(files);
const scenario = bundledScenario(SCENARIO_A);
const reports = expected.verified.filter((v) => v.scenarioId === SCENARIO_A).map((v) => v.report);
const place = (d: (typeof reports)[number]['decisions'][number]) =>
  d.stepId ?? d.eventId ?? d.checkId ?? '';
const section = `[data-cohort-scenario="${SCENARIO_A}"]`;

test.beforeEach(async ({ page }) => {
  await openCohort(page, files);
  await expect(page.locator('[data-cohort-checking]')).toHaveAttribute(
    'data-cohort-checking',
    'idle',
  );
  await expect(page.locator('[data-cohort-counts]')).toContainText(
    `${expected.verified.length} verified attempts`,
  );
});

test('the monitor alarms table is told apart from the scripted alarm event, and counts late answers', async ({
  page,
}) => {
  const within = scenario.protocol.alarmResponseMinutes!;
  expect(within).toBe(5);
  const table = page.locator(`${section} [data-cohort-alarms]`);
  await expect(table.locator('caption')).toContainText('Monitor alarms');
  await expect(table.locator('[data-alarms-note]')).toContainText(
    'are not counted here: they are in the table under the map',
  );
  await expect(table.locator('thead th').nth(2)).toHaveText(`Answered after ${within} minutes`);
  const responses = reports.flatMap((r) => r.alarmResponses);
  const signals = [...new Set(responses.map((a) => a.signal))];
  expect(signals.length).toBeGreaterThan(0);
  for (const signal of signals) {
    const late = responses.filter(
      (a) => a.signal === signal && a.minutes !== null && a.minutes > within,
    ).length;
    await expect(table.locator(`[data-alarm-signal="${signal}"] [data-alarm-late]`)).toHaveText(
      String(late),
    );
  }
  // The scripted event is listed as a scenario event, missed in some attempts.
  const missed = reports.flatMap((r) =>
    r.decisions.filter((d) => d.kind === 'missedEvent' && d.eventId === 'bp-alarm'),
  );
  expect(missed.length).toBeGreaterThan(0);
  const row = page.locator(`${section} tr[data-step="bp-alarm"]`);
  await expect(row.locator('th')).toContainText('(scenario event)');
  await expect(row.locator('[data-choices]')).toContainText(`(missed) ${missed.length} (`);
});

test('a claim names the attempt it is about: the start of its id and the day it finished', async ({
  page,
}) => {
  const forged = files.find((f) => f.name === 'ben.json')!.attempts[0]!;
  const id = attemptId(forged.attempt);
  const day = forged.finishedAt!.slice(0, 10);
  expect(day).toMatch(/^\d{4}-\d\d-\d\d$/);
  await expect(page.locator('[data-cohort-claims] li')).toContainText(
    `attempt ${id.slice(0, 8)}, finished ${day} · claimed passed, 100%`,
  );
});

test('a missed event reads "(missed)" in the decisions at it, with what followed beneath', async ({
  page,
}) => {
  const missed = reports.flatMap((r) =>
    r.decisions.filter((d) => d.kind === 'missedEvent' && d.eventId === 'bp-alarm'),
  );
  const made = reports.flatMap((r) => r.decisions.filter((d) => place(d) === 'bp-alarm'));
  await page.locator(`${section} tr[data-step="bp-alarm"] button`).click();
  const chosen = page.locator(`${section} [data-step-decisions="bp-alarm"] [data-chosen]`);
  await expect(chosen).toHaveCount(made.length);
  const texts = await chosen.allInnerTexts();
  expect(texts.filter((t) => t.startsWith('(missed)'))).toHaveLength(missed.length);
  for (const d of missed) expect(texts).toContainEqual(`(missed)\nWhat followed: ${d.optionText}`);
  for (const d of made.filter((d) => d.kind !== 'missedEvent'))
    expect(texts).toContain(d.optionText);
});

test('the map has a text legend and its phases’ names beside their rows, over nothing else', async ({
  page,
}) => {
  const legend = page.locator(`${section} [data-cohort-map-legend]`);
  await expect(legend).toContainText('reach N%');
  await expect(legend).toContainText('the share of the attempts (finished or not) that met');
  await expect(legend).toContainText('the share of the choices made at its step');
  await expect(legend).toContainText('are not on the map: they are in the table below it');
  // What a line's thickness follows, the leaders, the dashed boxes, and missed decisions.
  await expect(legend).toContainText('larger that share (not the number of attempts)');
  await expect(legend.locator('[data-legend-leader]')).toContainText(
    "the dot marks the point of the option's own line that the label is for",
  );
  await expect(legend.locator('[data-legend-markers]')).toContainText(
    'Dashed rounded boxes are not steps',
  );
  await expect(legend.locator('[data-legend-missed]')).toContainText(
    'can add up to less than 100%; the rest were missed, counted as "(missed)"',
  );
  // Each phase's name, at the left of its row (drawn in lines: joined here).
  for (const [i, p] of scenario.phases.entries()) {
    const lines = await page.locator(`${section} [data-lane="${p.id}"] tspan`).allTextContents();
    expect(lines.join(' ')).toBe(`${i + 1}. ${p.title} (${p.id})`);
  }
  // No phase name is drawn over a share label or a step.
  const overlaps = await page.locator(`${section} [data-cohort-map]`).evaluate((map) => {
    const box = (e: Element) => e.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const titles = [...map.querySelectorAll('[data-lane]')].map(box);
    const drawn = [...map.querySelectorAll('[data-share-label], [data-map-step]')].map(box);
    if (!titles.length || !drawn.length) return -1;
    return titles.filter((t) => drawn.some((l) => hit(t, l))).length;
  });
  expect(overlaps).toBe(0);
  // The table under the map (read by assistive technology) gives each step's phase.
  for (const [i, phase] of scenario.phases.entries())
    for (const step of phase.steps)
      await expect(page.locator(`${section} tr[data-step="${step.id}"] th`)).toContainText(
        `phase ${i + 1}. ${phase.title}`,
      );
});

test('the table under the map lists every option of every step, 0 when nobody chose it', async ({
  page,
}) => {
  const chosenAt = (step: string) =>
    new Set(
      reports.flatMap((r) => r.decisions.filter((d) => place(d) === step).map((d) => d.optionId)),
    );
  let unchosen = 0;
  for (const phase of scenario.phases)
    for (const step of phase.steps) {
      const row = page.locator(`${section} tr[data-step="${step.id}"]`);
      const chosen = chosenAt(step.id);
      for (const o of step.options)
        if (!chosen.has(o.id)) {
          unchosen++;
          await expect(row.locator('[data-choices]')).toContainText(`${o.id} 0 (0%)`);
        } else await expect(row.locator('[data-choices]')).toContainText(`${o.id} `);
    }
  expect(unchosen).toBeGreaterThan(0);
});

test('every percentage is written one way: the pass rate, reach and shares', async ({ page }) => {
  const finished = reports.filter((r) => r.status === 'debrief');
  const passed = finished.filter((r) => r.passed).length;
  await expect(page.locator(`${section} [data-figure="pass-rate"]`)).toHaveText(
    percentText((passed / finished.length) * 100),
  );
  // A step met by a share of attempts that is not a whole percentage, and an option chosen so.
  const whole = (n: number) => Number.isInteger(Math.round(n * 1000) / 10);
  const places = [...new Set(reports.flatMap((r) => r.decisions.map(place)))];
  const reachOf = (p: string) =>
    reports.filter((r) => r.decisions.some((d) => place(d) === p)).length;
  const partly = places.find(
    (p) =>
      !whole(reachOf(p) / reports.length) &&
      scenario.phases.some((ph) => ph.steps.some((s) => s.id === p)),
  )!;
  expect(partly).toBeDefined();
  const reach = percentText((reachOf(partly) / reports.length) * 100);
  await expect(page.locator(`${section} tr[data-step="${partly}"] [data-reach]`)).toHaveText(
    `${reachOf(partly)} (${reach})`,
  );
  await expect(page.locator(`${section} [data-map-step="${partly}"]`)).toContainText(
    `reach ${reach}`,
  );
  const shares = places.flatMap((p) => {
    const made = reports.flatMap((r) => r.decisions.filter((d) => place(d) === p));
    return [...new Set(made.map((d) => d.optionId))].map((o) => ({
      p,
      o,
      share: made.filter((d) => d.optionId === o).length / made.length,
    }));
  });
  const odd = shares.find(
    (s) =>
      s.o && !whole(s.share) && scenario.phases.some((ph) => ph.steps.some((st) => st.id === s.p)),
  )!;
  expect(odd).toBeDefined();
  await expect(page.locator(`${section} [data-share-label="${odd.p}/${odd.o}"]`)).toContainText(
    percentText(odd.share * 100),
  );
  await expect(page.locator(`${section} tr[data-step="${odd.p}"] [data-choices]`)).toContainText(
    `(${percentText(odd.share * 100)})`,
  );
});

test('the view takes the keyboard focus on its heading when opened from the Cohort link', async ({
  page,
}) => {
  await page.goto('/#/history');
  await page.getByRole('link', { name: 'Cohort (instructors)' }).click();
  await expect(page.locator('[data-screen="cohort"] h1')).toBeFocused();
});

test('each map is named by its scenario', async ({ page }) => {
  const maps = page.locator('[data-cohort-map]');
  expect(await maps.count()).toBeGreaterThan(1);
  await expect(page.locator(`${section} [data-cohort-map]`)).toHaveAttribute(
    'aria-label',
    `Scenario map of ${scenario.title} (the table below gives the same figures)`,
  );
  const names = await maps.evaluateAll((m) => m.map((e) => e.getAttribute('aria-label')));
  expect(new Set(names).size).toBe(names.length);
});

test('an unverified attempt is named as a claimed one: the start of its id and its day', async ({
  page,
}) => {
  const entry = files
    .flatMap((f) => f.attempts)
    .find((e) => !verifyAttempt(bundledScenario(e.attempt.scenarioId), e.attempt).verified)!;
  expect(entry).toBeDefined();
  const name = attemptName({ id: attemptId(entry.attempt), finishedAt: entry.finishedAt ?? '' });
  expect(name).toMatch(/^attempt [0-9a-f]{8}, finished \d{4}-\d\d-\d\d$/);
  await expect(page.locator('[data-cohort-unverified] li')).toContainText(name);
});

test('where unfinished attempts stopped says it counts the last decision made before leaving', async ({
  page,
}) => {
  const table = page.locator(`${section} [data-cohort-leaves]`);
  await expect(table.locator('caption')).toContainText(
    'Unfinished attempts: the last decision made before leaving',
  );
  await expect(table.locator('[data-leaves-note]')).toContainText(
    'not at the question it was shown when it was left',
  );
  await expect(table.locator('thead th').first()).toHaveText('Last decision made before leaving');
});

test('at 768 px, the alarms table’s headers line up with their figures', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 900 });
  const table = page.locator(`${section} [data-cohort-alarms]`);
  await expect(table.locator('tbody tr[data-alarm-signal]').first()).toBeVisible();
  const offsets = await table.evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')];
    const cells = [...t.querySelectorAll('tbody tr:first-child td')];
    const textLeft = (e: Element) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return r.getBoundingClientRect().left;
    };
    return heads.map((h, i) => Math.abs(textLeft(h) - textLeft(cells[i]!)));
  });
  expect(offsets).toHaveLength(6);
  for (const d of offsets) expect(d).toBeLessThan(2);
});
