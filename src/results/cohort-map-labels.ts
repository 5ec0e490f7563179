/**
 * How the cohort map lays out its option labels (each option's id and choice share, two lines)
 * so that every label and every step stays readable:
 *
 * - The grid is widened for them (`cohortGrid`): the gap between columns is as wide as the widest
 *   label plus a clearance on either side, and the corridor between rows as high as a label plus
 *   the same clearance. A map whose corridors are still too crowded is laid out again with higher
 *   corridors (`layoutCohortMap`).
 * - Each label is placed (`placeLabels`) where it overlaps no step's box (nor an exit or ending
 *   marker) and no label already placed: on its line if it can be (centred on the middle of the
 *   line, or else on the point of it nearest to the middle that has room, nudged across or
 *   sideways while still covering the line); otherwise straight above or below a point of its
 *   line, as close as there is room, with a dotted leader back to it that crosses no box or label.
 * - Labels are placed in order of their line's middle (top to bottom, then left to right), so the
 *   same map always gets the same placement.
 *
 * Label sizes are estimates (a rendered width is not known before drawing), generous for the
 * sans-serif fonts browsers use; the cohort browser test measures the drawn text.
 */
import {
  NODE_H,
  NODE_W,
  GRID,
  buildMap,
  type Grid,
  type ScenarioMap,
} from '../workspace/map-model.ts';
import { edgeRoute, type EdgeRoute, type Point } from '../workspace/map-geometry.ts';

/** The font sizes the labels are drawn at (px, map units): the id line and the share line. */
export const ID_FONT = 12;
export const SHARE_FONT = 13;
/** The share line's distance below the id line's baseline. */
export const LINE_GAP = 14;
/** The widest share line; labels are placed for it, so they do not move as figures fill in. */
export const WIDEST_SHARE = '100%';
/** Option ids longer than this are cut short on the map (the full id is in the label's title). */
const ID_MAX = 18;
/** Space kept between a label and anything else (another label, a box). */
const MARGIN = 2;
/** Space the grid keeps on either side of a label in a gap or a corridor. */
const CLEARANCE = 6;
/** A label moved less than this stays without a leader. */
const LEADER_FROM = 6;
/** Distance between the places tried along a line (map units). */
const STEP_ALONG = 6;
/** Offsets tried across a line at each place along it; each keeps the line under the label. */
const ACROSS = [0, -4, 4, -8, 8, -12, 12];
/**
 * Sideways shifts tried at each place along a line, in half the label's width: the label still
 * covers the point (so a label can sit on a line that runs close to a box, on the free side).
 */
const SIDEWAYS = [0, -0.5, 0.5, -0.85, 0.85];
/** How many times the corridors are made higher for labels that found no place (see below). */
const WIDENINGS = 3;
/** The furthest a label is moved off its line (its leader's length) before the last resort. */
const REACH = 240;

/** The id line as drawn: the option's id, cut short with "…" past ID_MAX characters. */
export function labelIdText(optionId: string): string {
  return optionId.length > ID_MAX ? `${optionId.slice(0, ID_MAX - 1)}…` : optionId;
}

/** A rectangle in map units. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A label to place: the text it holds and where its line runs. */
export interface LabelWant {
  /**
   * Points of its line, the middle first, then the others nearest to the middle first (map
   * units); a label with room sits centred on the first of them.
   */
  line: readonly Point[];
  /** The id line as drawn (possibly cut short) and the share line. */
  idText: string;
  shareText: string;
}

/** A placed label: its id line's baseline is at `y`, centred on `x`. */
export interface LabelPlace {
  x: number;
  y: number;
  /**
   * The point of its line it was moved off, when it is far enough from its line to need a
   * leader: the leader runs straight up or down from this point to the label.
   */
  moved: Point | null;
  /**
   * No place within REACH of its line was free: the label went below everything under a point
   * of its line whose leader crosses no obstacle (there is one wherever the line crosses a gap
   * between columns), and its leader may cross other labels.
   */
  cramped: boolean;
}

/** A label's height above its baseline and below it (the share line and its descenders). */
const ABOVE = ID_FONT;
const BELOW = LINE_GAP + 4;
/** A label's height (map units). */
const LABEL_HEIGHT = ABOVE + BELOW;

