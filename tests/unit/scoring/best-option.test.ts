/**
 * One rule says which option is best (src/engine/format/best-option.ts): the report's best
 * option, the headless "best" strategy and the analysis all follow it, and a critical option is
 * never the best, even when every option scores 0.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bestOption, weightedPoints } from '../../../src/engine/format/best-option.ts';
import { validate } from '../../../src/engine/format/validate.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { analyzeDecisions } from '../../../src/engine/analysis/decisions.ts';

const TEMPLATE = fileURLToPath(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
);

const weights = new Map([
  ['safety', 2],
  ['alliance', 1],
]);
const w = (o: { points?: Record<string, number> }) => weightedPoints(o.points, weights);

describe('bestOption', () => {
  it('takes the most weighted points, the first of equals', () => {
    expect(weightedPoints({ safety: 1, alliance: 2, unknown: 9 }, weights)).toBe(4);
    const options: { points: Record<string, number> }[] = [
      { points: { alliance: 3 } },
      { points: { safety: 2 } },
      { points: { safety: 1, alliance: 2 } },
    ];
    expect(bestOption(options, w)).toEqual({ index: 1, unique: false });
    expect(bestOption(options.slice(0, 2), w)).toEqual({ index: 1, unique: true });
  });

  it('never takes a critical option, whatever its points', () => {
    const critical = { explanation: 'x' };
    expect(bestOption([{ points: {}, critical }, { points: {} }], w)).toEqual({
      index: 1,
      unique: true,
    });
    expect(
      bestOption([{ points: { safety: 5 }, critical }, { points: { safety: -1 } }], w),
    ).toEqual({ index: 1, unique: true });
    expect(bestOption([{ points: {}, critical }], w)).toEqual({ index: -1, unique: false });
    expect(bestOption([], w)).toEqual({ index: -1, unique: false });
  });
});

/**
 * The template with its screening step's options both worth 0 points, the critical one written
 * first (as an author might write a "skip" option before filling in points).
 */
function zeroPointScreening(): ScenarioV1 {
  const doc = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as ScenarioV1;
  const step = doc.phases[0]!.steps.find((s) => s.id === 'prep-screening')!;
  const [good, critical] = step.options;
  good!.points = { safety: 0 };
  critical!.points = { safety: 0 };
  step.options = [critical!, good!];
  const result = validate(JSON.stringify(doc));
  expect(result.scenario, JSON.stringify(result.diagnostics)).toBeTruthy();
  return result.scenario!;
}

describe('a 0-point critical option among 0-point options', () => {
  it('is not the report’s best option', () => {
    const run = playHeadless(zeroPointScreening(), {
      seed: 1,
      mode: 'assessment',
      choices: ['prep-consent-best', 'prep-screening-weaker'],
      strategy: 'best',
    });
    const d = run.report.decisions.find((x) => x.stepId === 'prep-screening')!;
    expect(d.optionId).toBe('prep-screening-weaker');
    expect(d.critical).toBeTruthy();
    expect(d.bestOptionId).toBe('prep-screening-best');
  });

  it('is not chosen by the best strategy', () => {
    const run = playHeadless(zeroPointScreening(), {
      seed: 1,
      mode: 'assessment',
      strategy: 'best',
    });
    const chosen = run.report.decisions.find((x) => x.stepId === 'prep-screening')!;
    expect(chosen.optionId).toBe('prep-screening-best');
    expect(run.report.criticalErrors).toEqual([]);
  });

  it('is not counted as the best option written first by the analysis', () => {
    const scenario = zeroPointScreening();
    const before = analyzeDecisions(scenario).cues;
    // The same choice set with the critical option written second: the best is not first.
    const swapped = structuredClone(scenario);
    const step = swapped.phases[0]!.steps.find((s) => s.id === 'prep-screening')!;
    step.options.reverse();
    const after = analyzeDecisions(swapped).cues;
    expect(after.choiceSets).toBe(before.choiceSets);
    expect(after.bestFirst).toBe(before.bestFirst + 1);
  });
});
