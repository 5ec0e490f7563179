import { describe, expect, it } from 'vitest';
import {
  intensity,
  noiseAt,
  outsideLimits,
  signalsAt,
  trajectoryAt,
} from '../../../src/engine/session/vitals.ts';
import { evaluateCondition, type ConditionEnv } from '../../../src/engine/session/conditions.ts';
import { loadFixture } from './fixtures.ts';

const course = { onsetMinutes: 10, peakMinutes: 30, offsetMinutes: 60 };

describe('the drug time course', () => {
  it('is 0 before onset, rises to 1 at peak and falls to 0 at offset', () => {
    expect(intensity(0, course)).toBe(0);
    expect(intensity(10, course)).toBe(0);
    expect(intensity(20, course)).toBe(0.5);
    expect(intensity(30, course)).toBe(1);
    expect(intensity(45, course)).toBe(0.5);
    expect(intensity(60, course)).toBe(0);
    expect(intensity(90, course)).toBe(0);
  });

  it('handles an immediate onset (onset = peak)', () => {
    expect(intensity(0, { onsetMinutes: 0, peakMinutes: 0, offsetMinutes: 20 })).toBe(1);
    expect(intensity(10, { onsetMinutes: 0, peakMinutes: 0, offsetMinutes: 20 })).toBe(0.5);
  });
});

describe('the trajectory', () => {
  const keyframes = [
    { minute: 10, systolic: 0 },
    { minute: 20, systolic: 10, heartRate: 4 },
    { minute: 40, systolic: -10 },
  ];
  it('interpolates between keyframes, 0 before the first and the last value after the last', () => {
    expect(trajectoryAt(0, keyframes, 'systolic')).toBe(0);
    expect(trajectoryAt(15, keyframes, 'systolic')).toBe(5);
    expect(trajectoryAt(30, keyframes, 'systolic')).toBe(0);
    expect(trajectoryAt(50, keyframes, 'systolic')).toBe(-10);
  });
  it('only uses the keyframes that set the signal', () => {
    expect(trajectoryAt(10, keyframes, 'heartRate')).toBe(0);
    expect(trajectoryAt(30, keyframes, 'heartRate')).toBe(4);
  });
});

describe('the signal model', () => {
  it('noise is deterministic and small', () => {
    for (let m = 0; m < 200; m++) {
      const n = noiseAt(42, m);
      expect(n).toEqual(noiseAt(42, m));
      expect(Math.abs(n.systolic!)).toBeLessThanOrEqual(2);
      expect(Math.abs(n.diastolic!)).toBeLessThanOrEqual(1);
      expect(Math.abs(n.heartRate!)).toBeLessThanOrEqual(2);
    }
    const series = (seed: number) =>
      Array.from({ length: 50 }, (_, m) => noiseAt(seed, m).systolic).join();
    expect(series(1)).not.toBe(series(2));
  });

  it('adds baseline, peak effect, trajectory and effects; clamps state signals to 0–10', () => {
    const scenario = loadFixture();
    const keyframes = scenario.trajectory;
    const before = signalsAt(scenario, keyframes, null, { anxiety: -10 }, 1);
    expect(before.systolic).toBe(128);
    expect(before.anxiety).toBe(0);
    const peak = signalsAt(scenario, keyframes, 30, { dissociation: 20 }, 1);
    // 128 + 20 (peak effect) + 6 (trajectory) ± 2 noise
    expect(Math.abs(peak.systolic - 154)).toBeLessThanOrEqual(2);
    expect(peak.dissociation).toBe(10);
    expect(signalsAt(scenario, keyframes, 30, { spo2: 10 }, 1).spo2).toBe(100);
  });

  it('reports signals outside limits with their direction', () => {
    const v = {
      systolic: 170,
      diastolic: 80,
      heartRate: 40,
      spo2: 95,
      respiratoryRate: 14,
      dissociation: 0,
      nausea: 0,
      anxiety: 0,
      rapport: 5,
    };
    expect(outsideLimits(v, { systolicMax: 160, heartRateMin: 50, spo2Min: 92 })).toEqual([
      { signal: 'systolic', value: 170, limit: 160, direction: 'high' },
      { signal: 'heartRate', value: 40, limit: 50, direction: 'low' },
    ]);
  });
});

describe('conditions', () => {
  const env: ConditionEnv = {
    vars: { flag: true, count: 3 },
    vitals: {
      systolic: 150,
      diastolic: 90,
      heartRate: 80,
      spo2: 97,
      respiratoryRate: 14,
      dissociation: 5,
      nausea: 1,
      anxiety: 3,
      rapport: 6,
    },
    minute: 20,
    facts: { consentRecorded: true } as ConditionEnv['facts'],
    settings: { music: 'on', eyeshades: 'off', lights: 'dim' },
  };
  it('evaluates variables, vitals, the clock, facts, settings and combinations', () => {
    expect(evaluateCondition({ var: 'flag' }, env)).toBe(true);
    expect(evaluateCondition({ var: 'count', gte: 3, lt: 4 }, env)).toBe(true);
    expect(evaluateCondition({ var: 'count', eq: 2 }, env)).toBe(false);
    expect(evaluateCondition({ vital: 'systolic', gt: 140 }, env)).toBe(true);
    expect(evaluateCondition({ minutesSinceDose: true, gte: 20 }, env)).toBe(true);
    expect(evaluateCondition({ minutesSinceDose: true, gte: 0 }, { ...env, minute: null })).toBe(
      false,
    );
    expect(evaluateCondition({ protocol: 'consentRecorded' }, env)).toBe(true);
    expect(evaluateCondition({ protocol: 'dosed' }, env)).toBe(false);
    expect(evaluateCondition({ setting: 'lights', eq: 'dim' }, env)).toBe(true);
    expect(evaluateCondition({ all: [{ var: 'flag' }, { not: { protocol: 'dosed' } }] }, env)).toBe(
      true,
    );
    expect(
      evaluateCondition({ any: [{ var: 'missing' }, { setting: 'music', eq: 'off' }] }, env),
    ).toBe(false);
  });
});
