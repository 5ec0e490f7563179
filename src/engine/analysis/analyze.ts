/**
 * Static analysis of a valid scenario: reachability, how many distinct paths each phase has
 * (counted, never enumerated), the lowest and highest achievable scores, reachable critical
 * errors and unused content. Linear in the size of the scenario; graph walks are iterative.
 *
 * Gates: the session refuses some choices while its state says so (the dose at a hard-stop
 * reading, a discharge before the criteria are met, an ending while an end gate holds), and a
 * refused choice changes nothing and records nothing. Whether a gate opens depends on readings
 * and facts of the play, which a file alone cannot tell, so every figure is given twice where it
 * differs: counting each gated choice as if its gate opens (an upper bound of what the session
 * allows), and without any gated choice (what no gate can take away; no dose is given on such a
 * path). Which options are gated is the session's own gate table (`gatesOf`, session/gates.ts).
 */
import type { PhaseId, ScenarioV1 } from '../format/schema.ts';
import { own } from '../format/own.ts';
import { gatesOf, type GateId } from '../session/gates.ts';
import { arrivalMinuteOf } from '../session/timing.ts';

type Option = ScenarioV1['phases'][number]['steps'][number]['options'][number];
type Condition = NonNullable<Option['when']>;
type Missed = NonNullable<ScenarioV1['events'][number]['respond']>['missed'];

/** Path counts at or above this are reported as capped. */
export const PATH_COUNT_CAP = 1e15;

export interface ScoreRange {
  min: number;
  max: number;
}

export interface Scores {
  /**
   * Lowest and highest raw points per competency, each taken over the paths on its own: the path
   * that reaches one competency's maximum need not reach another's, so `overall.max` can be below
   * the sum of the competency maxima.
   */
  perCompetency: Record<string, ScoreRange>;
  overall: ScoreRange;
  /**
   * Competencies that no path counted here scores: no option, event response or monitoring check
   * on such a path gives them points. Their range is printed as min 0, max 0, which here means
   * "never scored", not "scores zero".
   */
  notScored: string[];
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
  /**
   * Of `paths`, those that take no gated choice (capped like `paths`); 0 when the phase can be
   * entered only through a gated choice.
   */
  pathsWithoutGates: number;
  /** True when `pathsWithoutGates` reached PATH_COUNT_CAP. */
  pathsWithoutGatesCapped: boolean;
  /** Whether the phase can be entered with no gated choice on the way. */
  reachableWithoutGates: boolean;
  /** Reachable steps that only a gated choice of this phase leads to. */
  stepsOnlyThroughGates: string[];
}

export interface CriticalError {
  /** Option id, or "<event id>.missed" for a missed event response. */
  id: string;
  path: string;
  explanation: string;
  /** The gates the session asks about this option itself: a refused choice records no error. */
  gates: GateId[];
  /**
   * Whether the error is recorded only if a gate opens: the option is gated, its step or phase is
   * reached only through a gated choice, or (an event's) it fires only after the dose.
   */
  gated: boolean;
}

export interface Analysis {
  scenarioId: string;
  totalSteps: number;
  phases: PhaseAnalysis[];
  /**
   * Raw points over loop-free paths, including event responses and on-time monitoring checks,
   * counting every gated choice as if its gate opens.
   */
  scores: Scores;
  /**
   * The same over paths with no gated choice (so no dose: events and checks on the dose clock
   * left out); null when no such path reaches an ending. The session's true range lies between
   * this and `scores` (conditions aside).
   */
  scoresWithoutGates: Scores | null;
  /** Gate → the options (and event responses) the session asks it about. */
  gatedChoices: Partial<Record<GateId, string[]>>;
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

/** Per phase: the distinct paths to its end, and the point vectors from its start to the visit's end. */
interface PhaseRanges {
  counts: { paths: number; capped: boolean }[];
  /** Highest and lowest points from the first phase's start (undefined: no path ends the visit). */
  entry: { max: number[]; min: number[] } | undefined;
}

/**
 * Paths and points over the phases' loop-free paths, last phase first (a phase's end continues
 * into the next phase's start), taking only the options `usable` allows. Paths are counted to
 * each phase's end. Points are counted to an ending: vectors hold C per-competency values then
 * the overall total, and an option into a phase from whose start no usable path ends the visit
 * adds no points.
 */
function phaseRanges(
  scenario: ScenarioV1,
  graphs: PhaseGraph[],
  pts: (o: { points?: Record<string, number> }) => number[],
  C: number,
  usable: (p: number, s: number, k: number) => boolean,
): PhaseRanges {
  const zeros = () => new Array<number>(C + 1).fill(0);
  let entry: PhaseRanges['entry'] = { max: zeros(), min: zeros() };
  const counts: PhaseRanges['counts'] = new Array(scenario.phases.length);
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
        if (!usable(p, u, k)) return;
        const own = pts(o);
        let contHi: number[] | undefined;
        let contLo: number[] | undefined;
        if (o.ending !== undefined) {
          contHi = contLo = zeros();
          count += 1;
        } else if (o.endsPhase === true) {
          // A path to the phase's end, whether or not the next phase can end; its points
          // count only when the visit can go on to an ending.
          count += 1;
          contHi = entry?.max;
          contLo = entry?.min;
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
    counts[p] = { paths: start >= 0 ? paths[start]! : 0, capped };
    entry = start >= 0 && hi[start] ? { max: hi[start], min: lo[start]! } : undefined;
  }
  return { counts, entry };
}

/** Steps reached from the start along the options `usable` allows (loops included). */
function reachedAlong(g: PhaseGraph, usable: (s: number, k: number) => boolean): Uint8Array {
  const reached = new Uint8Array(g.next.length);
  if (g.start < 0) return reached;
  reached[g.start] = 1;
  const stack = [g.start];
  while (stack.length > 0) {
    const u = stack.pop()!;
    g.next[u]!.forEach((v, k) => {
      if (v >= 0 && !reached[v] && usable(u, k)) {
        reached[v] = 1;
        stack.push(v);
      }
    });
  }
  return reached;
}

/** Whether a scenario time on clock `from` can come before the dose (the session's own clock rule). */
const beforeDose = (from: 'dose' | 'arrival' | 'recheck' | undefined) =>
  arrivalMinuteOf({ doseClock: null }, 0, from) !== null;

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

