/**
 * One act is never both rewarded and penalised. In the first-session lozenge scenario (the
 * review's minute-126 case) the step announcing the final vitals check is now withdrawn at its
 * deadline, so at minute 126 it is never shown at all. Where a check-prompting step is still on
 * screen after its check's window (the intramuscular scenario's minute-90 step is offered until
 * minute 119, its check closes at 100), taking the vitals there is not scored "best option" beside
 * "not checked in time".
 */
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const load = (name: string) =>
  loadScenarioFile(new URL(`../../../scenarios/${name}.json`, import.meta.url).pathname);
const TRD = load('trd-sublingual-first-session');
const IM = load('im-hypertensive-response');
const run = { seed: 7, mode: 'practice' as const };

/** The best run up to just before `optionId` is chosen, with the clock then moved to `minute`. */
function bestRunUntil(scenario: ScenarioV1, optionId: string, minute: number): SessionSnapshot {
  const events = playHeadless(scenario, { ...run, strategy: 'best' }).attempt.events;
  const at = events.findIndex((e) => e.type === 'trainee.choose' && e.optionId === optionId);
  expect(at).toBeGreaterThan(0);
  let s = initialSnapshot(scenario, run);
  for (const e of events.slice(0, at)) s = step(s, e);
  const now = s.context.minute!;
  if (minute > now) s = step(s, { type: 'clock.advance', minutes: minute - now });
  return s;
}

/**
 * The intramuscular best run up to the minute-90 check step (offered until minute 104, the minute
 * before the next step), with the clock then moved to `minute`.
 */
function atMinute90Step(minute: number): SessionSnapshot {
  // Up to the minute-75 answer: the best run's own vitals check at minute 90 is left out.
  let s = bestRunUntil(IM, 'g3-touch', 0);
  s = step(s, { type: 'trainee.choose', optionId: 'g3-touch' });
  s = step(s, { type: 'clock.advance', minutes: minute - s.context.minute! });
  expect(viewSession(s).step?.id).toBe('int-check90');
  return s;
}

describe('a check-prompting step reached after its check’s window', () => {
  it('in the lozenge scenario, the minute-110 step is withdrawn before minute 126 and never shown', () => {
    const before = bestRunUntil(TRD, 'i4-escort', 126);
    const s = step(before, { type: 'trainee.choose', optionId: 'i4-escort' });
    const v = viewSession(s);
    expect(v.step?.id).toBe('int-discharge');
    expect(v.transcript.some((t) => /final vitals check is due/i.test(t.text))).toBe(false);
    const report = scoreContext(s.context);
    expect(report.decisions.find((d) => d.stepId === 'int-vitals')).toMatchObject({
      optionId: null,
      points: {},
    });
    const check = report.decisions.find((d) => d.checkId === 'vitals-before-discharge')!;
    expect(check.optionText).toMatch(/not checked in time/);
  });

  it('taking the vitals there is not scored "best option" while the check is "not checked in time"', () => {
    const s = step(atMinute90Step(103), { type: 'trainee.choose', optionId: 'i4-check' });
    const rest = playHeadless(IM, { ...run, strategy: 'best', from: s });
    const report = scoreContext(rest.snapshot.context);
    const check = report.decisions.find((d) => d.checkId === 'bp-90')!;
    expect(check.optionText).toMatch(/not checked in time/);
    const late = report.decisions.find((d) => d.optionId === 'i4-check')!;
    expect(late.minute).toBe(103);
    expect(late.bestOptionId).not.toBe('i4-check');
    expect(late.points).toEqual({});
    expect(late.optionText).toMatch(/late/);
    // On time, the same choice is the best option and the check counts.
    const onTime = playHeadless(IM, { ...run, strategy: 'best' }).report;
    expect(onTime.decisions.find((d) => d.optionId === 'i4-check')?.bestOptionId).toBe('i4-check');
    expect(onTime.decisions.find((d) => d.checkId === 'bp-90')?.optionText).toMatch(
      /checked on time/,
    );
  });

  it('the practice feedback says the reading is late and shows no points', () => {
    const s = step(atMinute90Step(103), { type: 'trainee.choose', optionId: 'i4-check' });
    const feedback = viewSession(s).lastFeedback!;
    expect(feedback.optionId).toBe('i4-check');
    expect(feedback.points).toEqual({});
    expect(feedback.late).toMatch(/between minute 90 and 100 since the dose/);
  });

  it('inside the window the same choice is the best option and the check counts', () => {
    const s = step(atMinute90Step(95), { type: 'trainee.choose', optionId: 'i4-check' });
    const report = scoreContext(s.context);
    expect(report.decisions.find((d) => d.optionId === 'i4-check')).toMatchObject({
      bestOptionId: 'i4-check',
      points: { safety: 3 },
    });
    expect(report.decisions.find((d) => d.checkId === 'bp-90')?.optionText).toMatch(
      /checked on time/,
    );
  });
});