/** A label's width (map units): about 0.62 em per character of the id, 0.68 em of the bold share. */
export function labelWidth(want: Pick<LabelWant, 'idText' | 'shareText'>): number {
  return (
    Math.max(want.idText.length * ID_FONT * 0.62, want.shareText.length * SHARE_FONT * 0.68) + 6
  );
}

/** A generous estimate of a label's box, centred on `x`, around its id line's baseline `y`. */
export function labelBox(x: number, y: number, want: Pick<LabelWant, 'idText' | 'shareText'>): Box {
  const width = labelWidth(want);
  return { left: x - width / 2, right: x + width / 2, top: y - ABOVE, bottom: y + BELOW };
}

/** Whether two boxes overlap or come closer than MARGIN. */
const boxesTouch = (a: Box, b: Box): boolean =>
  a.left < b.right + MARGIN &&
  b.left < a.right + MARGIN &&
  a.top < b.bottom + MARGIN &&
  b.top < a.bottom + MARGIN;

const inside = (a: Box, area: Box) =>
  a.left >= area.left && a.right <= area.right && a.top >= area.top && a.bottom <= area.bottom;

/** A vertical leader from `from` to `toY` crosses the box (its ends may touch it). */
const crosses = (x: number, from: number, toY: number, b: Box) =>
  b.left < x && x < b.right && Math.min(from, toY) < b.bottom && b.top < Math.max(from, toY);

/** A candidate place: the baseline, the line point it belongs to, and what it costs. */
interface Candidate {
  at: Point;
  on: Point;
  /** The leader's length (0 when the label covers its line). */
  leader: number;
  /** The line point's rank (0 = the middle of the line) and the offset across the line. */
  rank: number;
  across: number;
  /** How far the label is shifted sideways from the point, in half its width (below 1). */
  sideways: number;
}

/** Candidates in order: shortest leader, then nearest the middle of the line, then least moved. */
const byCost = (a: Candidate, b: Candidate) =>
  a.leader - b.leader ||
  a.rank - b.rank ||
  Math.abs(a.across) - Math.abs(b.across) ||
  a.across - b.across ||
  a.sideways - b.sideways;

/** Offsets of a label on a point of its line (it still covers the point), least moved first. */
const ON_LINE = SIDEWAYS.flatMap((side) => ACROSS.map((across) => ({ side, across }))).sort(
  (a, b) =>
    Math.abs(a.across) - Math.abs(b.across) ||
    a.across - b.across ||
    Math.abs(a.side) - Math.abs(b.side),
);

/** The places on a label's line (covering it, no leader), in order of cost. */
function* onLine(w: LabelWant, half: number): Generator<Candidate> {
  for (const [rank, on] of w.line.entries())
    for (const { side, across } of ON_LINE)
      yield {
        at: { x: on.x + side * half, y: on.y - (BELOW - ABOVE) / 2 + across },
        on,
        leader: 0,
        rank,
        across,
        sideways: Math.abs(side),
      };
}

/**
 * Places every label (the result is in the same order as `wants`), never over an obstacle (a
 * step's box) or a label already placed, and inside `area`. A label sits on its line when it can
 * (its box covering a point of the line: the middle first, then the points nearest to it, each
 * centred, nudged ACROSS the line or SIDEWAYS along it); otherwise at the place with the shortest
 * leader, straight above or below a point of the line and just clear of a box, no further than
 * REACH from it, whose leader crosses no box or label (`moved`). Only when there is none does it
 * go below everything in the way (`cramped`). `area` defaults to the whole plane; its bottom is
 * not enforced for that last resort (the picture grows to hold it).
 */
