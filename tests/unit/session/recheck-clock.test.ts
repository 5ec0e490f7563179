/**
 * The recheck clock: a step with `"from": "recheck"` is due `atMinute` minutes after the end of
 * the rest the last `delayDose` option asked for (the minute it was chosen plus its
 * `recheckAfterMinutes`), whenever it was chosen and however long it is; with no rest asked for,
 * it is due at once. Played on the rest-and-recheck visit fixture with its recheck step moved onto
 * the recheck clock and a second, five-minute rest.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/validate.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { previewSnapshot } from '../../../src/engine/session/preview.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { playSession } from './fixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIXTURE = readFileSync(
  new URL('../../fixtures/engine/visit/rest-and-recheck.json', import.meta.url),
  'utf8',
);
const TO_CHECK = ['prep-consent', 'prep-screening', 'adm-check'];
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });
/** The clock run `minutes` (nothing when 0). */
const wait = (minutes: number): SessionEvent[] => (minutes > 0 ? [advance(minutes)] : []);

/** The fixture with `adm-rested` on the recheck clock and a five-minute rest beside the fifteen. */
function onRecheckClock(change: (doc: Json) => void = () => {}): Json {
  const doc = JSON.parse(FIXTURE) as Json;
  const administration = doc.phases.find((p: Json) => p.id === 'administration');
  const step = (id: string) => administration.steps.find((s: Json) => s.id === id);
  Object.assign(step('adm-rested'), {
    atMinute: 0,
    from: 'recheck',
    text: 'The rest is over; the patient is settled in the chair.',
  });
  const options = step('adm-dose').options as Json[];
  options.splice(2, 0, {
    ...options.find((o) => o.id === 'adm-rest'),
    id: 'adm-rest-short',
    recheckAfterMinutes: 5,
    text: 'Let them rest quietly for five minutes, then recheck.',
  });
  change(doc);
  return doc;
}

function load(doc: Json): ScenarioV1 {
  const result = validate(JSON.stringify(doc));
  if (!result.scenario) throw new Error(JSON.stringify(result.diagnostics));
  return result.scenario;
}

/** Adds a way to the recheck step that asks for no rest (`adm-skip-rest`). */
function withoutRest(doc: Json): void {
  const adm = doc.phases.find((p: Json) => p.id === 'administration');
  adm.steps
    .find((s: Json) => s.id === 'adm-dose')
    .options.push({
      id: 'adm-skip-rest',
      kind: 'response',
      text: 'Carry on without a rest.',
      points: { safety: -1 },
      feedback: 'No rest, no fair recheck.',
      next: 'adm-rested',
    });
}

const codes = (doc: Json) => validate(JSON.stringify(doc)).diagnostics.map((d) => d.code);

