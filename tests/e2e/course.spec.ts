/**
 * Playing the bundled course in the player, by keyboard alone: the library lists it, its three
 * visits play in order with what each carries into the next (shown in the visit and changing what
 * it offers), each visit is recorded in the attempt history, a reload resumes the visit in
 * progress, and the course ends with its summary. Damaged progress gives a message and a fresh
 * start.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { validateCourse } from '../../src/engine/format/course.ts';
import { parseCourseProgress } from '../../src/engine/course/progress.ts';
import { playHeadless } from '../../src/engine/play/headless.ts';
import { percentText } from '../../src/engine/results/percent.ts';
import { expectNoViolations } from './axe.ts';
import { bundled, playEvents, skipReflection, stopClock, tabTo } from './helpers.ts';

const COURSE_ID = 'suicidality-course';
const course = validateCourse(readFileSync(`scenarios/${COURSE_ID}.course.json`, 'utf8')).course!;
const scenarios = course.visits.map((v) => bundled(v.scenario.replace(/\.json$/, '')));

/** Where the course stands, as the player saved it. */
async function savedState(page: Page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), `kap.course.${COURSE_ID}`);
  if (!text) throw new Error('No saved course progress.');
  const parsed = parseCourseProgress(text, course, scenarios);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.state;
}

/** Plays the current visit through the UI as the engine's best run of the same attempt. */
async function playCurrentVisit(page: Page, index: number) {
  await expect(page.locator('[data-screen="session"]')).toBeVisible();
  await expect(page.locator('[data-course-position]')).toContainText(`visit ${index + 1} of 3`);
  await stopClock(page);
  const visit = (await savedState(page)).visits[index]!;
  const run = playHeadless(scenarios[index]!, {
    seed: visit.attempt.seed,
    mode: visit.attempt.mode,
    strategy: 'best',
    ...(visit.attempt.carried ? { carried: visit.attempt.carried } : {}),
  });
  expect(run.ok, run.error?.message).toBe(true);
  await playEvents(page, run.attempt.events.slice(1));
  await skipReflection(page);
  return run;
}

test('the course plays its three visits by keyboard, carrying what visit 1 agreed, to its summary', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto('/');
  const card = page.locator(`[data-course="${COURSE_ID}"]`);
  await expect(card).toContainText('3 visits');
  // What carries is listed as phrases, not sentences run together ("touch.; Consent").
  await expect(card).toContainText(
    'Carried between visits: At the preparation visit she agreed to supportive touch; ',
  );
  await expect(card).not.toContainText('.;');
  await tabTo(page, card.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="course"]')).toBeVisible();
  await expectNoViolations(page, 'course overview');
  await tabTo(page, page.getByRole('radio', { name: /^Practice/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^Assessment/ })).toBeChecked();
  await tabTo(page, page.locator('[data-course-start]'));
  await page.keyboard.press('Enter');

  // Visit 1: preparation.
  const first = await playCurrentVisit(page, 0);
  await expect(page.locator('[data-course-next]')).toContainText('visit 1 of 3 finished');
  await expect(page.locator('[data-verdict]')).toContainText(
    first.report.passed ? 'Passed' : 'Not passed',
  );
  await expect(page.locator('[data-carried-next]')).toContainText(
    'At the preparation visit she agreed to supportive touch: Yes',
  );
  await expectNoViolations(page, 'course visit debrief');
  await tabTo(page, page.locator('[data-course-continue]'));
  await page.keyboard.press('Enter');

  // Visit 2: dosing, with the touch agreed at visit 1 shown and offered.
  await expect(page.locator('[data-course-position]')).toContainText('visit 2 of 3');
  const carried = page.locator('[data-carried]');
  await expect(carried).toContainText('At the preparation visit she agreed to supportive touch');
  await expect(carried).toContainText('Consent recorded');
  await expectNoViolations(page, 'course visit session');
  // A reload resumes visit 2, with what it was carried.
  await page.reload();
  await expect(page.locator('[data-course-position]')).toContainText('visit 2 of 3');
  const second = await playCurrentVisit(page, 1);
  expect(second.report.decisions.map((d) => d.optionId)).toContain('d3-terms');
  await expect(page.locator('[data-course-next]')).toContainText('an integration visit');
  await tabTo(page, page.locator('[data-course-continue]'));
  await page.keyboard.press('Enter');

  // Visit 3: integration. No dose is given: the phase bar shows its one phase and the clock
  // does not speak of a dose.
  await expect(page.locator('[data-course-position]')).toContainText('visit 3 of 3');
  await expect(page.locator('[data-phase-item]')).toHaveCount(1);
  await expect(page.locator('[data-phase-item="integration"]')).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.locator('[data-clock-hint]')).toContainText('The clock runs from arrival');
  await expect(page.locator('.clock')).not.toContainText('dose');
  await expect(page.locator('.patient')).not.toContainText('since the dose');
  const third = await playCurrentVisit(page, 2);
  await tabTo(page, page.locator('[data-course-summary-link]'));
  await page.keyboard.press('Enter');

  const summary = page.locator('[data-course-summary]');
  await expect(summary).toBeVisible();
  const reports = [first, second, third].map((r) => r.report);
  for (const [i, report] of reports.entries())
    await expect(page.locator(`[data-course-result="${i + 1}"]`)).toContainText(
      `${report.passed ? 'Passed' : 'Not passed'} — overall ${report.overall}%`,
    );
  await expect(page.locator('[data-course-carried="2"]')).toContainText(
    'At the preparation visit she agreed to supportive touch: Yes',
  );
  await expect(page.locator('[data-course-verdict]')).toContainText(
    reports.every((r) => r.passed) ? 'Course passed' : 'Course not passed',
  );
  await expectNoViolations(page, 'course summary');

  // Each visit is in the attempt history like any attempt, with the result it had: a later
  // visit is replayed from what it was carried (not cut short at its first choice that needs it).
  await page.goto('/#/history');
  for (const [i, s] of scenarios.entries()) {
    const report = reports[i]!;
    const verdict = page
      .locator(`[data-attempt][data-scenario="${s.id}"]`)
      .first()
      .locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', report.passed ? 'passed' : 'not-passed');
    await expect(verdict).toContainText(
      `${report.passed ? 'Passed' : 'Not passed'}, ${percentText(report.overall)}`,
    );
  }
});

