/**
 * What the player's status texts, feedback, monitor and debrief chart tell a trainee: every time
 * names its clock; feedback folds away once time moves on (and can still be read); the monitor
 * shows the protocol's hard stop apart from its alarm limit; the debrief plots blood pressure
 * from cuff readings only.
 */
import { expect, test } from '@playwright/test';
import { initialSnapshot, step } from '../../src/engine/session/session.ts';
import { viewSession } from '../../src/engine/session/view.ts';
import { cuffPoints, heldSteps } from '../../src/ui/debrief-bp.ts';
import { expectNoViolations } from './axe.ts';
import {
  bundled,
  chooseByKey,
  playEvents,
  skipReflection,
  startByKeyboard,
  startWithEngineRun,
  stopClock,
} from './helpers.ts';

const trd = 'trd-sublingual-first-session';
const hardStop = 'hard-stop-blood-pressure';
const PREPARATION = ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'];

test('after the dose, the waiting line and "advance" give minutes on the dose clock, with how far away', async ({
  page,
}) => {
  const scenario = bundled(trd);
  const { seed, events } = await startWithEngineRun(page, trd, scenario, 'assessment');
  // Play up to the first wait after the dose (no step on screen, something due later).
  let snapshot = step(initialSnapshot(scenario, { seed, mode: 'assessment' }), {
    type: 'session.begin',
  });
  let upTo = -1;
  for (let i = 0; i < events.length && upTo < 0; i++) {
    snapshot = step(snapshot, events[i]!);
    const v = viewSession(snapshot);
    if (v.dosed && !v.step && v.waitingUntil !== null && v.minutesToNextEvent !== null)
      upTo = i + 1;
  }
  expect(upTo, 'the best run waits after the dose').toBeGreaterThan(0);
  const view = viewSession(snapshot);
  await playEvents(page, events.slice(0, upTo));

  const now = view.clock.sinceDose!;
  const waits = view.waitingUntil!;
  const ahead = view.minutesToNextEvent!;
  const plural = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
  await expect(page.locator('[data-waiting]')).toHaveText(
    `Time passes. Something is due at minute ${waits} since the dose (in ${plural(waits - now)}); let the clock run or advance it.`,
  );
  await expect(page.locator('[data-advance]')).toHaveText(
    `Advance to next event: minute ${now + ahead} since the dose (in ${plural(ahead)})`,
  );
  await expect(page.locator('[data-transcript-times]')).toHaveText(
    'Times (′) are minutes since the dose; lines before the dose have none.',
  );
});

test('before the dose, the rest and its recheck are given on the arrival clock; the monitor shows the hard stop', async ({
  page,
}) => {
  await startByKeyboard(page, hardStop, 'assessment');
  await stopClock(page);
  const systolic = page.locator('.vital[data-signal="systolic"]');
  const diastolic = page.locator('.vital[data-signal="diastolic"]');
  // The protocol's hard stop (180/110) is shown beside, and apart from, the alarm limit (200/120).
  await expect(systolic.locator('[data-limits]')).toHaveText(
    'Limits: pre-dose guide ≤ 140 · hard stop ≥ 180 · alarm > 200',
  );
  await expect(diastolic.locator('[data-limits]')).toHaveText(
    'Limits: pre-dose guide ≤ 90 · hard stop ≥ 110 · alarm > 120',
  );
  await expect(page.locator('.vital[data-hard-stop]')).toHaveCount(0);

  for (const id of [...PREPARATION, 'a-bp-first']) await chooseByKey(page, id);
  // The first reading is at the hard stop: marked by a symbol and words, not colour alone.
  const marked = page.locator('.vital[data-hard-stop]');
  await expect(marked.first()).toBeVisible();
  await expect(marked.first().locator('[data-hard-stop-flag]')).toHaveText(
    /■ at the hard stop (180|110): no dose today/,
  );
  await expect(page.locator('[data-alarm-banner]')).toHaveCount(0);
  await expectNoViolations(page, 'session (hard stop)');

  await chooseByKey(page, 'a-first-rest15');
  const arrival = Number(
    await page.locator('[data-arrival-minute]').getAttribute('data-arrival-minute'),
  );
  // The recheck step comes when the fifteen-minute rest chosen now is over.
  const waiting = page.locator('[data-waiting]');
  await expect(waiting).toContainText(
    `Something is due at minute ${arrival + 15} since arrival (in 15 minutes)`,
  );
  await expect(page.locator('[data-advance]')).toHaveText(
    /^Advance to next event: minute \d+ since arrival \(in \d+ minutes?\)$/,
  );
  await expect(page.locator('[data-clock-hint]')).toContainText('minute 120 since arrival');
});

