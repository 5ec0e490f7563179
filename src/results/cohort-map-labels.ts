/**
 * How the cohort map lays out its option labels (each option's id and choice share, two lines)
 * so that every label and every step stays readable:
 *
 * - The grid is widened for them (`cohortGrid`): the gap between columns is as wide as the widest
 *   label plus a clearance on either side, and the corridor between rows as high as a label plus
 *   the same clearance. A map whose corridors are still too crowded is laid out again with higher
 *   corridors (`layoutCohortMap`).
 * - Lines along corridors are drawn apart (`separateRoutes`): two leaving the same step, entering
 *   the same step or running along the same corridor get different offsets, so no line runs
 *   under others for its whole length.
 * - Each label is placed (`placeLabels`) where it overlaps no step's box (nor an exit or ending
 *   marker), no label already placed and no leader drawn, on its own stretch of its line: the
 *   points no other line runs within SHARED of (where a line has none, its least crowded points).
 *   Preferred, in order: on its line (centred on the middle of the line, or else on the point of
 *   it nearest to the middle that has room, nudged across or sideways while still covering the
 *   line, its own line within CENTRED of its box's middle) with its box over no other line; straight above or below a point of its line, as close
 *   as there is room, with a dotted leader back to it that crosses no box or label, its box over
 *   no other line; the same two, leader first, allowing other lines under the box; then any
 *   point of its line.
 * - Labels are placed in order of their line's middle (top to bottom, then left to right), so the
 *   same map always gets the same placement.
 * - A long option id is cut to its start and its last words, as many as keep the labels of one
 *   step distinct (`labelIdText`).
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
/** The widest share line (percentText writes one decimal); labels are placed for it, so they do not move as figures fill in. */
export const WIDEST_SHARE = '99.9%';
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

/**
 * The id line as drawn: the option's id, or, past ID_MAX characters, its start, "…" and its last
 * words (after a "-"), as many words as it takes for the labels of the same step (`siblings`,
 * the step's option ids, this one among them or not) to stay distinct: "a-prescriber…withhold",
 * not "a-prescriber-full…" for every option of step a-prescriber-full. At most ID_MAX characters;
 * the full id is in the label's title.
 */
export function labelIdText(optionId: string, siblings: readonly string[] = []): string {
  if (optionId.length <= ID_MAX) return optionId;
  const all = [...new Set([optionId, ...siblings])];
  for (let words = 1; words <= 4; words++) {
    const cut = (id: string) => cutId(id, words);
    const mine = cut(optionId);
    if (all.every((id) => id === optionId || cut(id) !== mine)) return mine;
  }
  // No cut at a word keeps it apart from its siblings: the last characters, as many as it takes.
  for (let tail = 1; tail < ID_MAX - HEAD_MIN; tail++) {
    const cut = (id: string) =>
      id.length <= ID_MAX ? id : `${id.slice(0, ID_MAX - 1 - tail)}…${id.slice(-tail)}`;
    const mine = cut(optionId);
    if (all.every((id) => id === optionId || cut(id) !== mine)) return mine;
  }
  return cutId(optionId, 1);
}

/** Characters of an id's start kept when it is cut. */
const HEAD_MIN = 5;

