import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildMap,
  describePoints,
  searchMap,
  targetOfPath,
} from '../../../src/workspace/map-model.ts';
import { checkText } from '../../../src/workspace/check.ts';
import { loadFixture } from '../session/fixtures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

describe('the scenario map model', () => {
  it('has one node per step and one edge per option, in lanes in phase order', () => {
    const scenario = loadFixture();
    const map = buildMap(scenario);
    const steps = scenario.phases.flatMap((p) => p.steps);
    expect(map.stepCount).toBe(steps.length);
    expect(map.edges).toHaveLength(steps.reduce((n, s) => n + s.options.length, 0));
    expect(map.lanes.map((l) => l.id)).toEqual(scenario.phases.map((p) => p.id));
    for (let i = 1; i < map.lanes.length; i++)
      expect(map.lanes[i]!.y).toBeGreaterThan(map.lanes[i - 1]!.y);
  });

  it('lays out by depth from the phase start: a next step is always further right unless it loops back', () => {
    const map = buildMap(loadFixture());
    const byKey = new Map(map.nodes.map((n) => [n.key, n]));
    for (const e of map.edges.filter((e) => e.kind === 'next')) {
      const a = byKey.get(e.from)!;
      const b = byKey.get(e.to!)!;
      if (e.back) expect(b.x).toBeLessThanOrEqual(a.x);
      else expect(b.x).toBeGreaterThan(a.x);
    }
    for (const n of map.nodes.filter((n) => n.start)) {
      const lane = map.nodes.filter((m) => m.lane === n.lane);
      expect(n.x).toBe(Math.min(...lane.map((m) => m.x)));
    }
    expect(buildMap(loadFixture())).toEqual(map);
  });

  it('gives each edge its score effect and critical marker', () => {
    const scenario = loadFixture();
    const prep = scenario.phases[0]!.steps[0]!;
    prep.options[1]!.critical = { explanation: 'Dosing without consent.' };
    const map = buildMap(scenario);
    const edge = (id: string) => map.edges.find((e) => e.optionId === id)!;
    expect(edge(prep.options[0]!.id)).toMatchObject({ effect: 'positive', critical: false });
    expect(edge(prep.options[1]!.id)).toMatchObject({ effect: 'negative', critical: true });
    expect(edge('prep-refer').kind).toBe('ending');
    expect(edge('prep-screening').kind).toBe('endsPhase');
  });

  it('flags unreachable steps, dead ends and broken edges in a file with errors', () => {
    const result = checkText(read('tests/fixtures/workspace/invalid.json'));
    expect(result.scenario).toBeUndefined();
    const map = result.map!;
    const node = (id: string) => map.nodes.find((n) => n.id === id)!;
    expect(node('mon-orphan').unreachable).toBe(true);
    expect(node('mon-onset').deadEnd).toBe(true);
    expect(map.edges.find((e) => e.optionId === 'mon-presence')).toMatchObject({
      kind: 'broken',
      to: null,
    });
    expect(node('mon-onset').errors).toBeGreaterThan(0);
    expect(node('prep-welcome').deadEnd).toBe(false);
  });

  it('marks a step whose options only loop as a dead end', () => {
    const scenario = loadFixture();
    const gc = scenario.phases[3]!;
    gc.steps[1]!.options = [
      { id: 'gc-loop', kind: 'response', text: 'Again.', next: gc.steps[0]!.id },
    ];
    gc.steps[0]!.options = gc.steps[0]!.options.map((o) => ({ ...o, next: gc.steps[1]!.id }));
    const map = buildMap(scenario);
    expect(
      map.nodes
        .filter((n) => n.phase === 'guidedConversation' && n.kind === 'step')
        .every((n) => n.deadEnd),
    ).toBe(true);
  });

  it('draws no map when the text cannot be read, and never throws on odd shapes', () => {
    expect(checkText('{"__proto__": {}}').map).toBeUndefined();
    expect(checkText('not json').map).toBeUndefined();
    const odd = buildMap({
      phases: [null, { steps: [3, { options: 'x' }] }, { id: 'integration', steps: 'no' }],
    });
    expect(odd.stepCount).toBe(2);
    expect(odd.lanes).toHaveLength(3);
  });

  it('finds steps by id or text, case-insensitively', () => {
    const map = buildMap(loadFixture());
    const ids = (q: string) =>
      [...searchMap(map, q)].map((k) => map.nodes.find((n) => n.key === k)!.id);
    expect(ids('INT-')).toEqual(['int-review', 'int-discharge']);
    expect(ids('   ')).toEqual([]);
  });

  it('maps diagnostic paths to steps and describes points in words', () => {
    expect(targetOfPath('/phases/2/steps/5/options/1/next')).toEqual({ node: 'p2s5', lane: 2 });
    expect(targetOfPath('/phases/3')).toEqual({ lane: 3 });
    expect(targetOfPath('/events/0')).toBeNull();
    expect(describePoints({ safety: 2, alliance: -1, presence: 0 })).toBe('+2 safety, −1 alliance');
    expect(describePoints({})).toBe('no points');
  });
});