test('practice feedback is read at the minute of the choice, then folds away and stays reachable', async ({
  page,
}) => {
  const scenario = bundled(trd);
  const { events } = await startWithEngineRun(page, trd, scenario, 'practice');
  const first = events[0]!;
  if (first.type !== 'trainee.choose') throw new Error('The run starts with a choice.');
  const option = scenario.phases
    .flatMap((p) => p.steps.flatMap((s) => s.options))
    .find((o) => o.id === first.optionId)!;
  await chooseByKey(page, first.optionId);
  const open = page.getByRole('region', { name: 'Feedback on your choice' });
  await expect(open).toBeVisible();
  await expect(page.locator('[data-clock-state]')).toHaveText('held while you read the feedback');
  // Before the dose too, the feedback itself offers to go on.
  await open.getByRole('button', { name: 'Continue (the clock runs again)' }).click();
  await expect(open).toBeVisible(); // the clock is stopped: still the minute of the choice

  await page.keyboard.press('m');
  await expect(open).toHaveCount(0);
  const earlier = page.locator('[data-feedback-earlier]');
  await expect(earlier).toBeVisible();
  await expect(earlier).not.toHaveAttribute('open');
  await expect(earlier.locator('summary')).toHaveText(
    `Feedback on your last choice (1 minute ago): ${option.text}`,
  );
  await earlier.locator('summary').click();
  await expect(earlier).toHaveAttribute('open');
  if (option.feedback) await expect(earlier).toContainText(option.feedback);
  await expectNoViolations(page, 'session (earlier feedback)');

  // The next choice replaces it with its own feedback, in full.
  const next = events.find((e, i) => i > 0 && e.type === 'trainee.choose');
  if (next?.type === 'trainee.choose') {
    await chooseByKey(page, next.optionId);
    await expect(open).toHaveAttribute('data-feedback', next.optionId);
    await expect(earlier).toHaveCount(0);
  }
});

test('the debrief plots blood pressure at the cuff readings only; heart rate every minute', async ({
  page,
}) => {
  const scenario = bundled(trd);
  const { run, events } = await startWithEngineRun(page, trd, scenario, 'assessment');
  await playEvents(page, events);
  await skipReflection(page);
  const view = run.view;
  const cuff = cuffPoints(view.monitor.readings, view.clock);
  expect(cuff.length, 'the run has cuff readings after the dose').toBeGreaterThan(1);
  expect(cuff.length).toBeLessThan(view.vitalsHistory.length / 2);

  const bp = page.locator('[data-panel="bp"]');
  await expect(bp.locator('circle.reading')).toHaveCount(cuff.length);
  await expect(bp.locator('rect.reading')).toHaveCount(cuff.length);
  const last = view.vitalsHistory.at(-1)!.minute;
  const corners = heldSteps(
    cuff.map((r) => ({ minute: r.minute, value: r.systolic })),
    last,
  );
  const bpPoints = (await bp.locator('polyline.series-0').getAttribute('points'))!.split(' ');
  expect(bpPoints).toHaveLength(corners.length);
  const hrPoints = (await page
    .locator('[data-panel="hr"] polyline.series-0')
    .getAttribute('points'))!.split(' ');
  expect(hrPoints).toHaveLength(view.vitalsHistory.length);
  await expect(page.locator('.chart-legend')).toContainText(
    'Blood pressure: cuff readings only (● systolic, ■ diastolic)',
  );
});