describe('a step on the recheck clock', () => {
  const scenario = load(onRecheckClock());

  it.each([
    ['adm-rest', 15, 0],
    ['adm-rest', 15, 8],
    ['adm-rest-short', 5, 0],
    ['adm-rest-short', 5, 8],
  ] as const)(
    'after %s (%i minutes) chosen at minute %i, is presented when the rest ends',
    (rest, minutes, chosenAt) => {
      const ends = chosenAt + minutes;
      const waiting = playSession(scenario, ...TO_CHECK, ...wait(chosenAt), rest);
      expect(waiting.context.clock).toBe(chosenAt);
      expect(viewSession(waiting).step).toBeNull();
      expect(viewSession(waiting).waitingUntil).toBe(ends);
      // "Advance to the next event" goes to the rest's end.
      expect(viewSession(waiting).minutesToNextEvent).toBe(minutes);
      const before = playSession(
        scenario,
        ...TO_CHECK,
        ...wait(chosenAt),
        rest,
        ...wait(minutes - 1),
      );
      expect(viewSession(before).step).toBeNull();
      const due = playSession(scenario, ...TO_CHECK, ...wait(chosenAt), rest, advance(minutes));
      expect(due.context.clock).toBe(ends);
      expect(viewSession(due).step?.id).toBe('adm-rested');
      // The check it offers is the recheck the delay asked for, not a reading taken too early.
      const rechecked = playSession(
        scenario,
        ...TO_CHECK,
        ...wait(chosenAt),
        rest,
        advance(minutes),
        'adm-recheck',
      );
      expect(rechecked.context.recheckFrom).toBeNull();
      expect(rechecked.context.earlyRecheckAt).toBeNull();
      expect(rechecked.context.restEndsAt, 'the rest’s end outlives the recheck').toBe(ends);
      expect(viewSession(rechecked).step?.id).toBe('adm-dose-rested');
    },
  );

  it('counts its minutes after the rest’s end: atMinute 3 comes three minutes after it', () => {
    const later = load(
      onRecheckClock((doc) => {
        const adm = doc.phases.find((p: Json) => p.id === 'administration');
        adm.steps.find((s: Json) => s.id === 'adm-rested').atMinute = 3;
      }),
    );
    const s = playSession(later, ...TO_CHECK, advance(4), 'adm-rest-short');
    expect(viewSession(s).waitingUntil).toBe(12);
    expect(
      viewSession(playSession(later, ...TO_CHECK, advance(4), 'adm-rest-short', advance(7))).step,
    ).toBeNull();
    expect(
      viewSession(playSession(later, ...TO_CHECK, advance(4), 'adm-rest-short', advance(8))).step
        ?.id,
    ).toBe('adm-rested');
  });

  it('has its deadline counted from the rest’s end', () => {
    const timed = load(
      onRecheckClock((doc) => {
        const adm = doc.phases.find((p: Json) => p.id === 'administration');
        adm.steps.find((s: Json) => s.id === 'adm-rested').expires = { withinMinutes: 10 };
      }),
    );
    const shown = playSession(timed, ...TO_CHECK, advance(8), 'adm-rest', advance(15));
    expect(viewSession(shown).step).toMatchObject({ id: 'adm-rested', until: 33 });
    const withdrawn = playSession(timed, ...TO_CHECK, advance(8), 'adm-rest', advance(26));
    expect(withdrawn.context.clock).toBe(34);
    expect(viewSession(withdrawn).step?.id).toBe('adm-dose-rested');
  });

  it('follows the last rest asked for: a later delayDose moves its deadline', () => {
    const timed = load(
      onRecheckClock((doc) => {
        const adm = doc.phases.find((p: Json) => p.id === 'administration');
        adm.steps.find((s: Json) => s.id === 'adm-rested').expires = { withinMinutes: 10 };
        const nausea = doc.events.find((e: Json) => e.id === 'ev-nausea');
        nausea.trigger = { atMinute: 17, from: 'arrival' };
        nausea.respond.options.push({
          id: 'ev-nausea-rest',
          kind: 'action',
          action: 'delayDose',
          recheckAfterMinutes: 20,
          text: 'Hold everything and let them rest twenty minutes more.',
          points: { safety: 0 },
        });
      }),
    );
    const shown = playSession(timed, ...TO_CHECK, 'adm-rest', advance(17));
    expect(viewSession(shown).step).toMatchObject({ id: 'adm-rested', until: 25 });
    const rested = playSession(timed, ...TO_CHECK, 'adm-rest', advance(17), 'ev-nausea-rest');
    expect(rested.context.restEndsAt).toBe(37);
    expect(viewSession(rested).step).toMatchObject({ id: 'adm-rested', until: 47 });
  });

  it('is due at once when no rest was asked for, and the validator warns of that path', () => {
    const doc = onRecheckClock(withoutRest);
    const unrested = load(doc);
    const s = playSession(unrested, ...TO_CHECK, advance(6), 'adm-skip-rest');
    expect(s.context.restEndsAt).toBeNull();
    expect(viewSession(s).step?.id).toBe('adm-rested');
    expect(s.context.clock).toBe(6);
    const found = validate(JSON.stringify(doc)).diagnostics.filter(
      (d) => d.code === 'RECHECK_WITHOUT_REST',
    );
    expect(found.map((d) => [d.severity, d.path])).toEqual([['warning', '/phases/1/steps/2/from']]);
    // Timed as a step without an atMinute: a withinMinutes counts from the minute it is shown.
    const timed = load(
      onRecheckClock((d) => {
        withoutRest(d);
        const adm = d.phases.find((p: Json) => p.id === 'administration');
        adm.steps.find((x: Json) => x.id === 'adm-rested').expires = { withinMinutes: 10 };
      }),
    );
    const offered = playSession(timed, ...TO_CHECK, advance(6), 'adm-skip-rest');
    expect(viewSession(offered).step).toMatchObject({ id: 'adm-rested', until: 16 });
    // A preview started at the step has had no rest either: the step is on screen at once.
    expect(viewSession(previewSnapshot(unrested, { stepId: 'adm-rested' })).step?.id).toBe(
      'adm-rested',
    );
  });
});

