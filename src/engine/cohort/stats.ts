/** Small pure statistics for the cohort figures. */
import type { Summary } from './types.ts';

/** count, min, median (mean of the two middle values for an even count), mean, max. */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, min: null, median: null, mean: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, min: sorted[0]!, median, mean, max: sorted.at(-1)! };
}

/** Ten bins of a percentage 0–100: [0,10), [10,20), …, [90,100]. */
export function percentBins(values: readonly number[]): number[] {
  const bins: number[] = Array.from({ length: 10 }, () => 0);
  for (const v of values) bins[Math.min(9, Math.max(0, Math.floor(v / 10)))]!++;
  return bins;
}