export function placeLabels(
  wants: readonly LabelWant[],
  obstacles: readonly Box[] = [],
  area: Box = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity },
): LabelPlace[] {
  const middle = (w: LabelWant) => w.line[0]!;
  const order = wants
    .map((_, i) => i)
    .sort(
      (i, j) =>
        middle(wants[i]!).y - middle(wants[j]!).y || middle(wants[i]!).x - middle(wants[j]!).x,
    );
  const taken: Box[] = [...obstacles];
  const out: LabelPlace[] = new Array(wants.length);
  for (const i of order) {
    const w = wants[i]!;
    const half = labelWidth(w) / 2;
    // Only what lies within REACH of the line can be in the way.
    const xs = w.line.map((p) => p.x);
    const ys = w.line.map((p) => p.y);
    const near: Box = {
      left: Math.min(...xs) - half - REACH,
      right: Math.max(...xs) + half + REACH,
      top: Math.min(...ys) - LABEL_HEIGHT - REACH,
      bottom: Math.max(...ys) + LABEL_HEIGHT + REACH,
    };
    const nearby = taken.filter((t) => boxesTouch(t, near));
    const free = (c: Candidate) => {
      const box = labelBox(c.at.x, c.at.y, w);
      if (!inside(box, area) || nearby.some((t) => boxesTouch(box, t))) return false;
      if (c.leader === 0) return true;
      const edge = c.at.y > c.on.y ? box.top : box.bottom;
      return !nearby.some((t) => crosses(c.on.x, c.on.y, edge, t));
    };
    let best: Candidate | undefined;
    for (const c of onLine(w, half))
      if (free(c)) {
        best = c;
        break;
      }
    if (!best) {
      // Off its line: straight above or below a point of it, just clear of a box.
      const candidates: Candidate[] = [];
      w.line.forEach((on, rank) => {
        const centred = on.y - (BELOW - ABOVE) / 2;
        for (const side of SIDEWAYS) {
          const x = on.x + side * half;
          const column = labelBox(x, centred, w);
          for (const t of nearby) {
            if (!(column.left < t.right + MARGIN && t.left < column.right + MARGIN)) continue;
            for (const y of [t.bottom + MARGIN + ABOVE + 0.5, t.top - MARGIN - BELOW - 0.5]) {
              const box = labelBox(x, y, w);
              const leader = Math.max(0, box.top - on.y, on.y - box.bottom);
              if (leader <= REACH)
                candidates.push({
                  at: { x, y },
                  on,
                  leader,
                  rank,
                  across: y - centred,
                  sideways: Math.abs(side),
                });
            }
          }
        }
      });
      best = candidates.sort(byCost).find(free);
    }
    const cramped = !best;
    if (!best) {
      // The last resort: below everything under a point of the line (the one nearest to the
      // middle whose leader down there crosses no obstacle, such as a point in a gap between
      // columns), sideways inside the area as far as needed.
      const below = (on: Point): Candidate => {
        const x = Math.min(Math.max(on.x, area.left + half), area.right - half);
        const column = labelBox(x, on.y, w);
        const y = Math.max(
          on.y + ABOVE,
          ...taken
            .filter((t) => column.left < t.right + MARGIN && t.left < column.right + MARGIN)
            .map((t) => t.bottom + MARGIN + ABOVE + 0.5),
        );
        return { at: { x, y }, on, leader: y - ABOVE - on.y, rank: 0, across: 0, sideways: 0 };
      };
      best =
        w.line
          .map(below)
          .find((c) => !obstacles.some((t) => crosses(c.on.x, c.on.y, c.at.y - ABOVE, t))) ??
        below(middle(w));
    }
    taken.push(labelBox(best.at.x, best.at.y, w));
    out[i] = {
      x: best.at.x,
      y: best.at.y,
      moved: best.leader >= LEADER_FROM ? { ...best.on } : null,
      cramped,
    };
  }
  return out;
}

/**
 * The grid the cohort map is laid out on for labels with these id lines: the gap between columns
 * holds the widest label and the corridor between rows a label's height, each with CLEARANCE on
 * either side; never narrower than the workspace's grid.
 */
export function cohortGrid(idTexts: readonly string[]): Grid {
  const widest = Math.max(
    0,
    ...idTexts.map((idText) => labelWidth({ idText, shareText: WIDEST_SHARE })),
  );
  return {
    col: Math.max(GRID.col, NODE_W + Math.ceil(widest) + 2 * CLEARANCE),
    row: Math.max(GRID.row, NODE_H + LABEL_HEIGHT + 2 * CLEARANCE),
  };
}

/** The cohort map: the scenario map on its grid, and where each edge's label sits. */
export interface CohortMapLayout {
  map: ScenarioMap;
  grid: Grid;
  /** One per edge of `map.edges`, in the same order. */
  labels: (LabelPlace & { idText: string })[];
  /**
   * The picture's size (map units): the phases' lanes (the cohort map does not draw the event
   * and check lanes), grown to hold a label moved below them.
   */
  width: number;
  height: number;
}

