/**
 * The map's geometry (src/workspace/map-geometry.ts): no option line runs through a box (not
 * even its own step's or its target's), and no option label lies under an arrowhead — on the
 * template, every bundled scenario, and a scenario made of awkward shapes (options that skip
 * columns, loops back to earlier rows and to their own step, parallel options, options leading
 * nowhere, phase ends and endings from early steps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/engine/format/normalise.ts';
import {
  ARROW_LEN,
  ARROW_W,
  LABEL_H,
  edgeLabelAt,
  edgeLabelText,
  edgeRoute,
  labelWidth,
  type Point,
} from '../../../src/workspace/map-geometry.ts';
import {
  GRID,
  NODE_H,
  NODE_W,
  buildMap,
  type Grid,
  type MapEdge,
  type MapNode,
} from '../../../src/workspace/map-model.ts';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A file as the workspace maps it: with the values the format implies (check.ts). */
const read = (file: string) => normalise(JSON.parse(readFileSync(file, 'utf8')));
const option = (id: string, to: Record<string, unknown>, points = 0, critical = false) => ({
  id,
  text: id,
  points: { safety: points },
  ...to,
  ...(critical ? { critical: { explanation: 'x' } } : {}),
});
const stepOf = (id: string, options: unknown[]) => ({ id, text: id, options });

/** Steps in four columns and several rows, joined every awkward way. */
const awkward = {
  phases: [
    {
      id: 'preparation',
      start: 'a',
      steps: [
        stepOf('a', [
          option('a-b', { next: 'b' }, 1),
          option('a-c', { next: 'c' }, -1, true),
          option('a-d', { next: 'd' }),
          option('a-e', { next: 'e' }, 2),
          option('a-end', { ending: 'stopped' }, -3, true),
        ]),
        stepOf('b', [
          option('b-f', { next: 'f' }, 2),
          option('b-f2', { next: 'f' }, -2, true),
          option('b-f3', { next: 'f' }),
          option('b-a', { next: 'a' }, -1),
          option('b-self', { next: 'b' }),
          option('b-exit', { endsPhase: true }, 4),
        ]),
        stepOf('c', [option('c-g', { next: 'g' }, 3), option('c-nowhere', { next: 'zzz' })]),
        stepOf('d', [option('d-b', { next: 'b' }, -2, true), option('d-g', { next: 'g' })]),
        stepOf('e', [option('e-exit', { endsPhase: true }), option('e-a', { next: 'a' })]),
        stepOf('f', [option('f-c', { next: 'c' }), option('f-exit', { endsPhase: true })]),
        stepOf('g', [option('g-exit', { endsPhase: true }, 1), option('g-e', { next: 'e' }, -1)]),
        stepOf('h', [option('h-a', { next: 'a' }, -12, true), option('h-end', { ending: 'x' })]),
        stepOf('lost', [option('lost-a', { next: 'a' }), option('lost-g', { next: 'g' })]),
      ],
    },
    {
      id: 'administration',
      start: 'p',
      steps: [
        stepOf('p', [option('p-q', { next: 'q' }), option('p-r', { next: 'r' }, 1)]),
        stepOf('q', [option('q-p', { next: 'p' }), option('q-exit', { endsPhase: true })]),
        stepOf('r', [
          option('r-r', { next: 'r' }, -1, true),
          option('r-exit', { endsPhase: true }),
        ]),
      ],
    },
  ],
};

const bundled = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.includes('schema'))
  .map((f): [string, unknown] => [f, read(`scenarios/${f}`)]);
const maps: [string, unknown][] = [
  ['the template', read('scenarios/templates/minimal.json')],
  ['the awkward scenario', awkward],
  ...bundled,
];

const boxOf = (n: MapNode): Box => ({ x0: n.x, y0: n.y, x1: n.x + NODE_W, y1: n.y + NODE_H });
const inside = (p: Point, b: Box, margin: number) =>
  p.x > b.x0 + margin && p.x < b.x1 - margin && p.y > b.y0 + margin && p.y < b.y1 - margin;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Points along a route, at most half a map unit apart. */
function samples(e: MapEdge, nodes: Map<string, MapNode>, grid: Grid = GRID): Point[] {
  const r = edgeRoute(e, nodes, grid);
  const out: Point[] = [];
  if (r.kind === 'curve') {
    for (let i = 0; i <= 400; i++) {
      const t = i / 400;
      const u = 1 - t;
      const at = (k: 'x' | 'y') =>
        u * u * u * r.p0[k] +
        3 * u * u * t * r.c1[k] +
        3 * u * t * t * r.c2[k] +
        t * t * t * r.p3[k];
      out.push({ x: at('x'), y: at('y') });
    }
    return out;
  }
  for (let i = 1; i < r.points.length; i++) {
    const p = r.points[i - 1]!;
    const q = r.points[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) * 2));
    for (let k = 0; k <= n; k++)
      out.push({ x: p.x + ((q.x - p.x) * k) / n, y: p.y + ((q.y - p.y) * k) / n });
  }
  return out;
}

