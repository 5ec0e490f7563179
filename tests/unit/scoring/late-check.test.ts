/**
 * One act is never both rewarded and penalised: in the first-session lozenge scenario, taking the
 * final vitals at the step that prompts them after the check's window has closed is not scored
 * "best option" beside "not checked in time" (the review's minute-126 case).
 */
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { initialSnapshot, step } from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const TRD = loadScenarioFile(
  new URL('../../../scenarios/trd-sublingual-first-session.json', import.meta.url).pathname,
);
const run = { seed: 7, mode: 'practice' as const };

/** The best run, with the clock moved to `minute` after the dose just before `optionId` is chosen. */
function bestRunDelayed(optionId: string, minute: number) {
  const best = playHeadless(TRD, { ...run, strategy: 'best' });
  const events = best.attempt.events;
  const at = events.findIndex((e) => e.type === 'trainee.choose' && e.optionId === optionId);
  expect(at).toBeGreaterThan(0);
  let s = initialSnapshot(TRD, run);
  for (const e of events.slice(0, at)) s = step(s, e);
  const now = s.context.minute!;
  if (minute > now) s = step(s, { type: 'clock.advance', minutes: minute - now });
  const rest = playHeadless(TRD, { ...run, strategy: 'best', from: s });
  return { snapshot: rest.snapshot, before: s };
}

describe('a check taken after its window at the step that prompts it', () => {
  it('is not scored "best option" while the check is scored "not checked in time"', () => {
    const { snapshot } = bestRunDelayed('i4-escort', 126);
    const report = scoreContext(snapshot.context);
    const check = report.decisions.find((d) => d.checkId === 'vitals-before-discharge')!;
    expect(check.optionText).toMatch(/not checked in time/);
    const late = report.decisions.find((d) => d.optionId === 'i5-check')!;
    expect(late.minute).toBeGreaterThan(125);
    expect(late.bestOptionId).not.toBe('i5-check');
    expect(late.points).toEqual({});
    expect(late.optionText).toMatch(/late/);
    // On time, the same choice is the best option and the check counts.
    const onTime = playHeadless(TRD, { ...run, strategy: 'best' }).report;
    expect(onTime.decisions.find((d) => d.optionId === 'i5-check')?.bestOptionId).toBe('i5-check');
    expect(
      onTime.decisions.find((d) => d.checkId === 'vitals-before-discharge')?.optionText,
    ).toMatch(/checked on time/);
  });

  it('the practice feedback says the reading is late and shows no points', () => {
    const { before } = bestRunDelayed('i4-escort', 126);
    let s = step(before, { type: 'trainee.choose', optionId: 'i4-escort' });
    const view = viewSession(s);
    expect(view.step?.id).toBe('int-vitals');
    s = step(s, { type: 'trainee.choose', optionId: 'i5-check' } as SessionEvent);
    const feedback = viewSession(s).lastFeedback!;
    expect(feedback.optionId).toBe('i5-check');
    expect(feedback.points).toEqual({});
    expect(feedback.late).toMatch(/between minute 110 and 125 since the dose/);
  });

  it('inside the window the same choice is the best option and the check counts', () => {
    const { snapshot } = bestRunDelayed('i4-escort', 115);
    const report = scoreContext(snapshot.context);
    expect(report.decisions.find((d) => d.optionId === 'i5-check')).toMatchObject({
      bestOptionId: 'i5-check',
      points: { safety: 3 },
    });
    expect(
      report.decisions.find((d) => d.checkId === 'vitals-before-discharge')?.optionText,
    ).toMatch(/checked on time/);
  });
});
