/**
 * The one phase table: every fact about a phase that the engine needs (whether it comes after the
 * dose, which region of the dosed state plays it, and where it lives in the statechart). The
 * machine's phase edges, the clock, the preview and the workspace all read this table.
 */
import { VISIT_PHASES, type PhaseId, type ScenarioV1, type VisitKind } from '../format/schema.ts';

export interface PhaseInfo {
  id: PhaseId;
  /** The phase is played after the dose: a session there is always dosed. */
  afterDose: boolean;
  /** The phase is played in the therapy region of the dosed state, beside the observation region. */
  therapy: boolean;
  /** The id of the statechart state that plays the phase. */
  stateId: string;
}

export const PHASES: readonly PhaseInfo[] = [
  {
    id: 'preparation',
    afterDose: false,
    therapy: false,
    stateId: '#kap.visit.active.preparation',
  },
  {
    id: 'administration',
    afterDose: false,
    therapy: false,
    stateId: '#kap.visit.active.administration',
  },
  {
    id: 'monitoring',
    afterDose: true,
    therapy: true,
    stateId: '#kap.visit.active.dosed.therapy.acuteSupport',
  },
  {
    id: 'guidedConversation',
    afterDose: true,
    therapy: true,
    stateId: '#kap.visit.active.dosed.therapy.guidedConversation',
  },
  {
    id: 'integration',
    afterDose: true,
    therapy: false,
    stateId: '#kap.visit.active.integration',
  },
];

const BY_ID = new Map(PHASES.map((p) => [p.id, p]));

/** The table row of a phase. */
export function phaseInfo(phase: PhaseId): PhaseInfo {
  return BY_ID.get(phase)!;
}

/** Phases that come after the dose (a preview there is always dosed). */
export const AFTER_DOSE: readonly PhaseId[] = PHASES.filter((p) => p.afterDose).map((p) => p.id);

/** Whether a phase is played in the therapy region of the dosed state. */
export function isTherapyPhase(phase: PhaseId | null): boolean {
  return phase !== null && phaseInfo(phase).therapy;
}

/** The kind of visit a scenario is (a dosing visit unless it says otherwise). */
export function visitKind(scenario: ScenarioV1): VisitKind {
  return scenario.visit?.kind ?? 'dosing';
}

/** The phases of a kind of visit, in order (the format's table, VISIT_PHASES). */
export function visitPhases(kind: VisitKind): readonly PhaseId[] {
  return VISIT_PHASES[kind];
}

/** Whether a visit of this kind gives a dose (its phases include administration). */
export function visitDoses(kind: VisitKind): boolean {
  return visitPhases(kind).includes('administration');
}

/** Whether step `atMinute` values count in this phase (the phases after the dose). */
export function isTimedPhase(phase: PhaseId | null): boolean {
  return phase !== null && phaseInfo(phase).afterDose;
}
