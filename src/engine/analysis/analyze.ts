/**
 * Static analysis of a valid scenario: reachability, how many distinct paths each phase has
 * (counted, never enumerated), the lowest and highest achievable scores, reachable critical
 * errors and unused content. Linear in the size of the scenario; graph walks are iterative.
 */
import type { ScenarioV1 } from '../format/schema.ts';
import { own } from '../format/own.ts';

type Option = ScenarioV1['phases'][number]['steps'][number]['options'][number];
type Condition = NonNullable<Option['when']>;
type Missed = NonNullable<ScenarioV1['events'][number]['respond']>['missed'];

/** Path counts at or above this are reported as capped. */
export const PATH_COUNT_CAP = 1e15;

export interface ScoreRange {
  min: number;
  max: number;
}

export interface PhaseAnalysis {
  id: string;
  steps: number;
  reachableSteps: number;
  unreachableSteps: string[];
  /** Distinct loop-free paths from the start step to the phase's end (an endsPhase or ending option). */
  paths: number;
  /** True when `paths` reached PATH_COUNT_CAP and the real count is at least that. */
  pathsCapped: boolean;
  /** Whether the phase can be entered at all (an earlier phase can end into it). */
  reachable: boolean;
}

export interface CriticalError {
  /** Option id, or "<event id>.missed" for a missed event response. */
  id: string;
  path: string;
  explanation: string;
}

export interface Analysis {
  scenarioId: string;
  totalSteps: number;
  phases: PhaseAnalysis[];
  /** Raw points over loop-free paths, including event responses and on-time monitoring checks. */
  scores: { perCompetency: Record<string, ScoreRange>; overall: ScoreRange };
  criticalErrors: CriticalError[];
  unused: {
    references: string[];
    /** Variables never read by a condition. */
    variablesNeverRead: string[];
    /** Variables never changed by an effect. */
    variablesNeverWritten: string[];
    audio: string[];
    endings: string[];
  };
}

interface PhaseGraph {
  /** Per step, per option: the local index of the next step, or -1. */
  next: Int32Array[];
  /** Per step, per option: whether the edge closes a loop (ignored for paths and scores). */
  back: Uint8Array[];
  /** Steps in an order where every (non-loop) successor comes first. */
  order: number[];
  reached: Uint8Array;
  /** Local index of the start step, or -1. */
  start: number;
}

/** Iterative depth-first search from the start: finds loops and a finishing order. */
function buildGraph(steps: ScenarioV1['phases'][number]['steps'], startId: string): PhaseGraph {
  const index = new Map<string, number>();
  steps.forEach((s, i) => index.set(s.id, i));
  const next = steps.map((s) =>
    Int32Array.from(s.options, (o) => (o.next === undefined ? -1 : (index.get(o.next) ?? -1))),
  );
  const back = steps.map((s) => new Uint8Array(s.options.length));
  const state = new Uint8Array(steps.length); // 0 new, 1 on the stack, 2 finished
  const order: number[] = [];
  const start = index.get(startId);
  if (start !== undefined) {
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [u, k] = top;
      const targets = next[u]!;
      if (k < targets.length) {
        top[1] = k + 1;
        const v = targets[k]!;
        if (v < 0) continue;
        if (state[v] === 0) {
          state[v] = 1;
          stack.push([v, 0]);
        } else if (state[v] === 1) back[u]![k] = 1;
      } else {
        state[u] = 2;
        order.push(u);
        stack.pop();
      }
    }
  }
  return {
    next,
    back,
    order,
    reached: state.map((s) => (s === 0 ? 0 : 1)),
    start: start ?? -1,
  };
}