describe('the validator and the recheck clock', () => {
  it('is quiet when every path to the step asks for a rest first', () => {
    const found = codes(onRecheckClock());
    expect(found).not.toContain('RECHECK_WITHOUT_REST');
    expect(found).not.toContain('AT_MINUTE_BEFORE_DOSE');
    expect(found.filter((c) => c.startsWith('STEP_'))).toEqual([]);
  });

  it('counts a rest asked for in an earlier phase, and only when every way out of it rests', () => {
    // Every way out of preparation asks for a rest; in administration a way to the recheck step
    // asks for none (adm-skip-rest).
    const restInPreparation = (alsoWithout: boolean) =>
      onRecheckClock((doc) => {
        withoutRest(doc);
        const prep = doc.phases.find((p: Json) => p.id === 'preparation');
        const screen = prep.steps.find((s: Json) => s.id === 'prep-screen');
        for (const o of screen.options)
          Object.assign(o, { kind: 'action', action: 'delayDose', recheckAfterMinutes: 5 });
        if (alsoWithout)
          screen.options.push({
            id: 'prep-go-on',
            kind: 'response',
            text: 'Go on.',
            points: { safety: 0 },
            feedback: 'On to the dose.',
            endsPhase: true,
          });
      });
    expect(codes(restInPreparation(false))).not.toContain('RECHECK_WITHOUT_REST');
    expect(codes(restInPreparation(true))).toContain('RECHECK_WITHOUT_REST');
  });

  it('counts a medicine given with recheckAfterMinutes as starting the recheck clock', () => {
    const medicineFirst = (recheckAfterMinutes?: number) =>
      onRecheckClock((doc) => {
        withoutRest(doc);
        const prep = doc.phases.find((p: Json) => p.id === 'preparation');
        const screen = prep.steps.find((s: Json) => s.id === 'prep-screen');
        for (const o of screen.options)
          Object.assign(o, {
            kind: 'action',
            action: 'giveMedication',
            ...(recheckAfterMinutes === undefined ? {} : { recheckAfterMinutes }),
          });
      });
    expect(codes(medicineFirst(30))).not.toContain('RECHECK_WITHOUT_REST');
    expect(codes(medicineFirst())).toContain('RECHECK_WITHOUT_REST');
  });

  it('takes "recheck" only on a step: events, checks and keyframes keep the two clocks', () => {
    const doc = onRecheckClock((d) => {
      d.events[0].trigger.from = 'recheck';
    });
    const errors = validate(JSON.stringify(doc)).diagnostics.filter((x) => x.severity === 'error');
    expect(errors.map((x) => x.path)).toContain('/events/0/trigger/from');
  });

  it('compares a recheck-clock deadline only on that clock', () => {
    // A written expires on the recheck step, leading to a step on the arrival clock: the deadline
    // is known in play (the minute before that step), not statically; no STEP_EXPIRY error.
    const doc = onRecheckClock((d) => {
      const adm = d.phases.find((p: Json) => p.id === 'administration');
      adm.steps.find((s: Json) => s.id === 'adm-rested').expires = { next: 'adm-dose-rested' };
      Object.assign(
        adm.steps.find((s: Json) => s.id === 'adm-dose-rested'),
        {
          atMinute: 40,
          from: 'arrival',
        },
      );
    });
    expect(codes(doc).filter((c) => c.startsWith('STEP_'))).toEqual([]);
    const s = playSession(load(doc), ...TO_CHECK, advance(8), 'adm-rest', advance(15));
    expect(viewSession(s).step).toMatchObject({ id: 'adm-rested', until: 39 });
  });
});