/** The box around an edge's arrowhead: its tip at the route's end, along the last direction. */
function arrowheadBox(e: MapEdge, nodes: Map<string, MapNode>): Box {
  const r = edgeRoute(e, nodes);
  const [from, tip] = r.kind === 'curve' ? [r.c2, r.p3] : (r.points.slice(-2) as [Point, Point]);
  const len = Math.hypot(tip.x - from.x, tip.y - from.y);
  const d = { x: (tip.x - from.x) / len, y: (tip.y - from.y) / len };
  const base = { x: tip.x - d.x * ARROW_LEN, y: tip.y - d.y * ARROW_LEN };
  const corners = [
    tip,
    { x: base.x - (d.y * ARROW_W) / 2, y: base.y + (d.x * ARROW_W) / 2 },
    { x: base.x + (d.y * ARROW_W) / 2, y: base.y - (d.x * ARROW_W) / 2 },
  ];
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function labelBox(e: MapEdge, nodes: Map<string, MapNode>): Box {
  const at = edgeLabelAt(e, nodes);
  const w = labelWidth(edgeLabelText(e));
  return { x0: at.x - w / 2, y0: at.y - LABEL_H / 2, x1: at.x + w / 2, y1: at.y + LABEL_H / 2 };
}

describe('map geometry', () => {
  it('the awkward scenario has every awkward shape', () => {
    const map = buildMap(awkward);
    const nodes = new Map(map.nodes.map((n) => [n.key, n]));
    const edge = (id: string) => map.edges.find((e) => e.optionId === id)!;
    const colOf = (key: string | null) => nodes.get(key!)!.x;
    // A skip over a column, loops to an earlier row and to the step itself, a stub, parallels.
    expect(colOf(edge('a-end').to) - colOf(edge('a-end').from)).toBeGreaterThan(500);
    expect(edge('h-a').back && edge('b-self').back).toBe(true);
    expect(edge('c-nowhere').kind).toBe('broken');
    expect(edge('b-f3').spread).not.toBe(0);
    expect(edgeRoute(edge('a-end'), nodes).kind).toBe('line');
    expect(edge('lost-g').back).toBe(true);
  });

  it('lays the map out on the grid it is given, the workspace’s by default', () => {
    const wide = { col: GRID.col + 90, row: GRID.row + 30 };
    const at = (grid?: Grid) => {
      const map = grid ? buildMap(awkward, [], grid) : buildMap(awkward);
      const b = map.nodes.find((n) => n.id === 'b')!;
      const f = map.nodes.find((n) => n.id === 'f')!;
      const c = map.nodes.find((n) => n.id === 'c')!;
      return { across: f.x - b.x, down: c.y - b.y, width: map.width };
    };
    expect(at()).toEqual(at(GRID));
    expect(at(GRID)).toMatchObject({ across: GRID.col, down: GRID.row });
    expect(at(wide)).toMatchObject({ across: wide.col, down: wide.row });
    expect(at(wide).width).toBeGreaterThan(at(GRID).width);
  });

  // The workspace's grid, and a wider one (as the cohort map uses for its labels).
  const grids: [string, Grid][] = [
    ['', GRID],
    [' on a wider grid', { col: GRID.col + 90, row: GRID.row + 30 }],
  ];
  for (const [name, doc] of maps) {
    for (const [onGrid, grid] of grids)
      it(`${name}: no option line runs through a box${onGrid}`, () => {
        const map = buildMap(doc, [], grid);
        const nodes = new Map(map.nodes.map((n) => [n.key, n]));
        const crossings: string[] = [];
        for (const e of map.edges)
          for (const n of map.nodes) {
            const hit = samples(e, nodes, grid).find((p) => inside(p, boxOf(n), 0.5));
            if (hit) crossings.push(`${e.optionId} through ${n.id} at ${hit.x},${hit.y}`);
          }
        expect(crossings).toEqual([]);
      });

    it(`${name}: no option label lies under an arrowhead`, () => {
      const map = buildMap(doc);
      const nodes = new Map(map.nodes.map((n) => [n.key, n]));
      const heads = map.edges.map((e) => [e, arrowheadBox(e, nodes)] as const);
      const covered: string[] = [];
      for (const e of map.edges) {
        const label = labelBox(e, nodes);
        for (const [other, head] of heads)
          if (overlap(label, head)) covered.push(`${e.optionId} under ${other.optionId}'s head`);
      }
      expect(covered).toEqual([]);
    });
  }
});
