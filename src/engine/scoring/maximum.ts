/**
 * The scenario-wide lowest and highest points per competency, over loop-free paths. This reuses
 * the static analysis (one graph walk for the whole scenario), computed once per scenario object.
 */
import { analyze, type ScoreRange } from '../analysis/analyze.ts';
import type { ScenarioV1 } from '../format/schema.ts';

const cache = new WeakMap<ScenarioV1, Record<string, ScoreRange>>();

export function scenarioRange(scenario: ScenarioV1): Record<string, ScoreRange> {
  let range = cache.get(scenario);
  if (!range) {
    range = analyze(scenario).scores.perCompetency;
    cache.set(scenario, range);
  }
  return range;
}
