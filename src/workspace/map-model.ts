/**
 * The scenario map as plain data: phases as lanes (rows), steps as nodes, options as edges, with
 * a deterministic layered layout — breadth-first depth from the phase's start step gives the
 * column, order of discovery within a depth gives the row. It reads the document loosely, so a
 * scenario with errors still gets a map of whatever is there.
 */
import type { Diagnostic } from '../engine/index.ts';

export const NODE_W = 176;
export const NODE_H = 54;
/** Distance between columns and between rows of steps; the space past a box is free of boxes. */
export const COL = 250;
export const ROW = 74;

/**
 * The spacing of a map's grid (map units): `col` between columns, `row` between rows of steps.
 * The space past a box (col − NODE_W across, row − NODE_H down) is free of boxes. A picture that
 * writes more beside the lines than the workspace does (the cohort map's labels) asks for a wider
 * grid; the default is the workspace's.
 */
export interface Grid {
  col: number;
  row: number;
}
export const GRID: Readonly<Grid> = { col: COL, row: ROW };
const LANE_HEAD = 34;
const LANE_GAP = 26;

export type EdgeKind = 'next' | 'endsPhase' | 'ending' | 'broken';
export type Effect = 'positive' | 'zero' | 'negative';

export interface MapNode {
  /** Unique key (ids may repeat in a file with errors). */
  key: string;
  id: string;
  kind: 'step' | 'exit' | 'ending';
  phase: string;
  lane: number;
  text: string;
  speaker: string;
  /** JSON pointer of the step (steps only). */
  path: string;
  x: number;
  y: number;
  start: boolean;
  unreachable: boolean;
  /** No way out of the phase from here (or an option that leads nowhere). */
  deadEnd: boolean;
  errors: number;
  warnings: number;
}

export interface MapEdge {
  key: string;
  optionId: string;
  text: string;
  from: string;
  /** The node it leads to; a broken edge (unknown next step) leads to none. */
  to: string | null;
  kind: EdgeKind;
  points: Record<string, number>;
  total: number;
  effect: Effect;
  critical: boolean;
  /** Drawn as a loop back to an earlier column. */
  back: boolean;
  /**
   * Offset (map units) that draws this edge apart from other options between the same two
   * boxes, so parallel options neither overprint nor hide each other (0 when alone).
   */
  spread: number;
  path: string;
}

/** An event or a scheduled vitals check, drawn in its lane at its minute after dosing. */
export interface TimelineItem {
  key: string;
  kind: 'event' | 'check';
  id: string;
  /** When: "minute 30", "systolic above 160", "minute 40, 10-minute window". */
  when: string;
  text: string;
  /** Has a response window (events) */
  respond: boolean;
  critical: boolean;
  x: number;
  y: number;
  path: string;
}

export interface TimelineLane {
  kind: 'event' | 'check';
  title: string;
  y: number;
  height: number;
}

export interface MapLane {
  index: number;
  id: string;
  title: string;
  y: number;
  height: number;
  path: string;
}

/** A phase's name as the maps write it beside its row: "2. Dosing (dosing)" (its number from 1, title, id). */
export const laneName = (lane: Pick<MapLane, 'index' | 'title' | 'id'>): string =>
  `${lane.index + 1}. ${lane.title} (${lane.id})`;

export interface ScenarioMap {
  lanes: MapLane[];
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
  /** Steps only (not the exit and ending markers). */
  stepCount: number;
  /** Lanes for events and scheduled checks, below the phases (absent when there are none). */
  timelineLanes: TimelineLane[];
  timeline: TimelineItem[];
}

export const ITEM_W = 168;
export const ITEM_H = 44;
/** Map units per simulated minute on the event and check lanes. */
const PER_MINUTE = 5;

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

function pointsOf(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isObj(v)) return out;
  for (const [k, n] of Object.entries(v))
    if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  return out;
}

export const effectOf = (total: number): Effect =>
  total > 0 ? 'positive' : total < 0 ? 'negative' : 'zero';

/** "+2 safety, −1 alliance" — a score effect in words (no colour needed). */
export function describePoints(points: Record<string, number>): string {
  const parts = Object.entries(points)
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => `${n > 0 ? '+' : '−'}${Math.abs(n)} ${k}`);
  return parts.length ? parts.join(', ') : 'no points';
}

