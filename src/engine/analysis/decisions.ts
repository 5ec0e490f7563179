/**
 * What the options of a valid scenario give away or leave out, found statically (conditions and
 * protocol gates are not followed):
 * - steps that only weaker options lead to, so the best path never meets them;
 * - position and length cues: the best option written first, or the longest, in most steps;
 * - spoken options the patient never reacts to;
 * - the practice standards each path breaches, when options cite them (`standards`).
 * "Best" and "weaker" go by weighted points: each competency's points times its weight, summed;
 * a critical option is never the best (the one rule, format/best-option.ts).
 */
import type { ScenarioV1 } from '../format/schema.ts';
import { own } from '../format/own.ts';
import { bestOption, weightedPoints } from '../format/best-option.ts';

type Phase = ScenarioV1['phases'][number];
type Option = Phase['steps'][number]['options'][number];

export interface WeakerOnlyStep {
  phase: string;
  stepId: string;
  /** The options that lead to the step (none of them the best at its own step). */
  reachedBy: string[];
}

export interface Cue {
  /** Choice sets (steps and event responses) with two or more options and a single best. */
  choiceSets: number;
  /** In how many of them the best option is written first. */
  bestFirst: number;
  /** In how many of them the best option's text is strictly the longest. */
  bestLongest: number;
}

export interface StandardsByPath {
  /** Whether any option cites standards (the optional `standards: {meets, breaches}` field). */
  cited: boolean;
  /** Standards breached along the path that always takes the best option. */
  bestPath: string[];
  /** Standards breached along the path that always takes the weakest option. */
  worstPath: string[];
  /** Every cited breach: standard id → the option ids (and "<event>.missed") that breach it. */
  breachedBy: Record<string, string[]>;
}

export interface DecisionAnalysis {
  weakerOnlySteps: WeakerOnlyStep[];
  cues: Cue;
  /** Spoken options (responses) with no patient reaction: the option ids. */
  spokenWithoutReaction: string[];
  standards: StandardsByPath;
}

