/**
 * The scenario map as plain data: phases as lanes (rows), steps as nodes, options as edges, with
 * a deterministic layered layout — breadth-first depth from the phase's start step gives the
 * column, order of discovery within a depth gives the row. It reads the document loosely, so a
 * scenario with errors still gets a map of whatever is there.
 */
import type { Diagnostic } from '../engine/index.ts';

export const NODE_W = 176;
export const NODE_H = 54;
const COL = 250;
const ROW = 74;
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
  path: string;
}

export interface MapLane {
  index: number;
  id: string;
  title: string;
  y: number;
  height: number;
  path: string;
}

export interface ScenarioMap {
  lanes: MapLane[];
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
  /** Steps only (not the exit and ending markers). */
  stepCount: number;
}

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

export function buildMap(doc: unknown, diagnostics: Diagnostic[] = []): ScenarioMap {
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
    const optionsOf = (s: number) => arr(steps[s]!.options).map((o) => (isObj(o) ? o : {}));
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
    const laneHeight = LANE_HEAD + rows * ROW + 8;
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
        x: 20 + col(i) * COL,
        y: y + LANE_HEAD + rowOf.get(i)! * ROW,
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
        x: 20 + exitCol * COL,
        y: y + LANE_HEAD + markerRow++ * ROW,
        start: false,
        unreachable: false,
        deadEnd: false,
        errors: 0,
        warnings: 0,
      });
    };
    if (endsPhase) marker(`p${p}exit`, 'next phase', 'exit', 'The next phase starts');
    for (const e of endingsHere) marker(`p${p}end:${e}`, e, 'ending', 'Ending');
    width = Math.max(width, 20 + (exitCol + 1) * COL);

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
          path: `/phases/${p}/steps/${s}/options/${k}`,
        });
      });
    });
    y += laneHeight + LANE_GAP;
  });
  return {
    lanes,
    nodes,
    edges,
    width: Math.max(width, 400),
    height: Math.max(y - LANE_GAP, 200),
    stepCount: nodes.filter((n) => n.kind === 'step').length,
  };
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