/** The step a JSON pointer is about ("/phases/2/steps/5/…" → "p2s5"), or the lane, or null. */
export function targetOfPath(path: string): { node?: string; lane?: number } | null {
  const m = /^\/phases\/(\d+)(?:\/steps\/(\d+))?/.exec(path);
  if (!m) return null;
  return m[2] !== undefined
    ? { node: `p${m[1]}s${m[2]}`, lane: Number(m[1]) }
    : { lane: Number(m[1]) };
}

/** The map of a scenario document (read loosely), laid out on `grid` (the workspace's by default). */
export function buildMap(
  doc: unknown,
  diagnostics: Diagnostic[] = [],
  grid: Readonly<Grid> = GRID,
): ScenarioMap {
  const lanes: MapLane[] = [];
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const root = isObj(doc) ? doc : {};
  const perNode = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    const t = targetOfPath(d.path);
    if (!t?.node) continue;
    const c = perNode.get(t.node) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') c.errors++;
    else c.warnings++;
    perNode.set(t.node, c);
  }

  let y = 0;
  let width = 0;
  arr(root.phases).forEach((phaseValue, p) => {
    const phase = isObj(phaseValue) ? phaseValue : {};
    const phaseId = str(phase.id, `phase ${p + 1}`);
    const steps = arr(phase.steps).map((s) => (isObj(s) ? s : {}));
    const keyOf = (s: number) => `p${p}s${s}`;
    const byId = new Map<string, number>();
    steps.forEach((s, i) => {
      const id = str(s.id);
      if (id && !byId.has(id)) byId.set(id, i);
    });
    const options = steps.map((step) => arr(step.options).map((o) => (isObj(o) ? o : {})));
    const optionsOf = (s: number) => options[s]!;
    const targetOf = (o: Loose) => (typeof o.next === 'string' ? byId.get(o.next) : undefined);

    // Breadth-first depth from the start step.
    const depth = new Array<number>(steps.length).fill(-1);
    const start = byId.get(str(phase.start));
    const order: number[] = [];
    if (start !== undefined) {
      depth[start] = 0;
      const queue = [start];
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q]!;
        order.push(u);
        for (const o of optionsOf(u)) {
          const v = targetOf(o);
          if (v !== undefined && depth[v] === -1) {
            depth[v] = depth[u]! + 1;
            queue.push(v);
          }
        }
      }
    }
    const reachedCols = order.length ? Math.max(...order.map((s) => depth[s]!)) + 1 : 0;
    const unreachable = steps.map((_, i) => depth[i] === -1);
    const unreachableList = steps.map((_, i) => i).filter((i) => unreachable[i]);
    // Unreachable steps get a column of their own after the reached ones.
    const col = (s: number) => (unreachable[s] ? reachedCols : depth[s]!);
    const exitCol = reachedCols + (unreachableList.length ? 1 : 0);

    // Dead ends: steps from which no option leading out of the phase can be reached.
    const exits = new Array<boolean>(steps.length).fill(false);
    const preds: number[][] = steps.map(() => []);
    const leadsNowhere = new Array<boolean>(steps.length).fill(false);
    steps.forEach((_, s) => {
      for (const o of optionsOf(s)) {
        if (o.endsPhase === true || typeof o.ending === 'string') exits[s] = true;
        const v = targetOf(o);
        if (v !== undefined) preds[v]!.push(s);
        else if (!(o.endsPhase === true || typeof o.ending === 'string')) leadsNowhere[s] = true;
      }
    });
    const canExit = [...exits];
    const stack = steps.map((_, i) => i).filter((i) => exits[i]);
    while (stack.length) {
      const v = stack.pop()!;
      for (const u of preds[v]!)
        if (!canExit[u]) {
          canExit[u] = true;
          stack.push(u);
        }
    }

    const rowsPerCol = new Map<number, number>();
    const rowOf = new Map<number, number>();
    for (const s of [...order, ...unreachableList]) {
      const c = col(s);
      const r = rowsPerCol.get(c) ?? 0;
      rowOf.set(s, r);
      rowsPerCol.set(c, r + 1);
    }

    // Exit markers: "next phase" and one per ending reached from this lane.
    const endingsHere: string[] = [];
    let endsPhase = false;
    steps.forEach((_, s) => {
      for (const o of optionsOf(s)) {
        if (o.endsPhase === true) endsPhase = true;
        if (typeof o.ending === 'string' && !endingsHere.includes(o.ending))
          endingsHere.push(o.ending);
      }
    });
    const markerRows = (endsPhase ? 1 : 0) + endingsHere.length;
    const rows = Math.max(1, ...rowsPerCol.values(), markerRows);
    const laneHeight = LANE_HEAD + rows * grid.row + 8;
    lanes.push({
      index: p,
      id: phaseId,
      title: str(phase.title, phaseId),
      y,
      height: laneHeight,
      path: `/phases/${p}`,
    });

    steps.forEach((s, i) => {
      const counts = perNode.get(keyOf(i)) ?? { errors: 0, warnings: 0 };
      nodes.push({
        key: keyOf(i),
        id: str(s.id, `(step ${i + 1} has no id)`),
        kind: 'step',
        phase: phaseId,
        lane: p,
        text: str(s.text),
        speaker: str(s.speaker),
        path: `/phases/${p}/steps/${i}`,
        x: 20 + col(i) * grid.col,
        y: y + LANE_HEAD + rowOf.get(i)! * grid.row,
        start: i === start,
        unreachable: unreachable[i]!,
        deadEnd: !unreachable[i] && (!canExit[i] || leadsNowhere[i]!),
        errors: counts.errors,
        warnings: counts.warnings,
      });
    });
    let markerRow = 0;
    const marker = (key: string, id: string, kind: 'exit' | 'ending', text: string) => {
      nodes.push({
        key,
        id,
        kind,
        phase: phaseId,
        lane: p,
        text,
        speaker: '',
        path: '',
        x: 20 + exitCol * grid.col,
        y: y + LANE_HEAD + markerRow++ * grid.row,
        start: false,
        unreachable: false,
        deadEnd: false,
        errors: 0,
        warnings: 0,
      });
    };
    if (endsPhase) marker(`p${p}exit`, 'next phase', 'exit', 'The next phase starts');
    for (const e of endingsHere) marker(`p${p}end:${e}`, e, 'ending', 'Ending');
    width = Math.max(width, 20 + (exitCol + 1) * grid.col);

    steps.forEach((_, s) => {
      optionsOf(s).forEach((o, k) => {
        const points = pointsOf(o.points);
        const total = Object.values(points).reduce((a, b) => a + b, 0);
        const v = targetOf(o);
        let kind: EdgeKind;
        let to: string | null;
        if (typeof o.ending === 'string') {
          kind = 'ending';
          to = `p${p}end:${o.ending}`;
        } else if (o.endsPhase === true) {
          kind = 'endsPhase';
          to = `p${p}exit`;
        } else if (v !== undefined) {
          kind = 'next';
          to = keyOf(v);
        } else {
          kind = 'broken';
          to = null;
        }
        edges.push({
          key: `${keyOf(s)}o${k}`,
          optionId: str(o.id, `(option ${k + 1})`),
          text: str(o.text),
          from: keyOf(s),
          to,
          kind,
          points,
          total,
          effect: effectOf(total),
          critical: isObj(o.critical),
          back: kind === 'next' && v !== undefined && col(v) <= col(s),
          spread: 0,
          path: `/phases/${p}/steps/${s}/options/${k}`,
        });
      });
    });
    y += laneHeight + LANE_GAP;
  });
  spreadParallel(edges);
  const timeline = buildTimeline(root, y);
  for (const item of timeline.items) width = Math.max(width, item.x + ITEM_W + 20);
  if (timeline.lanes.length) y = timeline.bottom + LANE_GAP;
  return {
    lanes,
    nodes,
    edges,
    width: Math.max(width, 400),
    height: Math.max(y - LANE_GAP, 200),
    stepCount: nodes.filter((n) => n.kind === 'step').length,
    timelineLanes: timeline.lanes,
    timeline: timeline.items,
  };
}