test('damaged course progress gives a clear message and a fresh start', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"saveVersion":1,'),
    `kap.course.${COURSE_ID}`,
  );
  await page.goto(`/#/course/${COURSE_ID}/session`);
  const alert = page.locator('[data-course-save="broken"]');
  await expect(alert).toContainText('cannot be resumed');
  await expect(alert).toContainText('damaged');
  await expectNoViolations(page, 'course with damaged progress');
  await tabTo(page, page.locator('[data-course-fresh]'));
  await page.keyboard.press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(page.locator('[data-course-start]')).toBeVisible();
});

test('an unknown course address shows a message and a way back, not a blank page', async ({
  page,
}) => {
  await page.goto('/#/course/no-such-course');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no bundled course called "no-such-course"');
  await alert.getByRole('link', { name: 'Back to the scenario library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KAP Simulator' })).toBeVisible();
});

test('a visit kept on leaving is resumed from the course page where it was left', async ({
  page,
}) => {
  await page.goto(`/#/course/${COURSE_ID}`);
  await tabTo(page, page.locator('[data-course-start]'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-course-position]')).toContainText('visit 1 of 3');
  await stopClock(page);
  const visit = (await savedState(page)).visits[0]!;
  const run = playHeadless(scenarios[0]!, {
    seed: visit.attempt.seed,
    mode: visit.attempt.mode,
    strategy: 'best',
  });
  const events = run.attempt.events.slice(1, 4);
  await playEvents(page, events);

  await tabTo(page, page.locator('[data-leave]'));
  await page.keyboard.press('Enter');
  await page.locator('[data-leave-keep]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="course"]')).toBeVisible();
  await expect(page.locator('[data-course-visit="1"]')).toHaveAttribute(
    'data-status',
    'In progress',
  );

  await page.goto('/');
  await expect(page.locator(`[data-course="${COURSE_ID}"] [data-in-progress]`)).toBeVisible();
  await page.goto(`/#/course/${COURSE_ID}`);
  await tabTo(page, page.locator('[data-course-continue]'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-course-position]')).toContainText('visit 1 of 3');
  const resumed = (await savedState(page)).visits[0]!;
  expect(resumed.attempt.events.slice(1, 4)).toEqual(events);
  expect(resumed.attempt.seed).toBe(visit.attempt.seed);
});
