/**
 * The drug model's caches and fast paths only save work: over long, varied dose schedules every
 * state and effect is the same to the bit as the straightforward computation (a fresh matrix
 * exponential applied to the state vector as rows, every effect parameter looked up afresh),
 * whatever was asked before (look-aheads, states saved and read back).
 */
import { describe, expect, it } from 'vitest';
import {
  advanceDrug,
  applyDrugInput,
  drugEffect,
  initialDrugState,
  type DrugCompartments,
  type DrugInput,
  type DrugPatient,
  type DrugState,
} from '../../../src/engine/drug/index.ts';
import {
  COMPARTMENTS,
  fromVector,
  rateMatrix,
  toVector,
} from '../../../src/engine/drug/compartments.ts';
import { referenceEffect } from '../../../src/engine/drug/effects.ts';
import { applyMatrix, expm, type Matrix } from '../../../src/engine/drug/matrixExponential.ts';
import { mulberry32 } from '../../../src/engine/session/prng.ts';

/** A seeded generator, so the schedules are the same on every run. */
const random = mulberry32;

/**
 * The straightforward step, computed here without the model's caches: exp(M·h) freshly for each
 * drug, weight and step length (kept in this test's own map: expm is deterministic), applied to
 * the state vector as rows, whole minutes one at a time (as the model defines a whole-minute
 * step) and a fractional rest by its own exponential. The model advances to the minute
 * `state.minute + step`, so the step it takes is that minute less `state.minute` (at a fractional
 * minute, 1 can become 0.9999999999999964).
 */
const fresh = new Map<string, Matrix>();
function referenceStep(state: DrugState, step: number): DrugCompartments {
  const minutes = state.minute + step - state.minute;
  const exp = (h: number) => {
    const key = `${state.drug}|${state.weightKg}|${h}`;
    let m = fresh.get(key);
    if (!m) fresh.set(key, (m = expm(rateMatrix(state.drug, state.weightKg), h)));
    return m;
  };
  let x = toVector(state.amounts, state.infusionMgPerMinute);
  const whole = Math.floor(minutes);
  for (let i = 0; i < whole; i++) x = applyMatrix(exp(1), x);
  const rest = minutes - whole;
  if (rest > 0) x = applyMatrix(exp(rest), x);
  return fromVector(x);
}

/** Every number the same to the bit (Object.is: +0 and -0 differ), in the same key order. */
function expectSameBits<T extends object>(got: T, want: T, where: string): void {
  expect(Object.keys(got), where).toEqual(Object.keys(want));
  for (const key of Object.keys(want) as Array<keyof T>)
    if (!Object.is(got[key], want[key]))
      expect.fail(`${where}: ${String(key)} is ${String(got[key])}, expected ${String(want[key])}`);
}

/** Whether a lozenge hold of `s` ends within the next `minutes` (the step then ends the hold). */
const holdEndsWithin = (s: DrugState, minutes: number) =>
  (s.held ?? []).some((h) => h.endMinute <= s.minute + minutes);

/** A random input at the state's minute, of a kind the drug allows. */
function randomInput(s: DrugState, next: () => number): DrugInput {
  const minute = s.minute;
  const pick = Math.floor(next() * 7);
  switch (pick) {
    case 0:
      return { kind: 'infusionRate', minute, mgPerMinute: next() < 0.3 ? 0 : next() * 1.5 };
    case 1:
      return { kind: 'bolus', minute, route: 'intravenous', mg: 5 + next() * 30 };
    case 2:
      return { kind: 'bolus', minute, route: 'intramuscular', mg: 10 + next() * 100 };
    case 3:
      return {
        kind: 'lozenge',
        minute,
        mg: 50 + next() * 250,
        swallowedFraction: next(),
        // Holds that end on a whole minute, inside one, or at once.
        holdMinutes: [0, 10, 12.5, 15][Math.floor(next() * 4)]!,
        afterHold: next() < 0.5 ? 'spit' : 'swallow',
      };
    case 4:
      return s.drug === 'esketamine'
        ? { kind: 'intranasal', minute, mg: 28 }
        : { kind: 'bolus', minute, route: 'intravenous', mg: 2 };
    default: {
      const medication = (['benzodiazepine', 'clonidine', 'labetalol'] as const)[
        pick - 5 + (next() < 0.5 ? 0 : 1)
      ]!;
      return { kind: 'adjunct', minute, medication, mg: 0.5 + next() * 10 };
    }
  }
}

const patients: Array<{ drug: 'ketamine' | 'esketamine'; patient: DrugPatient }> = [
  { drug: 'ketamine', patient: { weightKg: 70 } },
  {
    drug: 'ketamine',
    patient: { weightKg: 123.4, sensitivity: { dissociation: 1.3, sedation: 0.7, pressor: 1.6 } },
  },
  {
    drug: 'esketamine',
    patient: {
      weightKg: 55,
      priorAdjuncts: [{ medication: 'benzodiazepine', mg: 1, minute: -600 }],
    },
  },
];

