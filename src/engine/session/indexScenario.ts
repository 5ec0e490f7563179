/**
 * indexScenario: looks everything in a scenario up by id, once. The index is shared by every
 * snapshot of a session and serialises to the scenario id only, so snapshots stay small.
 */
import { PHASE_IDS, type PhaseId, type ScenarioV1 } from '../format/schema.ts';
import { checkPrompts } from '../format/check-prompts.ts';

type Phase = ScenarioV1['phases'][number];
export type StepDef = Phase['steps'][number];
export type OptionDef = StepDef['options'][number];
export type EventDef = ScenarioV1['events'][number];
export type CheckDef = ScenarioV1['protocol']['monitoring'][number];
export type EndingDef = ScenarioV1['endings'][number];
export type CompetencyDef = ScenarioV1['competencies'][number];

export interface OptionPlace {
  option: OptionDef;
  stepId?: string;
  eventId?: string;
  phase?: PhaseId;
}

export class ScenarioIndex {
  // Private, behind a getter: XState walks every enumerable field of a restored context, and the
  // scenario (thousands of steps in a large one) needs no walk.
  readonly #scenario: ScenarioV1;
  get scenario(): ScenarioV1 {
    return this.#scenario;
  }
  readonly phases = new Map<PhaseId, Phase>();
  readonly phaseOrder: PhaseId[] = [];
  readonly steps = new Map<string, { step: StepDef; phase: PhaseId }>();
  readonly options = new Map<string, OptionPlace>();
  readonly events = new Map<string, EventDef>();
  readonly checks = new Map<string, CheckDef>();
  readonly endings = new Map<string, EndingDef>();
  readonly competencies = new Map<string, CompetencyDef>();
  readonly audio = new Set<string>();
  /** Step id → the scheduled check it prompts (format/check-prompts.ts). */
  readonly checkPrompts = new Map<string, string>();
  /** The trajectory keyframes sorted by minute. */
  readonly keyframes: ScenarioV1['trajectory'];

  constructor(scenario: ScenarioV1) {
    this.#scenario = scenario;
    for (const phase of scenario.phases) {
      if (this.phases.has(phase.id)) continue;
      this.phases.set(phase.id, phase);
      for (const step of phase.steps) {
        if (this.steps.has(step.id)) continue;
        this.steps.set(step.id, { step, phase: phase.id });
        for (const option of step.options) {
          if (!this.options.has(option.id))
            this.options.set(option.id, { option, stepId: step.id, phase: phase.id });
        }
      }
    }
    for (const id of PHASE_IDS) if (this.phases.has(id)) this.phaseOrder.push(id);
    for (const event of scenario.events) {
      if (this.events.has(event.id)) continue;
      this.events.set(event.id, event);
      for (const option of event.respond?.options ?? []) {
        if (!this.options.has(option.id))
          this.options.set(option.id, { option, eventId: event.id });
      }
    }
    for (const check of scenario.protocol.monitoring)
      if (!this.checks.has(check.id)) this.checks.set(check.id, check);
    for (const ending of scenario.endings)
      if (!this.endings.has(ending.id)) this.endings.set(ending.id, ending);
    for (const c of scenario.competencies)
      if (!this.competencies.has(c.id)) this.competencies.set(c.id, c);
    for (const clip of scenario.media?.audio ?? []) this.audio.add(clip.id);
    this.keyframes = [...scenario.trajectory].sort((a, b) => a.minute - b.minute);
    for (const prompt of checkPrompts(scenario))
      this.checkPrompts.set(prompt.stepId, prompt.checkId);
  }

  /** The phase after `phase` in session order, or null after the last. */
  nextPhase(phase: PhaseId): PhaseId | null {
    const i = this.phaseOrder.indexOf(phase);
    return i < 0 ? null : (this.phaseOrder[i + 1] ?? null);
  }

  /** Weighted total of an option's points (competency weights from the scenario). */
  weighted(points: Record<string, number> | undefined): number {
    let total = 0;
    for (const [id, p] of Object.entries(points ?? {}))
      total += p * (this.competencies.get(id)?.weight ?? 0);
    return total;
  }

  /** Snapshots carry the index by reference; in JSON only the scenario id remains. */
  toJSON(): { scenarioId: string } {
    return { scenarioId: this.scenario.id };
  }
}

const cache = new WeakMap<ScenarioV1, ScenarioIndex>();

/** The index of a scenario, built on first use and reused for the same scenario object. */
export function indexScenario(scenario: ScenarioV1): ScenarioIndex {
  let index = cache.get(scenario);
  if (!index) {
    index = new ScenarioIndex(scenario);
    cache.set(scenario, index);
  }
  return index;
}
