/**
 * Alarm response times with real alarms, in the browser: attempts of a scenario whose blood
 * pressure rises past the alarm limits, played headless answering the alarms at once, late, or
 * leaving with one sounding. The cohort view's and the progress screen's alarm tables are checked
 * against the alarms worked out in the test from what the monitor showed and when the trainee
 * acted; the attempt left with an alarm sounding is listed where it stopped, by its step's text.
 */
import { expect, test, type Page } from '@playwright/test';
import { placeText } from '../../src/engine/cohort/places.ts';
import {
  ALARM_SCENARIO,
  expectedAlarmFigures,
  medianOf,
  type MetAlarm,
  verifiedAlarmPlays,
} from '../fixtures/cohort/alarm-plays.ts';
import {
  filePayload,
  bundledScenario,
  type CohortFile,
} from '../fixtures/cohort/cohort-fixtures.ts';
import { openCohort } from './cohort-helpers.ts';

const scenario = bundledScenario(ALARM_SCENARIO);
const plays = verifiedAlarmPlays(scenario);
const trainees = [...new Set(plays.map((p) => p.trainee))];
const files: CohortFile[] = trainees.map((t) => ({
  name: `${t.split(' ')[0]!.toLowerCase()}.json`,
  trainee: t,
  attempts: plays.filter((p) => p.trainee === t).map((p) => p.entry),
}));
const num = (n: number | null) => (n === null ? '—' : String(Math.round(n * 10) / 10));

/**
 * Checks the alarm rows under `table` against the alarms `met`; with `within` (the protocol's
 * response window, minutes), the table also counts those answered after it (the cohort view).
 */
async function expectAlarmRows(
  page: Page,
  table: string,
  met: readonly MetAlarm[],
  within?: number,
) {
  const expected = expectedAlarmFigures(met);
  expect(expected.size).toBeGreaterThan(0);
  await expect(page.locator(`${table} [data-alarm-signal]`)).toHaveCount(expected.size);
  for (const [signal, e] of expected) {
    const cells = page.locator(`${table} [data-alarm-signal="${signal}"] td`);
    await expect(cells).toHaveText([
      signal === 'systolic' ? 'Systolic blood pressure' : 'Diastolic blood pressure',
      String(e.times.length),
      ...(within === undefined ? [] : [String(e.times.filter((t) => t > within).length)]),
      num(medianOf(e.times)),
      num(e.times.at(-1) ?? null),
      String(e.unanswered),
    ]);
  }
}

test('the cohort view’s alarm response times are those the trainees met', async ({ page }) => {
  await openCohort(page, files);
  await expect(page.locator('[data-cohort-counts]')).toContainText(
    `${plays.length} verified attempts from ${trainees.length} trainees`,
  );
  const section = `[data-cohort-scenario="${ALARM_SCENARIO}"]`;
  await expectAlarmRows(
    page,
    `${section} [data-cohort-alarms]`,
    plays.flatMap((p) => p.met),
    scenario.protocol.alarmResponseMinutes,
  );
  // The attempt left with an alarm sounding is where it stopped: the place of its last decision
  // (a step, an event or a check), by its text.
  const left = plays.find((p) => p.report.status === 'left')!;
  const last = left.report.decisions.at(-1)!;
  const place = (last.stepId ?? last.eventId ?? last.checkId)!;
  const text = placeText(scenario, place);
  expect(text).toBeTruthy();
  const row = page.locator(`${section} [data-leave="${place}"] td`);
  await expect(row.first()).toHaveText(`${text!} (${place})`);
  await expect(row.nth(1)).toHaveText('1');
});

test('the progress screen’s alarm response times are the trainee’s own', async ({ page }) => {
  // Ben let each new alarm sound for 3 minutes in one attempt and 7 in the other.
  const ben = files.find((f) => f.trainee === 'Ben Ito')!;
  await page.goto('/#/history');
  await page.locator('[data-import]').setInputFiles(filePayload(ben));
  await expect(page.locator('[data-attempt]')).toHaveCount(ben.attempts.length);
  await page.getByRole('link', { name: 'Your progress' }).click();
  await expect(page.locator('[data-progress-counts]')).toContainText(
    `${ben.attempts.length} verified attempts`,
  );
  await expectAlarmRows(
    page,
    '[data-progress-alarms]',
    plays.filter((p) => p.trainee === 'Ben Ito').flatMap((p) => p.met),
  );
});
