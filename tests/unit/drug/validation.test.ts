import { describe, expect, it } from 'vitest';
import {
  DRUG_PARAMETERS,
  advanceDrug,
  applyDrugInput,
  drugCurve,
  initialDrugState,
} from '../../../src/engine/drug/index.ts';

const patient = { weightKg: 70 };

describe('bad input gets a clear RangeError', () => {
  it('refuses an input at another minute than the state', () => {
    const s = initialDrugState('ketamine', patient);
    expect(() =>
      applyDrugInput(s, { kind: 'bolus', minute: 5, route: 'intravenous', mg: 5 }),
    ).toThrow(/minute 5 .* minute 0: advance first/);
  });

  it('accepts an input whose minute differs from the state only by float rounding', () => {
    const s = advanceDrug(advanceDrug(initialDrugState('ketamine', patient), 0.1), 0.2);
    expect(s.minute).not.toBe(0.3);
    const next = applyDrugInput(s, { kind: 'bolus', minute: 0.3, route: 'intravenous', mg: 5 });
    expect(next.amounts.central).toBe(5);
    expect(() =>
      applyDrugInput(s, { kind: 'bolus', minute: 0.31, route: 'intravenous', mg: 5 }),
    ).toThrow(RangeError);
  });

  it('refuses negative or non-finite amounts, rates and times', () => {
    const s = initialDrugState('ketamine', patient);
    expect(() => applyDrugInput(s, { kind: 'infusionRate', minute: 0, mgPerMinute: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      applyDrugInput(s, { kind: 'bolus', minute: 0, route: 'intravenous', mg: Number.NaN }),
    ).toThrow(RangeError);
    expect(() => advanceDrug(s, -1)).toThrow(RangeError);
    expect(() => advanceDrug(s, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('refuses a swallowed fraction outside 0-1', () => {
    const s = initialDrugState('ketamine', patient);
    expect(() =>
      applyDrugInput(s, { kind: 'lozenge', minute: 0, mg: 100, swallowedFraction: 1.5 }),
    ).toThrow(/swallowedFraction/);
  });

  it('refuses intranasal racemic ketamine (the intranasal parameters are esketamine’s)', () => {
    const s = initialDrugState('ketamine', patient);
    expect(() => applyDrugInput(s, { kind: 'intranasal', minute: 0, mg: 28 })).toThrow(
      /esketamine only/,
    );
  });

  it('refuses a weight that is not positive and a prior dose after the start', () => {
    expect(() => initialDrugState('ketamine', { weightKg: 0 })).toThrow(/weightKg/);
    expect(() =>
      initialDrugState('ketamine', {
        weightKg: 70,
        priorAdjuncts: [{ medication: 'benzodiazepine', mg: 1, minute: 10 }],
      }),
    ).toThrow(/after the start/);
  });

  it('refuses a non-positive step or a reversed range in drugCurve', () => {
    expect(() => drugCurve('ketamine', patient, [], 0, 10, 0)).toThrow(RangeError);
    expect(() => drugCurve('ketamine', patient, [], 10, 0, 1)).toThrow(RangeError);
  });
});

describe('the parameter table', () => {
  it('gives every parameter a finite value, a unit or kind, and a source', () => {
    for (const [name, p] of Object.entries(DRUG_PARAMETERS)) {
      expect(Number.isFinite(p.value), name).toBe(true);
      expect(['published', 'derived', 'calibrated'], name).toContain(p.kind);
      expect(p.source.length, name).toBeGreaterThan(10);
    }
  });

  it('says for every calibrated or derived number what it was calibrated to or derived from', () => {
    for (const [name, p] of Object.entries(DRUG_PARAMETERS)) {
      if (p.kind === 'published') continue;
      expect('note' in p && typeof p.note === 'string' && p.note.length > 0, name).toBe(true);
    }
  });
});