describe('the drug model equals the straightforward computation to the bit', () => {
  for (const [n, { drug, patient }] of patients.entries())
    it(`over a long varied schedule (${drug}, ${patient.weightKg} kg)`, () => {
      const next = random(17 + n);
      let s = initialDrugState(drug, patient);
      let checkedSteps = 0;
      for (let turn = 0; turn < 600; turn++) {
        const r = next();
        if (r < 0.08) s = applyDrugInput(s, randomInput(s, next));
        // Look ahead from this state as the session does (1, 2, 3, … minutes, and a minute on from
        // each), which fills and moves the caches before the step actually taken below.
        if (next() < 0.3)
          for (let k = 1, ahead = Math.ceil(next() * 40); k <= ahead; k++) {
            const later = advanceDrug(s, k);
            expectSameBits(drugEffect(later), referenceEffect(later), `look-ahead ${k}`);
            drugEffect(advanceDrug(later, 1));
          }
        // Now and then the state as saved and read back: a new object, the same numbers.
        if (next() < 0.05) s = JSON.parse(JSON.stringify(s)) as DrugState;
        const step = next() < 0.85 ? 1 : [0.37, 2.5, 7, 45][Math.floor(next() * 4)]!;
        const after = advanceDrug(s, step);
        if (!holdEndsWithin(s, step)) {
          expectSameBits(after.amounts, referenceStep(s, step), `step ${turn} (${step} min)`);
          checkedSteps++;
        }
        expectSameBits(drugEffect(after), referenceEffect(after), `effect after step ${turn}`);
        s = after;
      }
      // Most steps are compared (those that end a lozenge hold are not: the reference has no holds).
      expect(checkedSteps).toBeGreaterThan(500);
      expect(s.amounts.eliminated).toBeGreaterThan(0);
    });

  it('follows a whole visit minute by minute exactly as the reference does', () => {
    // An independent trajectory: the reference steps its own copy of the state, and inputs are
    // applied to a copy read back from JSON (so no cache keyed by the model's objects is hit).
    const inputs: DrugInput[] = [
      { kind: 'adjunct', minute: 0, medication: 'clonidine', mg: 0.1 },
      { kind: 'lozenge', minute: 5, mg: 200, swallowedFraction: 0.3, holdMinutes: 0 },
      { kind: 'infusionRate', minute: 20, mgPerMinute: 0.875 },
      { kind: 'bolus', minute: 31, route: 'intramuscular', mg: 35 },
      { kind: 'infusionRate', minute: 60, mgPerMinute: 0 },
      { kind: 'adjunct', minute: 90, medication: 'benzodiazepine', mg: 1 },
    ];
    let fast = initialDrugState('ketamine', { weightKg: 81.5 });
    // Another patient asked about in between (the constants looked up once per drug and weight).
    const other = applyDrugInput(
      initialDrugState('ketamine', {
        weightKg: 60,
        priorAdjuncts: [{ medication: 'benzodiazepine', mg: 2, minute: -30 }],
      }),
      { kind: 'bolus', minute: 0, route: 'intravenous', mg: 20 },
    );
    let ref = JSON.parse(JSON.stringify(fast)) as DrugState;
    for (let minute = 0; minute <= 360; minute++) {
      for (const input of inputs.filter((i) => i.minute === minute)) {
        fast = applyDrugInput(fast, input);
        ref = applyDrugInput(JSON.parse(JSON.stringify(ref)) as DrugState, input);
      }
      expectSameBits(fast.amounts, ref.amounts, `minute ${minute}`);
      expectSameBits(drugEffect(fast), referenceEffect(ref), `effect at minute ${minute}`);
      const elsewhere = advanceDrug(other, 1 + (minute % 5));
      expectSameBits(drugEffect(elsewhere), referenceEffect(elsewhere), `other at ${minute}`);
      // The look-ahead the session makes every minute, then the minute itself.
      drugEffect(advanceDrug(fast, 1 + (minute % 7)));
      fast = advanceDrug(fast, 1);
      ref = { ...ref, minute: ref.minute + 1, amounts: referenceStep(ref, 1) };
    }
  });

  it('reads a state saved before a compartment existed as having none of it', () => {
    const s = advanceDrug(
      applyDrugInput(initialDrugState('ketamine', { weightKg: 70 }), {
        kind: 'bolus',
        minute: 0,
        route: 'intravenous',
        mg: 20,
      }),
      3,
    );
    const old = JSON.parse(JSON.stringify(s)) as DrugState;
    delete (old.amounts as Partial<DrugCompartments>).toleranceSite;
    const after = advanceDrug(old, 1);
    expectSameBits(after.amounts, referenceStep(old, 1), 'a step from the old state');
    expect(Object.keys(after.amounts)).toEqual([...COMPARTMENTS]);
  });
});