/** An optional list of ids on an option, read defensively (it may be absent or malformed). */
function idsAt(value: unknown, key: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** The standards an option (or a missed event) says it breaches; [] when it cites none. */
export function breaches(item: object): string[] {
  return idsAt((item as { standards?: unknown }).standards, 'breaches');
}

/** An option's own reaction text, if the format gives it one (read defensively). */
function ownReaction(option: object): boolean {
  const r = (option as { reaction?: unknown }).reaction;
  return typeof r === 'string' && r.trim() !== '';
}

/** Whether what the trainee says at a line by this speaker is said to the patient. */
const toPatient = (speaker: string) => speaker !== 'prescriber' && speaker !== 'companion';

export function analyzeDecisions(scenario: ScenarioV1): DecisionAnalysis {
  const weights = new Map(scenario.competencies.map((c) => [c.id, c.weight]));
  const weighted = (o: { points?: Record<string, number> }) => weightedPoints(o.points, weights);
  /** The best option (format/best-option.ts: never a critical one; −1 when none), and whether it is the only best. */
  const bestOf = (options: readonly Option[]) => {
    const { index, unique } = bestOption(options, weighted);
    return { best: index, unique };
  };
  const worstOf = (options: readonly Option[]) => {
    let worst = 0;
    options.forEach((o, k) => {
      if (weighted(o) < weighted(options[worst]!)) worst = k;
    });
    return worst;
  };

  // Cues, over steps and event responses.
  const cues: Cue = { choiceSets: 0, bestFirst: 0, bestLongest: 0 };
  const sets = [
    ...scenario.phases.flatMap((p) => p.steps.map((s) => s.options)),
    ...scenario.events.flatMap((e) => (e.respond ? [e.respond.options] : [])),
  ];
  for (const options of sets) {
    if (options.length < 2) continue;
    const { best, unique } = bestOf(options);
    if (!unique) continue;
    cues.choiceSets++;
    if (best === 0) cues.bestFirst++;
    const length = options[best]!.text.length;
    if (options.every((o, k) => k === best || o.text.length < length)) cues.bestLongest++;
  }

  // Steps only weaker options reach, per phase (the phase's start is always met): walk once
  // along every option, once along best options only, and compare.
  const weakerOnlySteps: WeakerOnlyStep[] = [];
  for (const phase of scenario.phases) {
    const steps = new Map(phase.steps.map((s) => [s.id, s]));
    const reachedBy = new Map<string, string[]>();
    const walk = (bestOnly: boolean) => {
      const seen = new Set<string>([phase.start]);
      const stack = [phase.start];
      while (stack.length > 0) {
        const step = steps.get(stack.pop()!);
        if (!step) continue;
        const best = step.options[bestOf(step.options).best];
        const top = best ? weighted(best) : NaN;
        for (const o of step.options) {
          const isBest = !o.critical && weighted(o) === top;
          if (o.next === undefined || (bestOnly && !isBest)) continue;
          if (!bestOnly) reachedBy.set(o.next, [...(reachedBy.get(o.next) ?? []), o.id]);
          if (!seen.has(o.next)) {
            seen.add(o.next);
            stack.push(o.next);
          }
        }
      }
      return seen;
    };
    const reached = walk(false);
    const viaBest = walk(true);
    for (const step of phase.steps)
      if (reached.has(step.id) && !viaBest.has(step.id))
        weakerOnlySteps.push({
          phase: phase.id,
          stepId: step.id,
          reachedBy: reachedBy.get(step.id) ?? [],
        });
  }

  // Spoken options the patient never reacts to: a response with no reaction of its own that
  // leads to no patient line (its next step, or the next phase's first step, is not the patient
  // speaking), or that answers an event. What is said to a prescriber or a companion (a step or
  // event they speak) is answered by them, not by the patient, so it is not listed.
  const speakerOf = new Map<string, string>();
  for (const p of scenario.phases) for (const s of p.steps) speakerOf.set(s.id, s.speaker);
  const spokenWithoutReaction: string[] = [];
  scenario.phases.forEach((phase, p) => {
    const nextStart = scenario.phases[p + 1]?.start;
    for (const step of phase.steps)
      for (const o of step.options) {
        if (o.kind !== 'response' || ownReaction(o) || !toPatient(step.speaker)) continue;
        const target = o.next ?? (o.endsPhase ? nextStart : undefined);
        if (target === undefined || speakerOf.get(target) !== 'patient')
          spokenWithoutReaction.push(o.id);
      }
  });
  for (const e of scenario.events)
    for (const o of e.respond?.options ?? [])
      if (o.kind === 'response' && !ownReaction(o) && toPatient(e.speaker ?? 'narrator'))
        spokenWithoutReaction.push(o.id);

  // Standards: every cited breach, and the breaches along the best and the worst path.
  const breachedBy: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  let cited = false;
  const note = (item: object, id: string) => {
    if ((item as { standards?: unknown }).standards !== undefined) cited = true;
    for (const s of breaches(item)) (own(breachedBy, s) ?? (breachedBy[s] = [])).push(id);
  };
  for (const p of scenario.phases)
    for (const s of p.steps) for (const o of s.options) note(o, o.id);
  for (const e of scenario.events) {
    for (const o of e.respond?.options ?? []) note(o, o.id);
    if (e.respond) note(e.respond.missed, `${e.id}.missed`);
  }
  const along = (choose: (options: readonly Option[]) => number) => {
    const found = new Set<string>();
    for (const phase of scenario.phases) {
      const steps = new Map(phase.steps.map((s) => [s.id, s]));
      const visited = new Set<string>();
      let id: string | undefined = phase.start;
      let ended = false;
      while (id !== undefined && !visited.has(id)) {
        visited.add(id);
        const step = steps.get(id);
        if (!step) break;
        const o: Option | undefined = step.options[choose(step.options)];
        if (!o) break;
        for (const s of breaches(o)) found.add(s);
        if (o.ending !== undefined) ended = true;
        id = o.next;
      }
      if (ended) break;
    }
    return [...found].sort();
  };
  return {
    weakerOnlySteps,
    cues,
    spokenWithoutReaction,
    standards: {
      cited,
      bestPath: along((options) => bestOf(options).best),
      worstPath: along(worstOf),
      breachedBy: { ...breachedBy },
    },
  };
}
