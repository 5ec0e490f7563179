/**
 * Times the drug model:
 * - a simulated visit minute by minute as the session runs it: each minute a new state, its
 *   effect, and the one-minute look-ahead the session makes before moving on (in µs per simulated
 *   minute, wall and CPU time; early and late in the visit, which should cost the same);
 * - asking again for a minute already worked out (memoised: a look-up);
 * - the first advance by a new step length (one matrix exponential);
 * - a 4-hour chart at 1-minute resolution.
 * Checks that the runs did what they claim: the visit really reached its last minute, dosed.
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

const VISITS = 200;
const MINUTES = 500;
/** Minutes timed at each end of a visit. */
const WINDOW = 60;

function dosed(weightKg: number): DrugState {
  let s = initialDrugState('ketamine', { weightKg });
  s = applyDrugInput(s, { kind: 'infusionRate', minute: 0, mgPerMinute: 0.875 });
  return applyDrugInput(s, { kind: 'lozenge', minute: 0, mg: 100, swallowedFraction: 0.25 });
}

/** One minute of a visit as the session runs it: the effect now, a look-ahead, the step. */
function minute(s: DrugState): DrugState {
  drugEffect(s);
  drugEffect(advanceDrug(s, 1));
  return advanceDrug(s, 1);
}

/**
 * Visits minute by minute, one after another as sessions run; the time (ms wall, µs CPU) of the
 * first and last WINDOW minutes of each, summed.
 */
function visits(): { early: number; late: number; earlyCpu: number; lateCpu: number } {
  const sum = { early: 0, late: 0, earlyCpu: 0, lateCpu: 0 };
  const window = (s: DrugState): { s: DrugState; ms: number; cpu: number } => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let m = 0; m < WINDOW; m++) s = minute(s);
    const cpu = process.cpuUsage(c0);
    return { s, ms: performance.now() - t0, cpu: cpu.user + cpu.system };
  };
  for (let v = 0; v < VISITS; v++) {
    // A different weight each visit, so no visit reuses another's states.
    const early = window(dosed(60 + v / 10));
    let s = early.s;
    for (let m = WINDOW; m < MINUTES - WINDOW; m++) s = minute(s);
    const late = window(s);
    if (late.s.minute !== MINUTES || !(late.s.amounts.eliminated > 0))
      throw new Error('the visit is wrong');
    sum.early += early.ms;
    sum.late += late.ms;
    sum.earlyCpu += early.cpu;
    sum.lateCpu += late.cpu;
  }
  return sum;
}

visits(); // warm-up
const v = visits();
const perMinute = (ms: number) => ((ms * 1000) / (VISITS * WINDOW)).toFixed(2);
const perMinuteCpu = (us: number) => (us / (VISITS * WINDOW)).toFixed(2);

const start = advanceDrug(dosed(70), 5);
advanceDrug(start, 1);
const N = 20_000;
const t2 = performance.now();
for (let i = 0; i < N; i++) advanceDrug(start, 1);
const memoMs = (performance.now() - t2) / N;

const t0 = performance.now();
advanceDrug(start, 1.2345678);
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
if (rows.length !== 241 || !(rows[60]!.plasmaNgPerMl > 0)) throw new Error('curve is wrong');

console.log('drug model');
console.log(
  `  a visit, per simulated minute (new state, its effect, a 1-min look-ahead): minutes 0-${WINDOW}: ${perMinute(v.early)} µs (CPU ${perMinuteCpu(v.earlyCpu)} µs); minutes ${MINUTES - WINDOW}-${MINUTES}: ${perMinute(v.late)} µs (CPU ${perMinuteCpu(v.lateCpu)} µs)`,
);
console.log(`  a minute already worked out, asked again: ${(memoMs * 1000).toFixed(2)} µs`);
console.log(`  first advance by a new step:  ${newStepMs.toFixed(2)} ms (one matrix exponential)`);
console.log(`  4-h curve, 1-min samples:     ${curveMs.toFixed(2)} ms`);
