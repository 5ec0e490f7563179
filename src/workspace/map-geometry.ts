/**
 * Where a scenario map's option lines run and where their labels sit, in map units, from the
 * map model (map-model.ts). Shared by the pictures that draw a map (the workspace's map, the
 * cohort map).
 *
 * Steps sit on a grid (map-model.ts's Grid): columns `col` apart with a free gap between them,
 * rows `row` apart with a free corridor between them. A line never runs through a box:
 * - to the next column it curves across the gap between the two columns;
 * - further right, or back to the same or an earlier column (a loop), it leaves its box on the
 *   right into the gap, runs along the corridor beside the target's row (above the target when
 *   going down, below it otherwise), and enters the target from the gap on its left;
 * - an option leading nowhere is a short stub into the gap.
 * Every line ends on the left side of its target, and its arrowhead (ARROW_LEN long, the same
 * size for every line, critical or not) lies in the gap there; labels sit in gaps and corridors
 * clear of every arrowhead (tests/unit/workspace/map-geometry.test.ts).
 */
import { GRID, NODE_H, NODE_W, type Grid, type MapEdge, type MapNode } from './map-model.ts';

export interface Point {
  x: number;
  y: number;
}

/**
 * The course of an option's line: a cubic curve (p0, c1, c2, p3) across one gap, or straight
 * segments through `points` (drawn with rounded corners that stay inside each corner).
 */
export type EdgeRoute =
  { kind: 'curve'; p0: Point; c1: Point; c2: Point; p3: Point } | { kind: 'line'; points: Point[] };

/** Length of an arrowhead along its line, in map units (markers use these units). */
export const ARROW_LEN = 10;
/** Width of an arrowhead across its line. */
export const ARROW_W = 8;
/** Height of an option's label box (11 px bold text), and its width per character. */
export const LABEL_H = 13;
export const LABEL_CHAR_W = 7.5;

const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));

/**
 * The route of an option's line; `nodes` are the map's nodes by key, laid out on `grid` (the
 * grid the map was built with, the workspace's by default).
 */
export function edgeRoute(
  e: MapEdge,
  nodes: ReadonlyMap<string, MapNode>,
  grid: Readonly<Grid> = GRID,
): EdgeRoute {
  const gapX = grid.col - NODE_W;
  const gapY = grid.row - NODE_H;
  const a = nodes.get(e.from)!;
  const sp = e.spread;
  const sx = a.x + NODE_W;
  const sy = a.y + NODE_H / 2 + sp * 0.4;
  const b = e.to === null ? undefined : nodes.get(e.to);
  if (!b) return { kind: 'line', points: [{ x: sx, y: sy }, stubEnd(sx, sy, sp)] };
  const tx = b.x;
  const ty = b.y + NODE_H / 2 + sp * 0.4;
  if (!e.back && b.x - a.x <= grid.col) {
    // Across the one gap between neighbouring columns: no box lies between them.
    const mid = (sx + tx) / 2;
    return {
      kind: 'curve',
      p0: { x: sx, y: sy },
      c1: { x: mid, y: sy + sp * 1.6 },
      c2: { x: mid, y: ty + sp * 1.6 },
      p3: { x: tx, y: ty },
    };
  }
  // Out into the gap, along the corridor beside the target's row, in from the target's left.
  const corridor =
    (b.y > a.y ? b.y - gapY / 2 : b.y + NODE_H + gapY / 2) + clamp(sp * 0.4, gapY / 2 - 3);
  const out = sx + gapX * 0.3 + clamp(sp * 0.5, gapX * 0.2);
  // The gap left of the first column is only as wide as the margin.
  const inGap = b.x < grid.col ? b.x / 2 : gapX * 0.3;
  const into = tx - inGap + clamp(sp * 0.5, Math.min(gapX * 0.2, inGap - 2));
  return {
    kind: 'line',
    points: [
      { x: sx, y: sy },
      { x: out, y: sy },
      { x: out, y: corridor },
      { x: into, y: corridor },
      { x: into, y: ty },
      { x: tx, y: ty },
    ],
  };
}

