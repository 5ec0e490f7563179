/**
 * The text and file order of a bundled scenario's options give nothing away: in no scenario is the
 * best option (the highest weighted points, ties going to the first, as scoring picks it) the
 * longest in more than half of its choice sets, or listed first in more than half. The player
 * shuffles options by the attempt's seed, but length survives the shuffle, and the instructor
 * workspace and the command line show the file's order.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { indexScenario } from '../../../src/engine/session/indexScenario.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

type Option = ScenarioV1['phases'][number]['steps'][number]['options'][number];

/** Every decision with at least two options: the steps' options and the events' responses. */
function choiceSets(s: ScenarioV1): { id: string; options: Option[] }[] {
  return [
    ...s.phases.flatMap((p) => p.steps.map((st) => ({ id: st.id, options: st.options }))),
    ...s.events.map((e) => ({ id: e.id, options: e.respond?.options ?? [] })),
  ].filter((set) => set.options.length >= 2);
}

/** Ids of the sets where the best option is (joint) longest, and where it is listed first. */
function cues(s: ScenarioV1): { sets: number; longest: string[]; first: string[] } {
  const index = indexScenario(s);
  const longest: string[] = [];
  const first: string[] = [];
  const sets = choiceSets(s);
  for (const { id, options } of sets) {
    let best = options[0]!;
    for (const o of options) if (index.weighted(o.points) > index.weighted(best.points)) best = o;
    if (options.every((o) => o === best || o.text.length <= best.text.length)) longest.push(id);
    if (options[0] === best) first.push(id);
  }
  return { sets: sets.length, longest, first };
}

describe.each(shippedScenarioFiles().map((f) => [f.split('/').pop()!, f]))('%s', (_, file) => {
  const found = cues(loadScenarioFile(file));

  it('has enough choice sets to judge', () => {
    expect(found.sets).toBeGreaterThanOrEqual(10);
  });

  it('does not make the best option the longest in most choice sets', () => {
    expect(
      found.longest.length,
      `best is longest in: ${found.longest.join(', ')}`,
    ).toBeLessThanOrEqual(found.sets / 2);
  });

  it('does not list the best option first in most choice sets', () => {
    expect(found.first.length, `best is first in: ${found.first.join(', ')}`).toBeLessThanOrEqual(
      found.sets / 2,
    );
  });
});