export function analyze(scenario: ScenarioV1): Analysis {
  const competencies = scenario.competencies.map((c) => c.id);
  const C = competencies.length;
  /** Per-competency points, then their total (index C). */
  const pts = (o: { points?: Record<string, number> }) => {
    const v = competencies.map((c) => own(o.points, c) ?? 0);
    v.push(v.reduce((a, b) => a + b, 0));
    return v;
  };
  const zeros = () => new Array<number>(C + 1).fill(0);

  const graphs = scenario.phases.map((p) => buildGraph(p.steps, p.start));
  // Score ranges, last phase first: a phase's end continues into the next phase's start.
  // Vectors hold C per-competency values then the overall total.
  let entryMax = zeros();
  let entryMin = zeros();
  const phaseCounts: { paths: number; capped: boolean }[] = new Array(scenario.phases.length);
  for (let p = scenario.phases.length - 1; p >= 0; p--) {
    const phase = scenario.phases[p]!;
    const g = graphs[p]!;
    const paths = new Float64Array(phase.steps.length);
    const hi: number[][] = [];
    const lo: number[][] = [];
    let capped = false;
    for (const u of g.order) {
      const best = new Array<number>(C + 1).fill(-Infinity);
      const worst = new Array<number>(C + 1).fill(Infinity);
      let count = 0;
      phase.steps[u]!.options.forEach((o, k) => {
        const own = pts(o);
        let contHi: number[] | undefined;
        let contLo: number[] | undefined;
        if (o.ending !== undefined) {
          contHi = contLo = zeros();
          count += 1;
        } else if (o.endsPhase === true) {
          contHi = entryMax;
          contLo = entryMin;
          count += 1;
        } else {
          const v = g.next[u]![k]!;
          if (v >= 0 && !g.back[u]![k] && hi[v] !== undefined) {
            contHi = hi[v];
            contLo = lo[v];
            count += paths[v]!;
          }
        }
        if (contHi === undefined || contLo === undefined) return;
        // Each competency, and the overall total (index C), is maximised on its own.
        for (let c = 0; c <= C; c++) {
          best[c] = Math.max(best[c]!, own[c]! + contHi[c]!);
          worst[c] = Math.min(worst[c]!, own[c]! + contLo[c]!);
        }
      });
      if (count >= PATH_COUNT_CAP) {
        count = PATH_COUNT_CAP;
        capped = true;
      }
      paths[u] = count;
      if (best.every((b) => b !== -Infinity)) {
        hi[u] = best;
        lo[u] = worst;
      }
    }
    const start = g.start;
    phaseCounts[p] = { paths: start >= 0 ? paths[start]! : 0, capped };
    entryMax = (start >= 0 && hi[start]) || zeros();
    entryMin = (start >= 0 && lo[start]) || zeros();
  }

  // Events (as if each fires) and on-time monitoring checks add to the range.
  const extraMax = zeros();
  const extraMin = zeros();
  for (const e of scenario.events) {
    if (!e.respond) continue;
    const choices = [...e.respond.options, e.respond.missed].map(pts);
    for (let c = 0; c <= C; c++) {
      extraMax[c]! += Math.max(...choices.map((v) => v[c]!));
      extraMin[c]! += Math.min(...choices.map((v) => v[c]!));
    }
  }
  for (const m of scenario.protocol.monitoring) {
    const c = competencies.indexOf(m.competency);
    if (c < 0) continue;
    extraMax[c]! += m.points;
    extraMax[C]! += m.points;
  }
  const perCompetency: Record<string, ScoreRange> = {};
  competencies.forEach((id, c) => {
    perCompetency[id] = { min: entryMin[c]! + extraMin[c]!, max: entryMax[c]! + extraMax[c]! };
  });

  // Reachability across phases, critical errors and used content.
  const phases: PhaseAnalysis[] = [];
  const criticalErrors: CriticalError[] = [];
  const cited = new Set<string>();
  const read = new Set<string>();
  const written = new Set<string>();
  const audioUsed = new Set<string>();
  const endingsReached = new Set<string>();
  const noteOption = (o: Option | Missed, path: string, id: string, reachable: boolean) => {
    o.references?.forEach((r) => cited.add(r));
    for (const v of Object.keys(o.effects?.set ?? {})) written.add(v);
    for (const v of Object.keys(o.effects?.add ?? {})) written.add(v);
    if ('when' in o && o.when) readVariables(o.when, read);
    if ('feedbackVariants' in o) o.feedbackVariants?.forEach((v) => readVariables(v.when, read));
    if (!reachable) return;
    if ('ending' in o && o.ending) endingsReached.add(o.ending);
    if (o.critical) criticalErrors.push({ id, path, explanation: o.critical.explanation });
  };
  let phaseReachable = true;
  scenario.phases.forEach((phase, p) => {
    const g = graphs[p]!;
    let endsInto = false;
    let reachableSteps = 0;
    const unreachableSteps: string[] = [];
    phase.steps.forEach((step, s) => {
      const reachable = phaseReachable && g.reached[s] === 1;
      if (g.reached[s]) reachableSteps++;
      else unreachableSteps.push(step.id);
      if (step.audio) audioUsed.add(step.audio);
      step.variants?.forEach((v) => readVariables(v.when, read));
      step.options.forEach((o, k) => {
        noteOption(o, `/phases/${p}/steps/${s}/options/${k}`, o.id, reachable);
        if (reachable && o.endsPhase) endsInto = true;
      });
    });
    phases.push({
      id: phase.id,
      steps: phase.steps.length,
      reachableSteps,
      unreachableSteps,
      paths: phaseCounts[p]!.paths,
      pathsCapped: phaseCounts[p]!.capped,
      reachable: phaseReachable,
    });
    phaseReachable = phaseReachable && endsInto;
  });
  scenario.events.forEach((e, i) => {
    if (e.audio) audioUsed.add(e.audio);
    if (e.when) readVariables(e.when, read);
    e.variants?.forEach((v) => readVariables(v.when, read));
    e.respond?.options.forEach((o, k) =>
      noteOption(o, `/events/${i}/respond/options/${k}`, o.id, true),
    );
    if (e.respond)
      noteOption(e.respond.missed, `/events/${i}/respond/missed`, `${e.id}.missed`, true);
  });
  // A visit's end gates read variables too (a gate holds the visit open while its `when` holds).
  scenario.visit?.endGates?.forEach((g) => readVariables(g.when, read));
  for (const m of scenario.protocol.monitoring) m.references?.forEach((r) => cited.add(r));

  return {
    scenarioId: scenario.id,
    totalSteps: scenario.phases.reduce((n, p) => n + p.steps.length, 0),
    phases,
    scores: {
      perCompetency,
      overall: { min: entryMin[C]! + extraMin[C]!, max: entryMax[C]! + extraMax[C]! },
    },
    criticalErrors,
    unused: {
      references: scenario.references.map((r) => r.id).filter((id) => !cited.has(id)),
      variablesNeverRead: scenario.variables.map((v) => v.id).filter((id) => !read.has(id)),
      variablesNeverWritten: scenario.variables.map((v) => v.id).filter((id) => !written.has(id)),
      audio: (scenario.media?.audio ?? []).map((a) => a.id).filter((id) => !audioUsed.has(id)),
      endings: scenario.endings.map((e) => e.id).filter((id) => !endingsReached.has(id)),
    },
  };
}

/** Collects the variables a condition reads, iteratively. */
function readVariables(root: Condition, into: Set<string>): void {
  const stack: Condition[] = [root];
  while (stack.length > 0) {
    const c = stack.pop()! as Record<string, unknown>;
    if (typeof c.var === 'string') into.add(c.var);
    if (Array.isArray(c.all)) stack.push(...(c.all as Condition[]));
    if (Array.isArray(c.any)) stack.push(...(c.any as Condition[]));
    if (c.not !== undefined) stack.push(c.not as Condition);
  }
}