  // The gates the session asks about each option, where it is chosen (session/gates.ts).
  const phaseIds = scenario.phases.map((p) => p.id as PhaseId);
  const gatesAt = scenario.phases.map((phase, p) =>
    phase.steps.map((step) =>
      step.options.map((o) =>
        gatesOf(o, { scenario, phase: phaseIds[p]!, nextPhase: phaseIds[p + 1] ?? null }),
      ),
    ),
  );
  const ungated = (p: number, s: number, k: number) => gatesAt[p]![s]![k]!.length === 0;
  const eventGates = scenario.events.map(
    (e) =>
      e.respond?.options.map((o) => gatesOf(o, { scenario, phase: null, nextPhase: null })) ?? [],
  );

  const graphs = scenario.phases.map((p) => buildGraph(p.steps, p.start));
  const open = phaseRanges(scenario, graphs, pts, C, () => true);
  const free = phaseRanges(scenario, graphs, pts, C, ungated);

  // Events (as if each fires) and on-time monitoring checks add to the range; without a gated
  // choice no dose is given, so only those on the arrival clock can come.
  const extras = (
    withoutDose: boolean,
    pts: (o: { points?: Record<string, number> }) => number[],
    checkPoints: (points: number) => number,
  ) => {
    const max = zeros();
    const min = zeros();
    scenario.events.forEach((e, i) => {
      if (!e.respond) return;
      if (withoutDose && !beforeDose(e.trigger.from)) return;
      const choices = [
        ...e.respond.options.filter((_, k) => !withoutDose || eventGates[i]![k]!.length === 0),
        e.respond.missed,
      ].map(pts);
      for (let c = 0; c <= C; c++) {
        max[c]! += Math.max(...choices.map((v) => v[c]!));
        min[c]! += Math.min(...choices.map((v) => v[c]!));
      }
    });
    for (const m of scenario.protocol.monitoring) {
      const c = competencies.indexOf(m.competency);
      if (c < 0 || (withoutDose && !beforeDose(m.from))) continue;
      max[c]! += checkPoints(m.points);
      max[C]! += checkPoints(m.points);
    }
    return { max, min };
  };
  // The same walk over "does this option score the competency at all" (1 or 0): a highest count
  // of 0 means no path counted scores it.
  const scoresIt = (o: { points?: Record<string, number> }) => {
    const v = competencies.map((c) => ((own(o.points, c) ?? 0) !== 0 ? 1 : 0));
    v.push(0);
    return v;
  };
  const notScoredOf = (
    usable: (p: number, s: number, k: number) => boolean,
    withoutDose: boolean,
  ) => {
    const entry = phaseRanges(scenario, graphs, scoresIt, C, usable).entry;
    const extra = extras(withoutDose, scoresIt, (points) => (points !== 0 ? 1 : 0));
    return competencies.filter((_, c) => (entry?.max[c] ?? 0) + extra.max[c]! === 0);
  };
  const scoresOf = (
    ranges: PhaseRanges,
    usable: (p: number, s: number, k: number) => boolean,
    withoutDose: boolean,
  ): Scores | null => {
    if (!ranges.entry && withoutDose) return null;
    const entry = ranges.entry ?? { max: zeros(), min: zeros() };
    const extra = extras(withoutDose, pts, (points) => points);
    const perCompetency: Record<string, ScoreRange> = {};
    competencies.forEach((id, c) => {
      perCompetency[id] = {
        min: entry.min[c]! + extra.min[c]!,
        max: entry.max[c]! + extra.max[c]!,
      };
    });
    return {
      perCompetency,
      overall: { min: entry.min[C]! + extra.min[C]!, max: entry.max[C]! + extra.max[C]! },
      notScored: notScoredOf(usable, withoutDose),
    };
  };

