/**
 * Times validate and analyze on generated scenarios of 10,000 and 20,000 steps.
 * Prints medians after warm-up, and the 20k/10k ratio (near 2 means linear scaling).
 * Targets: validate 10k < 200 ms, analyze 10k < 1 s, ratio < 2.3.
 */
import { performance } from 'node:perf_hooks';
import { FORMAT_VERSION, validate } from '../src/engine/format/index.ts';
import { analyze } from '../src/engine/analysis/analyze.ts';
import { generateScenario } from './generate-scenario.ts';

const RUNS = 9;
const WARMUP = 3;

function median(fn: () => void): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const results: Record<number, { validate: number; analyze: number; kb: number }> = {};
for (const steps of [10_000, 20_000]) {
  // In the current format, as the editor writes it (an older one adds a migration warning).
  const text = JSON.stringify({ ...generateScenario(steps), formatVersion: FORMAT_VERSION });
  const first = validate(text);
  if (!first.scenario) {
    console.error(first.diagnostics.slice(0, 5));
    throw new Error('generated scenario is not valid');
  }
  const scenario = first.scenario;
  // The figures are only worth printing if the runs did the whole job.
  const analysis = analyze(scenario);
  if (analysis.totalSteps !== steps || analysis.phases.some((p) => p.reachableSteps !== p.steps))
    throw new Error('bench run did not do what it claims: analyze sees every step, reachable');
  if (first.diagnostics.length !== 0)
    throw new Error('bench run did not do what it claims: the generated scenario is clean');
  results[steps] = {
    validate: median(() => validate(text)),
    analyze: median(() => analyze(scenario)),
    kb: Math.round(text.length / 1024),
  };
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
for (const [steps, r] of Object.entries(results)) {
  console.log(
    `${Number(steps).toLocaleString('en')} steps (${r.kb} KB): validate ${fmt(r.validate)}, analyze ${fmt(r.analyze)}`,
  );
}
const a = results[10_000]!;
const b = results[20_000]!;
console.log(
  `ratio 20k/10k: validate ${(b.validate / a.validate).toFixed(2)}, analyze ${(b.analyze / a.analyze).toFixed(2)}`,
);
console.log('targets: validate 10k < 200 ms, analyze 10k < 1000 ms, ratio < 2.3');
