/**
 * Format 2's visit clock: the clock runs from arrival, a delayed dose waits for the recheck it
 * asked for, and a hard-stop blood pressure refuses the dose whatever is documented.
 */
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { doseRefusal } from '../../../src/engine/session/gates.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadVisitFixture, playSession, type SessionSnap } from './fixtures.ts';

const visit = loadVisitFixture;
type Snap = SessionSnap;
const check: SessionEvent = { type: 'trainee.act', action: 'checkVitals' };
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });

const play = playSession;
const lastReason = (s: Snap) => s.context.log.at(-1)?.reason;
const TO_CHECK = ['prep-consent', 'prep-screening', 'adm-check'];

describe('rest and recheck before the dose', () => {
  const scenario = visit('rest-and-recheck.json');

  it('the reading on arrival is above the threshold; the dose is refused until a decision or a recheck', () => {
    const s = play(scenario, ...TO_CHECK, 'adm-rest');
    expect(viewSession(s).vitals.systolic).toBe(150);
    expect(viewSession(s).step).toBeNull(); // the rested step waits for minute 15 since arrival
    expect(viewSession(s).waitingUntil).toBe(15);
    expect(viewSession(s).minutesToNextEvent).toBe(15);
  });

  it('delayDose blocks the dose until the recheck: a check before the rest is over does not count', () => {
    const early = play(scenario, ...TO_CHECK, 'adm-rest', advance(5), check);
    expect(early.context.recheckFrom).toBe(15);
    const rested = play(scenario, ...TO_CHECK, 'adm-rest', advance(15));
    expect(viewSession(rested).step?.id).toBe('adm-rested');
    expect(viewSession(rested).vitals.systolic).toBe(134);
    // Straight to the dose step without the recheck is not possible: the rested step must recheck.
    const dosed = play(
      scenario,
      ...TO_CHECK,
      'adm-rest',
      advance(15),
      'adm-recheck',
      'adm-give-rested',
    );
    expect(dosed.context.facts.dosed).toBe(true);
    expect(viewSession(dosed).clock).toMatchObject({ sinceArrival: 15, sinceDose: 0 });
  });

  it('a check made before the rest ended is named as too early in the dose refusal', () => {
    const early = play(scenario, ...TO_CHECK, 'adm-rest', advance(5), check);
    expect(doseRefusal(early.context)).toMatch(
      /recheck is due at minute 15 since arrival \(now 6\); the reading at minute 6 came before the rest ended, so it is not the recheck/,
    );
    const after = play(scenario, ...TO_CHECK, 'adm-rest', advance(5), check, advance(10));
    const reason = doseRefusal(after.context);
    expect(reason).toMatch(
      /rest, which ended at minute 15 since arrival; the reading at minute 6 came before the rest ended/,
    );
    expect(reason).not.toMatch(/which has not been made/);
    const rechecked = play(
      scenario,
      ...TO_CHECK,
      'adm-rest',
      advance(5),
      check,
      advance(10),
      check,
    );
    expect(rechecked.context.recheckFrom).toBeNull();
    expect(doseRefusal(rechecked.context) ?? '').not.toMatch(/recheck/);
  });

  it('a dose chosen while the recheck is pending is refused with the reason', () => {
    // Recheck at minute 15 not made yet: jump the clock, then try to dose from the rested step.
    const s = play(scenario, ...TO_CHECK, 'adm-rest', advance(15));
    const withoutRecheck = transition(sessionMachine, s, {
      type: 'trainee.choose',
      optionId: 'adm-give-rested',
    })[0];
    expect(withoutRecheck.context.facts.dosed).toBe(false);
    expect(lastReason(withoutRecheck)).toMatch(/That option is not offered at this step/);
    const pending = play(scenario, ...TO_CHECK, 'adm-rest');
    expect(pending.context.recheckFrom).toBe(15);
    expect(viewSession(pending).facts.doseDelayed).toBe(true);
  });

  it('the best headless run rests, rechecks and doses; it passes', () => {
    const run = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(run.ok).toBe(true);
    const chosen = run.report.decisions.map((d) => d.optionId);
    expect(chosen).toEqual(expect.arrayContaining(['adm-rest', 'adm-recheck', 'adm-give-rested']));
    expect(run.view.clock.sinceArrival - (run.view.clock.sinceDose ?? 0)).toBe(15);
  });
});

describe('a hard stop no decision unlocks', () => {
  const scenario = visit('hard-stop.json');

  it('refuses the dose at or above the hard stop, even with a documented decision', () => {
    const s = play(scenario, ...TO_CHECK, 'adm-document', 'adm-give-documented');
    expect(s.context.facts.bpDecisionDocumented).toBe(true);
    expect(s.context.facts.dosed).toBe(false);
    expect(lastReason(s)).toBe(
      "No dose today: the pre-dose blood pressure of 186/112 mmHg is at or above the protocol's hard stop of 180/110 mmHg, which no documented decision overrides.",
    );
    expect(viewSession(s).lastRefusal?.reason).toBe(lastReason(s));
  });

  it('the same reading without a hard stop is unlocked by a documented decision', () => {
    const { hardStop: _h, ...thresholds } = scenario.protocol.thresholds;
    const without = { ...scenario, protocol: { ...scenario.protocol, thresholds } };
    const s = play(without, ...TO_CHECK, 'adm-document', 'adm-give-documented');
    expect(s.context.facts.dosed).toBe(true);
  });

  it('no strategy can dose: the best run defers, and the dose is never in the log as accepted', () => {
    for (const strategy of ['best', 'worst', 'random'] as const) {
      const run = playHeadless(scenario, { seed: 2, mode: 'assessment', strategy });
      expect(run.view.dosed).toBe(false);
    }
  });
});
