/**
 * Times the drug model: one-minute advances early and late in a visit (they should cost the same,
 * since each is one cached matrix-vector product), the first advance by a new step length (one
 * matrix exponential), and a 4-hour chart at 1-minute resolution.
 * Checks that the run did what it claims: the late state really is 500 minutes on and dosed.
 */
import { performance } from 'node:perf_hooks';
import {
  advanceDrug,
  applyDrugInput,
  drugCurve,
  drugEffect,
  initialDrugState,
  type DrugState,
} from '../src/engine/drug/index.ts';

const N = 20_000;

function dosed(): DrugState {
  let s = initialDrugState('ketamine', { weightKg: 70 });
  s = applyDrugInput(s, { kind: 'infusionRate', minute: 0, mgPerMinute: 0.875 });
  return applyDrugInput(s, { kind: 'lozenge', minute: 0, mg: 100, swallowedFraction: 0.25 });
}

function perAdvance(start: DrugState): number {
  let s = start;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) s = advanceDrug(start, 1);
  const ms = (performance.now() - t0) / N;
  if (s.minute !== start.minute + 1) throw new Error('advance did not move one minute');
  return ms;
}

const early = advanceDrug(dosed(), 5);
const late = advanceDrug(dosed(), 500);
if (late.minute !== 500 || !(late.amounts.eliminated > 0)) throw new Error('late state is wrong');
perAdvance(early); // warm-up, fills the cache for h = 1
const earlyMs = perAdvance(early);
const lateMs = perAdvance(late);

const t0 = performance.now();
advanceDrug(early, 1.2345678);
const newStepMs = performance.now() - t0;

const t1 = performance.now();
const rows = drugCurve(
  'ketamine',
  { weightKg: 70 },
  [
    { kind: 'infusionRate', minute: 0, mgPerMinute: 0.875 },
    { kind: 'infusionRate', minute: 40, mgPerMinute: 0 },
  ],
  0,
  240,
  1,
);
const curveMs = performance.now() - t1;
if (rows.length !== 241 || !(drugEffect(late).plasmaNgPerMl > 0)) throw new Error('curve is wrong');

console.log('drug model');
console.log(`  advance 1 min at minute 5:    ${(earlyMs * 1000).toFixed(2)} µs`);
console.log(
  `  advance 1 min at minute 500:  ${(lateMs * 1000).toFixed(2)} µs (ratio ${(lateMs / earlyMs).toFixed(2)})`,
);
console.log(`  first advance by a new step:  ${newStepMs.toFixed(2)} ms (one matrix exponential)`);
console.log(`  4-h curve, 1-min samples:     ${curveMs.toFixed(2)} ms`);