/** Points along a route with their distance along it from its start, STEP_ALONG apart or less. */
function pointsAlong(route: EdgeRoute): { at: Point; s: number }[] {
  const out: { at: Point; s: number }[] = [];
  let s = 0;
  let prev: Point | null = null;
  const visit = (p: Point) => {
    if (prev) s += Math.hypot(p.x - prev.x, p.y - prev.y);
    out.push({ at: p, s });
    prev = p;
  };
  if (route.kind === 'curve') {
    const { p0, c1, c2, p3 } = route;
    const n = 48;
    for (let k = 0; k <= n; k++) {
      const t = k / n;
      const u = 1 - t;
      const at = (c: 'x' | 'y') =>
        u * u * u * p0[c] + 3 * u * u * t * c1[c] + 3 * u * t * t * c2[c] + t * t * t * p3[c];
      visit({ x: at('x'), y: at('y') });
    }
    return out;
  }
  route.points.forEach((p, k) => {
    const q = route.points[k - 1];
    if (q) {
      const n = Math.max(1, Math.ceil(Math.hypot(p.x - q.x, p.y - q.y) / STEP_ALONG));
      for (let j = 1; j < n; j++)
        visit({ x: q.x + ((p.x - q.x) * j) / n, y: q.y + ((p.y - q.y) * j) / n });
    }
    visit(p);
  });
  return out;
}

/** The map on `grid` with its labels placed (`idTexts` are the edges' id lines, in order). */
function layoutOn(doc: unknown, grid: Grid, idTexts: readonly string[]): CohortMapLayout {
  const map = buildMap(doc, [], grid);
  const nodes = new Map(map.nodes.map((n) => [n.key, n]));
  const wants = map.edges.map((e, i): LabelWant => {
    const route = edgeRoute(e, nodes, grid);
    const text = { idText: idTexts[i]!, shareText: WIDEST_SHARE };
    if (route.kind === 'line' && route.points.length === 2) {
      const [start, end] = route.points as [Point, Point];
      return { ...text, line: [{ x: start.x + (grid.col - NODE_W) / 2, y: end.y }] };
    }
    const points = pointsAlong(route);
    // The middle of the curve, or of the run along the corridor (from the route's third point).
    const run = (k: number, pts: readonly Point[]) =>
      Math.hypot(pts[k + 1]!.x - pts[k]!.x, pts[k + 1]!.y - pts[k]!.y);
    const middle =
      route.kind === 'curve'
        ? points.at(-1)!.s / 2
        : run(0, route.points) + run(1, route.points) + run(2, route.points) / 2;
    const line = points
      .sort((a, b) => Math.abs(a.s - middle) - Math.abs(b.s - middle) || a.s - b.s)
      .map((p) => p.at);
    return { ...text, line };
  });
  const obstacles = map.nodes.map((n) => ({
    left: n.x,
    right: n.x + NODE_W,
    top: n.y,
    bottom: n.y + NODE_H,
  }));
  const places = placeLabels(wants, obstacles, {
    left: 0,
    right: map.width,
    top: 0,
    bottom: Infinity,
  });
  // The map's own height counts lanes the cohort map does not draw (events and checks).
  const lanesBottom = Math.max(0, ...map.lanes.map((l) => l.y + l.height));
  const labelsBottom = Math.max(0, ...places.map((p) => p.y + BELOW + CLEARANCE));
  return {
    map,
    grid,
    labels: places.map((p, i) => ({ ...p, idText: idTexts[i]! })),
    width: map.width,
    height: Math.ceil(Math.max(lanesBottom, labelsBottom)),
  };
}

/**
 * The cohort map of a scenario document (read loosely, as the map model reads it): laid out on
 * the grid its labels need (`cohortGrid`), with every option label placed clear of every box and
 * of each other. When some label finds no place near its line (`cramped`: a crowded corridor),
 * the corridors are made one label higher and the labels placed again, at most WIDENINGS times.
 * The middle of a label's line is the middle of the curve across a gap, of the run along a
 * corridor, or of the gap after a stub (an option leading nowhere).
 */
export function layoutCohortMap(doc: unknown): CohortMapLayout {
  const idTexts = buildMap(doc).edges.map((e) => labelIdText(e.optionId));
  const grid = cohortGrid(idTexts);
  let layout = layoutOn(doc, grid, idTexts);
  for (let k = 1; k <= WIDENINGS && layout.labels.some((l) => l.cramped); k++)
    layout = layoutOn(doc, { ...grid, row: grid.row + k * (LABEL_HEIGHT + MARGIN) }, idTexts);
  return layout;
}