/** Gives each edge between the same two boxes its own offset, centred on the straight path. */
function spreadParallel(edges: MapEdge[]): void {
  const groups = new Map<string, MapEdge[]>();
  for (const e of edges) {
    const k = `${e.from}>${e.to ?? 'nowhere'}`;
    const list = groups.get(k) ?? [];
    list.push(e);
    groups.set(k, list);
  }
  for (const list of groups.values())
    list.forEach((e, i) => {
      e.spread = (i - (list.length - 1) / 2) * 16;
    });
}

/** Places events and scheduled checks in two lanes from `top`, by minute after dosing. */
function buildTimeline(
  root: Loose,
  top: number,
): { lanes: TimelineLane[]; items: TimelineItem[]; bottom: number } {
  const lanes: TimelineLane[] = [];
  const items: TimelineItem[] = [];
  const protocol = isObj(root.protocol) ? root.protocol : {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const sources: { kind: 'event' | 'check'; title: string; list: TimelineItem[] }[] = [
    {
      kind: 'event',
      title: 'Events (after dosing)',
      list: arr(root.events).map((v, i) => {
        const e = isObj(v) ? v : {};
        const t = isObj(e.trigger) ? e.trigger : {};
        const minute = num(t.atMinute);
        const respond = isObj(e.respond) ? e.respond : null;
        const missed = respond && isObj(respond.missed) ? respond.missed : {};
        const threshold = [
          num(t.above) !== null ? `above ${num(t.above)}` : '',
          num(t.below) !== null ? `below ${num(t.below)}` : '',
        ]
          .filter(Boolean)
          .join(' or ');
        const when =
          minute !== null
            ? `minute ${minute}`
            : `${str(t.vital, 'a signal')} ${threshold || 'crosses a threshold'}`;
        return {
          key: `ev${i}`,
          kind: 'event' as const,
          id: str(e.id, `(event ${i + 1})`),
          when: respond ? `${when}, respond within ${num(respond.withinMinutes) ?? '?'} min` : when,
          text: str(e.text),
          respond: respond !== null,
          critical: isObj(missed.critical),
          x: 20 + (minute ?? 0) * PER_MINUTE,
          y: 0,
          path: `/events/${i}`,
        };
      }),
    },
    {
      kind: 'check',
      title: 'Scheduled vitals checks',
      list: arr(protocol.monitoring).map((v, i) => {
        const c = isObj(v) ? v : {};
        const minute = num(c.atMinute) ?? 0;
        return {
          key: `ck${i}`,
          kind: 'check' as const,
          id: str(c.id, `(check ${i + 1})`),
          when: `minute ${minute}, ${num(c.windowMinutes) ?? '?'}-minute window`,
          text: str(c.label),
          respond: false,
          critical: false,
          x: 20 + minute * PER_MINUTE,
          y: 0,
          path: `/protocol/monitoring/${i}`,
        };
      }),
    },
  ];
  let y = top;
  for (const source of sources) {
    if (source.list.length === 0) continue;
    // Rows so that boxes never overlap: each item takes the first row free at its x.
    const rowEnds: number[] = [];
    const sorted = [...source.list].sort((a, b) => a.x - b.x);
    for (const item of sorted) {
      let row = rowEnds.findIndex((end) => end <= item.x);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = item.x + ITEM_W + 8;
      item.y = y + LANE_HEAD + row * (ITEM_H + 10);
    }
    const height = LANE_HEAD + rowEnds.length * (ITEM_H + 10) + 4;
    lanes.push({ kind: source.kind, title: source.title, y, height });
    items.push(...source.list);
    y += height + LANE_GAP;
  }
  return { lanes, items, bottom: y - LANE_GAP };
}

/** Keys of the step nodes whose id or text contains the query (case-insensitive). */
export function searchMap(map: ScenarioMap, query: string): Set<string> {
  const q = query.trim().toLowerCase();
  if (!q) return new Set();
  return new Set(
    map.nodes
      .filter(
        (n) =>
          n.kind === 'step' && (n.id.toLowerCase().includes(q) || n.text.toLowerCase().includes(q)),
      )
      .map((n) => n.key),
  );
}
