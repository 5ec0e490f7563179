/**
 * The hard-stop scenario by keyboard: at the first point where the dose is offered after a
 * reading at or above the protocol's hard stop, choosing it is refused with the reason, and the
 * visit still plays on to its debrief.
 */
import { expect, test } from '@playwright/test';
import { initialSnapshot, step } from '../../src/engine/session/session.ts';
import { viewSession } from '../../src/engine/index.ts';
import { expectNoViolations } from './axe.ts';
import { bundled, chooseByKey, playEvents, skipReflection, startWithEngineRun } from './helpers.ts';

const ID = 'hard-stop-blood-pressure';

test('the refused dose shows its reason: the hard stop no documented decision overrides', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const scenario = bundled(ID);
  const hardStop = scenario.protocol.thresholds.hardStop!;
  const { seed, run, events } = await startWithEngineRun(page, ID, scenario, 'assessment');
  const doseOptions = new Set(
    scenario.phases
      .flatMap((p) => p.steps)
      .flatMap((s) => s.options)
      .filter((o) => o.action === 'administerDose')
      .map((o) => o.id),
  );
  // Where, on the best path of this attempt, the dose is offered and refused by the hard stop.
  let snapshot = step(initialSnapshot(scenario, { seed, mode: 'assessment' }), {
    type: 'session.begin',
  });
  let at = -1;
  let optionId = '';
  let reason = '';
  for (const [i, event] of events.entries()) {
    snapshot = step(snapshot, event);
    const offered = viewSession(snapshot).options.find((o) => doseOptions.has(o.id));
    if (!offered) continue;
    const refusal = viewSession(step(snapshot, { type: 'trainee.choose', optionId: offered.id }))
      .lastRefusal?.reason;
    if (refusal?.includes('hard stop')) {
      [at, optionId, reason] = [i, offered.id, refusal];
      break;
    }
  }
  expect(at, 'the best path meets a dose the hard stop refuses').toBeGreaterThanOrEqual(0);
  expect(reason).toContain(
    `hard stop of ${hardStop.systolic}/${hardStop.diastolic} mmHg, which no documented decision overrides`,
  );

  await playEvents(page, events.slice(0, at + 1));
  await chooseByKey(page, optionId);
  const refusal = page.locator(`[data-refusal="${optionId}"]`);
  await expect(refusal).toContainText(reason);
  // Nothing was given: the session is still in administration.
  await expect(page.locator('[data-mode-badge]')).toContainText('Administration');
  await expectNoViolations(page, 'hard-stop refusal');

  await playEvents(page, events.slice(at + 1));
  await skipReflection(page);
  await expect(page.locator('[data-verdict]')).toContainText(
    run.report.passed ? 'Passed' : 'Not passed',
  );
});