  // Reachability across phases, critical errors and used content.
  const phases: PhaseAnalysis[] = [];
  const criticalErrors: CriticalError[] = [];
  const gatedChoices: Partial<Record<GateId, string[]>> = {};
  const noteGates = (id: string, gates: GateId[]) => {
    for (const g of gates) (gatedChoices[g] ??= []).push(id);
  };
  const cited = new Set<string>();
  const read = new Set<string>();
  const written = new Set<string>();
  const audioUsed = new Set<string>();
  const endingsReached = new Set<string>();
  const noteOption = (
    o: Option | Missed,
    path: string,
    id: string,
    reachable: boolean,
    gates: GateId[],
    wayGated: boolean,
  ) => {
    o.references?.forEach((r) => cited.add(r));
    for (const v of Object.keys(o.effects?.set ?? {})) written.add(v);
    for (const v of Object.keys(o.effects?.add ?? {})) written.add(v);
    if ('when' in o && o.when) readVariables(o.when, read);
    if ('feedbackVariants' in o) o.feedbackVariants?.forEach((v) => readVariables(v.when, read));
    if (!reachable) return;
    if ('ending' in o && o.ending) endingsReached.add(o.ending);
    if (o.critical)
      criticalErrors.push({
        id,
        path,
        explanation: o.critical.explanation,
        gates,
        gated: wayGated || gates.length > 0,
      });
  };
  let phaseReachable = true;
  let phaseFree = true;
  scenario.phases.forEach((phase, p) => {
    const g = graphs[p]!;
    const reachedFree = reachedAlong(g, (s, k) => ungated(p, s, k));
    let endsInto = false;
    let endsIntoFree = false;
    let reachableSteps = 0;
    const unreachableSteps: string[] = [];
    const stepsOnlyThroughGates: string[] = [];
    phase.steps.forEach((step, s) => {
      const reachable = phaseReachable && g.reached[s] === 1;
      const free = phaseFree && reachedFree[s] === 1;
      if (g.reached[s]) reachableSteps++;
      else unreachableSteps.push(step.id);
      if (g.reached[s] && !reachedFree[s]) stepsOnlyThroughGates.push(step.id);
      if (step.audio) audioUsed.add(step.audio);
      step.variants?.forEach((v) => readVariables(v.when, read));
      step.options.forEach((o, k) => {
        const gates = gatesAt[p]![s]![k]!;
        if (reachable) noteGates(o.id, gates);
        noteOption(o, `/phases/${p}/steps/${s}/options/${k}`, o.id, reachable, gates, !free);
        if (reachable && o.endsPhase) endsInto = true;
        if (free && o.endsPhase && gates.length === 0) endsIntoFree = true;
      });
    });
    phases.push({
      id: phase.id,
      steps: phase.steps.length,
      reachableSteps,
      unreachableSteps,
      paths: open.counts[p]!.paths,
      pathsCapped: open.counts[p]!.capped,
      reachable: phaseReachable,
      pathsWithoutGates: phaseFree ? free.counts[p]!.paths : 0,
      pathsWithoutGatesCapped: phaseFree && free.counts[p]!.capped,
      reachableWithoutGates: phaseFree,
      stepsOnlyThroughGates,
    });
    phaseReachable = phaseReachable && endsInto;
    phaseFree = phaseFree && endsIntoFree;
  });
  scenario.events.forEach((e, i) => {
    if (e.audio) audioUsed.add(e.audio);
    if (e.when) readVariables(e.when, read);
    e.variants?.forEach((v) => readVariables(v.when, read));
    // An event on the dose clock fires only after the dose, which a gate may refuse.
    const afterDose = !beforeDose(e.trigger.from);
    e.respond?.options.forEach((o, k) => {
      const gates = eventGates[i]![k]!;
      noteGates(o.id, gates);
      noteOption(o, `/events/${i}/respond/options/${k}`, o.id, true, gates, afterDose);
    });
    if (e.respond)
      noteOption(
        e.respond.missed,
        `/events/${i}/respond/missed`,
        `${e.id}.missed`,
        true,
        [],
        afterDose,
      );
  });
  // A visit's end gates read variables too (a gate holds the visit open while its `when` holds).
  scenario.visit?.endGates?.forEach((g) => readVariables(g.when, read));
  for (const m of scenario.protocol.monitoring) m.references?.forEach((r) => cited.add(r));

  return {
    scenarioId: scenario.id,
    totalSteps: scenario.phases.reduce((n, p) => n + p.steps.length, 0),
    phases,
    scores: scoresOf(open, () => true, false)!,
    scoresWithoutGates: scoresOf(free, ungated, true),
    gatedChoices,
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