/** The end of an option that leads nowhere: a short stub into the gap. */
function stubEnd(sx: number, sy: number, sp: number): Point {
  return { x: sx + ARROW_LEN + 6, y: sy + 10 + sp * 0.4 };
}

/** The SVG path of an option's line; `nodes` are the map's nodes by key, laid out on `grid`. */
export function edgePath(
  e: MapEdge,
  nodes: ReadonlyMap<string, MapNode>,
  grid: Readonly<Grid> = GRID,
): string {
  const r = edgeRoute(e, nodes, grid);
  if (r.kind === 'curve')
    return `M ${r.p0.x} ${r.p0.y} C ${r.c1.x} ${r.c1.y}, ${r.c2.x} ${r.c2.y}, ${r.p3.x} ${r.p3.y}`;
  return roundedPolyline(r.points, 6);
}

/** A polyline with each corner rounded by at most `radius` (and half of either segment). */
function roundedPolyline(points: Point[], radius: number): string {
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const prev = points[i]!;
    const at = rest[i]!;
    const next = rest[i + 1]!;
    const lenIn = Math.hypot(at.x - prev.x, at.y - prev.y);
    const lenOut = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(radius, lenIn / 2, lenOut / 2);
    if (r <= 0) {
      d += ` L ${at.x} ${at.y}`;
      continue;
    }
    const from = {
      x: at.x - ((at.x - prev.x) / lenIn) * r,
      y: at.y - ((at.y - prev.y) / lenIn) * r,
    };
    const to = {
      x: at.x + ((next.x - at.x) / lenOut) * r,
      y: at.y + ((next.y - at.y) / lenOut) * r,
    };
    d += ` L ${from.x} ${from.y} Q ${at.x} ${at.y} ${to.x} ${to.y}`;
  }
  const last = rest.at(-1)!;
  return `${d} L ${last.x} ${last.y}`;
}

/**
 * Where an option's label (edgeLabelText) is centred; draw it with text-anchor middle, its box
 * LABEL_H high and LABEL_CHAR_W per character wide. On a curve it sits nearer the start than the
 * arrowheads at the gap's far side; on a routed line, in the middle of its run along the
 * corridor; after a stub, just past its arrowhead.
 */
export function edgeLabelAt(
  e: MapEdge,
  nodes: ReadonlyMap<string, MapNode>,
): { x: number; y: number } {
  const r = edgeRoute(e, nodes);
  const half = labelWidth(edgeLabelText(e)) / 2;
  if (r.kind === 'curve') {
    const t = 0.4;
    const u = 1 - t;
    const at = (k: 'x' | 'y') =>
      u * u * u * r.p0[k] + 3 * u * u * t * r.c1[k] + 3 * u * t * t * r.c2[k] + t * t * t * r.p3[k];
    // Arrowheads end at the gap's far side: keep the label's right edge clear of them.
    return { x: Math.min(at('x'), r.p3.x - ARROW_LEN - 3 - half), y: at('y') };
  }
  if (r.points.length === 2) {
    const end = r.points[1]!;
    return { x: end.x + 3 + half, y: end.y };
  }
  const [, , p, q] = r.points;
  return { x: (p!.x + q!.x) / 2, y: p!.y };
}

/** The width of a label's box, in map units. */
export function labelWidth(text: string): number {
  return text.length * LABEL_CHAR_W + 4;
}

/** An option's label on the map: its points, ✕ when critical, ? when it leads nowhere. */
export function edgeLabelText(e: MapEdge): string {
  const sign = e.total > 0 ? `+${e.total}` : e.total < 0 ? `−${Math.abs(e.total)}` : '0';
  return `${sign}${e.critical ? ' ✕' : ''}${e.kind === 'broken' ? ' ?' : ''}`;
}
