/**
 * The closed-form solution: exactness, determinism, additivity of time steps, mass balance, cost.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  advanceDrug,
  applyDrugInput,
  drugEffect,
  initialDrugState,
  type DrugInput,
  type DrugState,
} from '../../../src/engine/drug/index.ts';
import { expm } from '../../../src/engine/drug/matrixExponential.ts';
import { ESKETAMINE_56, IV_STANDARD, curve } from './helpers.ts';

const patient = { weightKg: 70 };

/** Everything that holds drug (mg), excluding the effect sites (concentrations, no mass). */
function inBody(s: DrugState): number {
  const a = s.amounts;
  return (
    a.central +
    a.peripheralFast +
    a.peripheralSlow +
    a.hepatic +
    a.depotIntramuscular +
    a.depotMouth +
    a.depotSublingual +
    a.depotGut +
    a.depotNasal
  );
}

function givenState(): DrugState {
  let s = initialDrugState('ketamine', patient);
  s = applyDrugInput(s, { kind: 'infusionRate', minute: 0, mgPerMinute: 0.8 });
  s = applyDrugInput(s, { kind: 'bolus', minute: 0, route: 'intramuscular', mg: 20 });
  s = applyDrugInput(s, { kind: 'lozenge', minute: 0, mg: 100, swallowedFraction: 0.4 });
  return applyDrugInput(s, { kind: 'adjunct', minute: 0, medication: 'benzodiazepine', mg: 1 });
}

describe('the matrix exponential', () => {
  it('matches the analytic one-compartment oral (Bateman) solution to 1e-12', () => {
    // depot → central at ka, central eliminated at ke.
    const ka = 0.05;
    const ke = 0.01;
    const a = [
      [-ka, 0],
      [ka, -ke],
    ];
    for (const t of [0.1, 1, 37, 600, 5000]) {
      const e = expm(a, t);
      const central = (ka / (ka - ke)) * (Math.exp(-ke * t) - Math.exp(-ka * t));
      expect(Math.abs(e[0]![0]! - Math.exp(-ka * t))).toBeLessThan(1e-12);
      expect(Math.abs(e[1]![0]! - central)).toBeLessThan(1e-12);
    }
  });

  it('rejects a non-square matrix and a non-finite time', () => {
    expect(() => expm([[1, 2]], 1)).toThrow(RangeError);
    expect(() => expm([[1]], Number.NaN)).toThrow(RangeError);
  });
});

describe('advancing the state', () => {
  it('is deterministic: the same inputs give the same numbers', () => {
    const a = curve('esketamine', patient, ESKETAMINE_56, 0, 240, 2.5);
    const b = curve('esketamine', patient, ESKETAMINE_56, 0, 240, 2.5);
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('advance(a) then advance(b) equals advance(a + b) to 1e-9', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (a, b) => {
          const start = givenState();
          const split = advanceDrug(advanceDrug(start, a), b);
          const whole = advanceDrug(start, a + b);
          for (const key of Object.keys(whole.amounts) as Array<keyof typeof whole.amounts>) {
            const x = whole.amounts[key];
            expect(Math.abs(split.amounts[key] - x)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(x)),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('conserves mass: eliminated + remaining = bioavailable amount given', () => {
    const input = fc.oneof(
      fc.record({
        kind: fc.constant('infusionRate' as const),
        mgPerMinute: fc.double({ min: 0, max: 2, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('bolus' as const),
        route: fc.constantFrom('intravenous' as const, 'intramuscular' as const),
        mg: fc.double({ min: 0, max: 50, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('lozenge' as const),
        mg: fc.double({ min: 0, max: 300, noNaN: true }),
        swallowedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        // Holds that end inside, at the edge of and after a step; the rest spat or swallowed.
        holdMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
        afterHold: fc.constantFrom('spit' as const, 'swallow' as const),
      }),
      fc.record({ kind: fc.constant('intranasal' as const), mg: fc.constantFrom(28, 56) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(input, fc.double({ min: 0, max: 90, noNaN: true })), { maxLength: 8 }),
        (steps) => {
          let s = initialDrugState('esketamine', { weightKg: 80 });
          for (const [step, wait] of steps) {
            s = applyDrugInput(s, { ...step, minute: s.minute } as DrugInput);
            s = advanceDrug(s, wait);
          }
          const given = s.bioavailableMg + s.amounts.infused;
          const accounted = inBody(s) + s.amounts.eliminated;
          expect(Math.abs(accounted - given)).toBeLessThanOrEqual(1e-9 * Math.max(1, given));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gives the published absolute bioavailability of intranasal and swallowed esketamine', () => {
    // Absolute bioavailability = AUC(route) / AUC(IV, same mg), plasma over 72 h: at least six
    // terminal half-lives (label: 7-12 h), the same cut for both. Perez-Ruixo 2021: 54% (56 mg),
    // 51% (84 mg), 18.6% of a swallowed dose. Tolerance ±2 points: the model takes their Table 3
    // structure but is not fitted to these numbers.
    const auc = (inputs: DrugInput[]) =>
      curve('esketamine', patient, inputs, 0, 72 * 60, 1).reduce(
        (sum, r, i, rows) =>
          i === 0 ? 0 : sum + (r.plasmaNgPerMl + rows[i - 1]!.plasmaNgPerMl) / 2,
        0,
      );
    const devices = (n: number): DrugInput[] =>
      Array.from({ length: n }, (_, i) => ({ kind: 'intranasal', minute: 5 * i, mg: 28 }));
    const iv = (mg: number): DrugInput[] => [
      { kind: 'bolus', minute: 0, route: 'intravenous', mg },
    ];
    expect(Math.abs(auc(devices(2)) / auc(iv(56)) - 0.54)).toBeLessThan(0.02);
    expect(Math.abs(auc(devices(3)) / auc(iv(84)) - 0.51)).toBeLessThan(0.02);
    const swallowed: DrugInput[] = [{ kind: 'lozenge', minute: 0, mg: 56, swallowedFraction: 1 }];
    expect(Math.abs(auc(swallowed) / auc(iv(56)) - 0.186)).toBeLessThan(0.02);
  });

  it('gives the same state after 500 one-minute steps as after one 500-minute step', () => {
    // Cost independence is structural (one cached matrix-vector product); this checks the
    // result does not depend on the path: 500 one-minute steps equal one 500-minute step.
    let stepped = givenState();
    for (let i = 0; i < 500; i++) stepped = advanceDrug(stepped, 1);
    const jumped = advanceDrug(givenState(), 500);
    expect(drugEffect(stepped).plasmaNgPerMl).toBeCloseTo(drugEffect(jumped).plasmaNgPerMl, 9);
  });

  it('leaves the state it was given unchanged', () => {
    const s = givenState();
    const copy = JSON.parse(JSON.stringify(s));
    advanceDrug(s, 30);
    applyDrugInput(s, { kind: 'bolus', minute: 0, route: 'intravenous', mg: 5 });
    expect(s).toEqual(copy);
  });
});

describe('drugCurve', () => {
  it('agrees with stepping the state by hand', () => {
    const rows = curve('ketamine', patient, IV_STANDARD, 0, 60, 15);
    let s = initialDrugState('ketamine', patient);
    s = applyDrugInput(s, IV_STANDARD[0]!);
    s = advanceDrug(s, 40);
    s = applyDrugInput(s, IV_STANDARD[1]!);
    s = advanceDrug(s, 5);
    expect(rows.map((r) => r.minute)).toEqual([0, 15, 30, 45, 60]);
    expect(rows[3]!.plasmaNgPerMl).toBeCloseTo(drugEffect(s).plasmaNgPerMl, 9);
  });
});
