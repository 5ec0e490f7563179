/**
 * What the hard-stop scenario teaches: a pre-dose blood pressure at or above 180/110 mmHg that stays
 * there after rest and recheck means no dose today, whatever the trainee documents; the skilled
 * path defers with a plan and passes, and no way of playing it doses on a hard-stop reading.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const scenario = loadScenarioFile(
  fileURLToPath(new URL('../../../scenarios/hard-stop-blood-pressure.json', import.meta.url)),
);
const stop = scenario.protocol.thresholds.hardStop!;
const atOrAboveStop = (bp: { systolic: number; diastolic: number }) =>
  bp.systolic >= stop.systolic || bp.diastolic >= stop.diastolic;

type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

function play(seed: number, ...events: (SessionEvent | string)[]): Snap {
  let [s] = initialTransition(sessionMachine, { scenario, seed, mode: 'assessment' });
  for (const e of [{ type: 'session.begin' } as SessionEvent, ...events])
    s = transition(
      sessionMachine,
      s,
      typeof e === 'string' ? { type: 'trainee.choose', optionId: e } : e,
    )[0];
  return s;
}

const PREPARATION = ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'];
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });

describe('hard-stop-blood-pressure: no dose at the hard stop', () => {
  it('uses the 180/110 hard stop of severe hypertension', () => {
    expect(stop).toEqual({ systolic: 180, diastolic: 110 });
  });

  it.each([1, 7, 42, 424242])(
    'refuses the dose after rest and recheck, even with a documented decision to proceed (seed %i)',
    (seed) => {
      const s = play(
        seed,
        ...PREPARATION,
        'a-bp-first',
        'a-first-document',
        'a-doc-leave',
        advance(20),
        'a-rest-recheck',
        'a-recheck-give',
      );
      expect(s.context.facts.bpDecisionDocumented).toBe(true);
      expect(s.context.recheckFrom, 'the recheck after rest was made').toBeNull();
      expect(atOrAboveStop(s.context.predoseBp!)).toBe(true);
      expect(s.context.facts.dosed).toBe(false);
      expect(s.context.log.at(-1)?.reason).toMatch(/hard stop of 180\/110 mmHg/);
    },
  );

  it('says plainly that the hard stop means no dose today, with no hint that documenting would help', () => {
    const s = play(3, ...PREPARATION, 'a-bp-first', 'a-first-document', 'a-doc-give');
    const reason = s.context.log.at(-1)?.reason ?? '';
    expect(reason).toMatch(
      /^No dose today: the pre-dose blood pressure of \d+\/\d+ mmHg is at or above/,
    );
    expect(reason).not.toMatch(/\byet\b|no decision has been documented|Cannot give the dose/);
  });

  it('the patient mentions the music during the rest only when the music was on', () => {
    const rested = (...settings: SessionEvent[]) =>
      viewSession(play(1, ...PREPARATION, 'a-bp-first', ...settings, 'a-first-rest15', advance(20)))
        .step;
    const quiet = rested();
    expect(quiet?.id).toBe('a-rest');
    expect(quiet?.text).not.toMatch(/music/i);
    const withMusic = rested({ type: 'trainee.setting', setting: 'music', value: 'on' });
    expect(withMusic?.id).toBe('a-rest');
    expect(withMusic?.text).toMatch(/elevator music/);
  });

  it('the rest lasts what the option says, and his line follows which wait was chosen', () => {
    const rest15 = scenario.phases
      .flatMap((p) => p.steps)
      .flatMap((st) => st.options)
      .find((o) => o.id === 'a-first-rest15')!;
    const minutes = rest15.recheckAfterMinutes!;
    expect(rest15.text).toContain('at least fifteen minutes');
    expect(minutes).toBe(15);
    for (const [option, line, not] of [
      ['a-first-rest15', /staring at the wall/, /forms/],
      ['a-first-rest5', /forms done/, /sitting about|staring/],
    ] as const) {
      const before = play(1, ...PREPARATION, 'a-bp-first');
      const chosenAt = before.context.clock;
      const s = play(1, ...PREPARATION, 'a-bp-first', option, advance(20));
      const step = viewSession(s).step;
      expect(step?.id).toBe('a-rest');
      expect(step?.text).toMatch(line);
      expect(step?.text).not.toMatch(not);
      // The recheck step comes once the rest the option asked for is over: the recheck it offers
      // counts as the recheck (the delay is lifted), not as a reading taken too early.
      expect(s.context.clock - chosenAt).toBeGreaterThanOrEqual(
        option === 'a-first-rest15' ? minutes : 5,
      );
      const rechecked = play(
        1,
        ...PREPARATION,
        'a-bp-first',
        option,
        advance(20),
        'a-rest-recheck',
      );
      expect(rechecked.context.recheckFrom).toBeNull();
      expect(rechecked.context.earlyRecheckAt).toBeNull();
    }
  });

  it.each([
    ['a-first-rest15', [], 15],
    ['a-first-rest5', [], 5],
    ['a-doc-leave', ['a-first-document'], 15],
    ['a-doc-correct', ['a-first-document'], 15],
  ] as const)(
    'after %s the recheck step comes when the rest ends, whenever it was chosen, and its recheck counts',
    (rest, before, minutes) => {
      for (const chosenAt of [0, 8]) {
        const at = (...more: SessionEvent[]) =>
          play(
            1,
            ...PREPARATION,
            'a-bp-first',
            ...before,
            ...(chosenAt > 0 ? [advance(chosenAt)] : []),
            rest,
            ...more,
          );
        expect(at().context.clock).toBe(chosenAt);
        expect(viewSession(at(advance(minutes - 1))).step, `${chosenAt}`).toBeNull();
        const due = at(advance(minutes));
        expect(viewSession(due).step?.id, `${chosenAt}`).toBe('a-rest');
        const rechecked = transition(sessionMachine, due, {
          type: 'trainee.choose',
          optionId: 'a-rest-recheck',
        })[0];
        expect(rechecked.context.recheckFrom, `${chosenAt}`).toBeNull();
        expect(rechecked.context.earlyRecheckAt, `${chosenAt}`).toBeNull();
        expect(viewSession(rechecked).step?.id).toBe('a-recheck');
      }
    },
  );

  it('on the best path, the recheck step comes as the rest ends and its reading is the recheck', () => {
    const run = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' });
    let s = play(1);
    let restChosenAt: number | null = null;
    let restShownAt: number | null = null;
    for (const event of run.attempt.events.slice(1)) {
      s = transition(sessionMachine, s, event)[0];
      if (event.type === 'trainee.choose' && event.optionId === 'a-first-rest15')
        restChosenAt = s.context.clock;
      if (restShownAt === null && viewSession(s).step?.id === 'a-rest')
        restShownAt = s.context.clock;
      // No reading is ever taken too early for the recheck.
      expect(s.context.earlyRecheckAt).toBeNull();
    }
    expect(restChosenAt).not.toBeNull();
    expect(restShownAt).toBe(restChosenAt! + 15);
    expect(s.context.recheckFrom).toBeNull();
    expect(s.context.restEndsAt).toBe(restChosenAt! + 15);
  });

  it('refuses a dose on the strength of a note written before the recheck', () => {
    const s = play(3, ...PREPARATION, 'a-bp-first', 'a-first-document', 'a-doc-give');
    expect(s.context.facts.dosed).toBe(false);
    expect(s.context.log.at(-1)?.reason).toMatch(/hard stop/);
  });

  it('passes the skilled path: rest, recheck, red flags, no dose, and a plan together', () => {
    for (const seed of [1, 99]) {
      const run = playHeadless(scenario, { seed, mode: 'assessment', strategy: 'best' });
      expect(run.error).toBeUndefined();
      expect(run.view.dosed).toBe(false);
      expect(run.report.ending?.id).toBe('deferred-with-plan');
      expect(run.report.passed).toBe(true);
      const chosen = run.report.decisions.map((d) => d.optionId);
      expect(chosen).toEqual(
        expect.arrayContaining(['a-first-rest15', 'a-rest-recheck', 'ev-head-redflags']),
      );
    }
  });

  it('fails the worst path with a critical error', () => {
    const run = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'worst' });
    expect(run.error).toBeUndefined();
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.length).toBeGreaterThan(0);
  });

  it('lets the dose through only once unordered clonidine has pushed the reading under the stop, as a critical error', () => {
    const s = play(
      5,
      ...PREPARATION,
      'a-bp-first',
      'a-first-rest15',
      advance(20),
      'a-rest-recheck',
      'a-recheck-clonidine',
      advance(65),
      'a-cw-recheck',
      'a-cr-give',
      'a-crd-give',
    );
    expect(atOrAboveStop(s.context.predoseBp!)).toBe(false);
    expect(s.context.facts.dosed).toBe(true);
    const run = playHeadless(scenario, { seed: 5, mode: 'assessment', from: s, strategy: 'best' });
    expect(run.error).toBeUndefined();
    expect(run.report.criticalErrors.map((e) => e.optionId)).toContain('a-recheck-clonidine');
  });

  it('"An hour has passed since the clonidine tablet" comes an hour after it, however late it was given', () => {
    for (const waitFirst of [0, 20]) {
      const given = play(
        5,
        ...PREPARATION,
        'a-bp-first',
        ...(waitFirst ? [advance(waitFirst)] : []),
        'a-first-rest15',
        advance(15),
        'a-rest-recheck',
        'a-recheck-clonidine',
      );
      const at = given.context.clock;
      const before = transition(sessionMachine, given, advance(59))[0];
      expect(viewSession(before).step?.id).not.toBe('a-clonidine-wait');
      const after = transition(sessionMachine, before, advance(1))[0];
      expect(after.context.clock).toBe(at + 60);
      expect(viewSession(after).step?.id).toBe('a-clonidine-wait');
      expect(viewSession(after).step?.text).toBe('An hour has passed since the clonidine tablet.');
    }
  });

  it('never gets stuck in random play, and never doses on a hard-stop reading (100 seeds)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const run = playHeadless(scenario, { seed, mode: 'assessment', strategy: 'random' });
      expect(run.error, `seed ${seed}`).toBeUndefined();
      expect(run.report.ending, `seed ${seed}`).not.toBeNull();
      const { context } = run.snapshot;
      if (context.facts.dosed) {
        // Only a reading pushed under the stop (by clonidine nobody ordered) let the dose through,
        // and that path is a critical error.
        expect(context.vars['clonidineGiven'], `seed ${seed}`).toBe(true);
        expect(atOrAboveStop(context.predoseBp!), `seed ${seed}`).toBe(false);
        expect(run.report.passed, `seed ${seed}`).toBe(false);
      }
    }
  }, 120_000);
});