/** An id cut to its start, "…" and its last `words` words (fewer if they do not fit). */
function cutId(id: string, words: number): string {
  if (id.length <= ID_MAX) return id;
  const parts = id.split('-');
  let tail = parts.slice(-words).join('-');
  if (tail.length > ID_MAX - 1 - HEAD_MIN) tail = tail.slice(-(ID_MAX - 1 - HEAD_MIN));
  return `${id.slice(0, ID_MAX - 1 - tail.length).replace(/-+$/, '')}…${tail}`;
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
   * The point of its own line the label belongs to: the point it covers, or its leader's start.
   * Chosen where no other line runs within SHARED of it when its line has such a point.
   */
  anchor: Point;
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
  /** No place by its own stretch of line was free: its anchor may be where other lines run. */
  astray: boolean;
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
function* onLine(points: readonly Point[], half: number): Generator<Candidate> {
  for (const [rank, on] of points.entries())
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
 * Two lines closer than this (map units, centre to centre) run along each other: a label there
 * could belong to either (lines drawn up to 9 units thick, parallel ones 6.4 apart).
 */
export const SHARED = 6;
/**
 * A label without a leader has its own line within this (map units) of the middle of its box:
 * a label whose line only grazes its edge reads as belonging to the line nearest its middle.
 */
export const CENTRED = 4;
/** A leader's foot is put, where it can, where no other line runs within this (two lanes). */
const WIDE = 2 * SHARED;
/** Distance between the heights tried for a label off its line, besides those beside a box. */
const OFF_STEP = 12;
/** The side of the cells the lines' pieces are filed in, and the longest piece. */
const CELL = 16;
const PIECE = 3;

/** The distance from `p` to the segment from `a` to `b`. */
function toPiece(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/** A short piece of a drawn line (from one sample to the next), and which line it is of. */
interface Piece {
  a: Point;
  b: Point;
  line: number;
}

/** A cell's key (cells are counted from far below any map's coordinates, so both are ≥ 0). */
const cellKey = (cx: number, cy: number) => (cx + 4096) * 65536 + (cy + 4096);

/** The drawn lines' points, filed by place, to find which line runs near a point or a box. */
class LineIndex {
  /** Each line's short pieces (from one sample to the next), filed by the cell of their start. */
  private readonly cells = new Map<number, Piece[]>();
  constructor(paths: readonly (readonly Point[])[]) {
    paths.forEach((path, line) => {
      path.forEach((b, k) => {
        const a = path[k - 1] ?? b;
        const key = cellKey(Math.floor(a.x / CELL), Math.floor(a.y / CELL));
        const cell = this.cells.get(key);
        if (cell) cell.push({ a, b, line });
        else this.cells.set(key, [{ a, b, line }]);
      });
    });
  }
  /** Calls `visit` with each piece that starts in or near `box` (pieces are at most PIECE long), until it returns true. */
  private some(box: Box, visit: (piece: Piece) => boolean): boolean {
    const x1 = Math.floor((box.right + PIECE) / CELL);
    const y0 = Math.floor((box.top - PIECE) / CELL);
    const y1 = Math.floor((box.bottom + PIECE) / CELL);
    for (let cx = Math.floor((box.left - PIECE) / CELL); cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (cell) for (const piece of cell) if (visit(piece)) return true;
      }
    return false;
  }
  /** The distance from `p` to the nearest line other than `own`, at most `upTo`. */
  clearance(p: Point, own: number, upTo: number): number {
    let best = upTo;
    const box = { left: p.x - upTo, right: p.x + upTo, top: p.y - upTo, bottom: p.y + upTo };
    this.some(box, ({ a, b, line }) => {
      if (line !== own) best = Math.min(best, toPiece(p, a, b));
      return false;
    });
    return best;
  }
  /** Whether line `own` runs within `upTo` of `p`. */
  passes(p: Point, own: number, upTo: number): boolean {
    const box = { left: p.x - upTo, right: p.x + upTo, top: p.y - upTo, bottom: p.y + upTo };
    return this.some(box, ({ a, b, line }) => line === own && toPiece(p, a, b) <= upTo);
  }
  /** Whether a line other than `own` runs through `box`. */
  crosses(box: Box, own: number): boolean {
    return this.some(
      box,
      ({ b: at, line }) =>
        line !== own && box.left < at.x && at.x < box.right && box.top < at.y && at.y < box.bottom,
    );
  }
}

/**
 * Places every label (the result is in the same order as `wants`), never over an obstacle (a
 * step's box), a label already placed or a leader already drawn, and inside `area`. A label sits
 * on its line when it can (its box covering a point of the line: the middle first, then the points
 * nearest to it, each centred, nudged ACROSS the line or SIDEWAYS along it); otherwise at the
 * place with the shortest leader, straight above or below a point of the line, no further than
 * REACH from it, whose leader crosses no box or label (`moved`). Only when there is none does it
 * go below everything in the way (`cramped`). `area` defaults to the whole plane; its bottom is
 * not enforced for that last resort (the picture grows to hold it).
 *
 * `paths`, when given, are the drawn lines (one per want, in order, as points at most PIECE
 * apart): a label then keeps to the points of its line that no other line runs within SHARED of,
 * and first tries places whose box covers no other line (see the module's comment for the order).
 */
export function placeLabels(
  wants: readonly LabelWant[],
  obstacles: readonly Box[] = [],
  area: Box = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity },
  paths?: readonly (readonly Point[])[],
): LabelPlace[] {
  const lines = paths ? new LineIndex(paths) : null;
  const middle = (w: LabelWant) => w.line[0]!;
  const order = wants
    .map((_, i) => i)
    .sort(
      (i, j) =>
        middle(wants[i]!).y - middle(wants[j]!).y || middle(wants[i]!).x - middle(wants[j]!).x,
    );
  const taken: Box[] = [...obstacles];
  /** The leaders drawn so far (no label may cover one): x and the ends' y. */
  const leaders: { x: number; from: number; to: number }[] = [];
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
      if (leaders.some((l) => crosses(l.x, l.from, l.to, box))) return false;
      // Without a leader, its own line runs through the middle of its box.
      if (c.leader < LEADER_FROM)
        return (
          !lines ||
          lines.passes({ x: c.at.x, y: (box.top + box.bottom) / 2 }, i, CENTRED) ||
          !paths?.[i]?.length
        );
      const edge = c.at.y > c.on.y ? box.top : box.bottom;
      return !nearby.some((t) => crosses(c.on.x, c.on.y, edge, t));
    };
    // Its own stretches of line: the points no other line runs near (all of them when no
    // lines are given; the least crowded ones, when every point is near another line).
    const clearances = w.line.map((p) => (lines ? lines.clearance(p, i, WIDE) : WIDE));
    // A line's ends are at boxes, where the lines of a step meet: kept for when nothing else is.
    const ends = paths?.[i] ? [paths[i][0], paths[i].at(-1)].filter((p) => p !== undefined) : [];
    const atEnd = (p: Point) => ends.some((e) => Math.hypot(e.x - p.x, e.y - p.y) < WIDE);
    const unshared = w.line.filter((_, k) => clearances[k]! >= SHARED);
    const most = Math.max(...clearances);
    const owns = [
      unshared.filter((p) => !atEnd(p)),
      unshared,
      // A line with no stretch of its own: its least crowded points.
      ...(unshared.length === 0 ? [w.line.filter((_, k) => clearances[k] === most)] : []),
    ].filter((own, k, all) => own.length > 0 && (k === 0 || own.length > all[k - 1]!.length));
    const clearance = new Map(w.line.map((p, k) => [p, clearances[k]!]));
    // Over no other line (its text would hide it, and seem to label it).
    const clean = (c: Candidate) => !lines?.crosses(labelBox(c.at.x, c.at.y, w), i);
    const offLine = (points: readonly Point[]): Candidate[] => {
      // Off its line: straight above or below a point of it, just clear of a box.
      const candidates: Candidate[] = [];
      points.forEach((on, rank) => {
        // Every other point will do for a leader's foot (STEP_ALONG is for covering the line).
        if (lines && rank % 2 === 1) return;
        const centred = on.y - (BELOW - ABOVE) / 2;
        for (const side of SIDEWAYS) {
          const x = on.x + side * half;
          const column = labelBox(x, centred, w);
          // Just clear of a box, or (with lines given) every OFF_STEP up or down.
          const ys = nearby
            .filter((t) => column.left < t.right + MARGIN && t.left < column.right + MARGIN)
            .flatMap((t) => [t.bottom + MARGIN + ABOVE + 0.5, t.top - MARGIN - BELOW - 0.5]);
          if (lines)
            for (let d = OFF_STEP; d <= REACH / 2; d += OFF_STEP) ys.push(centred - d, centred + d);
          for (const y of ys) {
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
      });
      return candidates.sort(byCost);
    };
    const first = <T>(all: Iterable<T>, ok: (c: T) => boolean): T | undefined => {
      for (const c of all) if (ok(c)) return c;
      return undefined;
    };
    /** The first free place over no other line, and the first free place, in one pass. */
    const scan = (all: Iterable<Candidate>) => {
      let anyFree: Candidate | undefined;
      for (const c of all)
        if (free(c)) {
          if (clean(c)) return { clean: c, free: anyFree ?? c };
          anyFree ??= c;
        }
      return { clean: undefined, free: anyFree };
    };
    let best: Candidate | undefined;
    for (const own of owns) {
      const on = scan(onLine(own, half));
      if (on.clean) {
        best = on.clean;
        break;
      }
      // A leader's foot goes, where it can, where the nearest other line is WIDE away.
      const wide = own.filter((p) => clearance.get(p)! >= WIDE);
      const feet = wide.length > 0 && wide.length < own.length ? [wide, own] : [own];
      // The first clean place, else the first free one, in the order of `feet`; a later list
      // is scanned only when no earlier one has a clean place.
      const offs: ReturnType<typeof scan>[] = [];
      for (const points of feet) {
        offs.push(scan(offLine(points)));
        if (offs.at(-1)!.clean) break;
      }
      best = offs.find((o) => o.clean)?.clean ?? offs.find((o) => o.free)?.free ?? on.free;
      if (best) break;
    }
    const astray = !best;
    best ??= first(onLine(w.line, half), free) ?? first(offLine(w.line), free);
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
    const placed = labelBox(best.at.x, best.at.y, w);
    taken.push(placed);
    if (best.leader >= LEADER_FROM)
      leaders.push({
        x: best.on.x,
        from: best.on.y,
        to: best.at.y > best.on.y ? placed.top : placed.bottom,
      });
    out[i] = {
      x: best.at.x,
      y: best.at.y,
      anchor: { ...best.on },
      astray,
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

/** Points along a route with their distance along it from its start, `step` apart or less. */
function pointsAlong(route: EdgeRoute, step = STEP_ALONG): { at: Point; s: number }[] {
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
    const n = step < STEP_ALONG ? 128 : 48;
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
      const n = Math.max(1, Math.ceil(Math.hypot(p.x - q.x, p.y - q.y) / step));
      for (let j = 1; j < n; j++)
        visit({ x: q.x + ((p.x - q.x) * j) / n, y: q.y + ((p.y - q.y) * j) / n });
    }
    visit(p);
  });
  return out;
}

/** The offsets an option's line may be given on the cohort map (map-model's `spread`). */
const LANES = [0, 20, -20, 40, -40, 60, -60];

/**
 * The map with its routed lines (those running along a corridor) drawn apart: each gets the
 * first offset (LANES) that no other routed line leaving the same step, entering the same step
 * or running along the same corridor has, so no two of them run along each other for their whole
 * length (two options of one step shared their run out of it, and lines from two steps of a column
 * into the same step shared their run into it; a label could then belong to either). Lines across
 * one gap keep their offsets. When every offset is taken, the least used one is reused.
 */
function separateRoutes(map: ScenarioMap, grid: Grid): ScenarioMap {
  const nodes = new Map(map.nodes.map((n) => [n.key, n]));
  const used = new Map<string, number[]>();
  const edges = map.edges.map((e) => {
    const a = nodes.get(e.from);
    const b = e.to === null ? undefined : nodes.get(e.to);
    if (!a || !b || (!e.back && b.x - a.x <= grid.col)) return e;
    const keys = [
      `from ${e.from}`,
      `to ${e.to}`,
      b.y > a.y ? `corridor above ${b.y}` : `corridor below ${b.y}`,
    ];
    const clashes = (lane: number) =>
      keys.reduce((n, k) => n + (used.get(k) ?? []).filter((l) => l === lane).length, 0);
    const lane =
      LANES.find((l) => clashes(l) === 0) ?? [...LANES].sort((x, y) => clashes(x) - clashes(y))[0]!;
    for (const k of keys) used.set(k, [...(used.get(k) ?? []), lane]);
    return { ...e, spread: lane };
  });
  return { ...map, edges };
}

/** The map on `grid` with its labels placed (`idTexts` are the edges' id lines, in order). */
function layoutOn(doc: unknown, grid: Grid, idTexts: readonly string[]): CohortMapLayout {
  const map = separateRoutes(buildMap(doc, [], grid), grid);
  const nodes = new Map(map.nodes.map((n) => [n.key, n]));
  const routes = map.edges.map((e) => edgeRoute(e, nodes, grid));
  const wants = map.edges.map((e, i): LabelWant => {
    const route = routes[i]!;
    const text = { idText: idTexts[i]!, shareText: WIDEST_SHARE };
    const points = pointsAlong(route);
    if (route.kind === 'line' && route.points.length === 2)
      // A stub (an option leading nowhere): its end first.
      return { ...text, line: points.reverse().map((p) => p.at) };
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
  // The lines as drawn, closely sampled: a label keeps to its own and off the others.
  const paths = routes.map((r) => pointsAlong(r, PIECE).map((p) => p.at));
  const obstacles = map.nodes.map((n) => ({
    left: n.x,
    right: n.x + NODE_W,
    top: n.y,
    bottom: n.y + NODE_H,
  }));
  const places = placeLabels(
    wants,
    obstacles,
    { left: 0, right: map.width, top: 0, bottom: Infinity },
    paths,
  );
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
 * of each other. When some label finds no place near its line (`cramped`: a crowded corridor) or
 * none by its own stretch of line (`astray`), the corridors are made one label higher and the
 * labels placed again, at most WIDENINGS times. The middle of a label's line is the middle of the
 * curve across a gap or of the run along a corridor; a stub (an option leading nowhere) is tried
 * from its end.
 */
export function layoutCohortMap(doc: unknown): CohortMapLayout {
  const edges = buildMap(doc).edges;
  const idTexts = edges.map((e) =>
    labelIdText(
      e.optionId,
      edges.filter((o) => o.from === e.from).map((o) => o.optionId),
    ),
  );
  const grid = cohortGrid(idTexts);
  let layout = layoutOn(doc, grid, idTexts);
  for (let k = 1; k <= WIDENINGS && layout.labels.some((l) => l.cramped || l.astray); k++)
    layout = layoutOn(doc, { ...grid, row: grid.row + k * (LABEL_HEIGHT + MARGIN) }, idTexts);
  return layout;
}
