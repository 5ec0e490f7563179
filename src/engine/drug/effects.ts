/**
 * What the state means for the patient: concentrations and every effect, after sensitivities and
 * interactions.
 */
import { disposition } from './compartments.ts';
import { directConstants, directEffectsWith, type DirectConstants } from './emax.ts';
import { effectOf } from './runs.ts';
import { adjunctConstants, adjunctEffectsWith, type AdjunctConstants } from './interactions.ts';
import type { Drug, DrugEffect, DrugState } from './types.ts';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Concentrations (ng/mL) and effects at state.minute. Dissociation, sedation and nausea are on the
 * 0–10 scale of the scenario's signals (clamped); pressures in mmHg, heart and respiratory rate in
 * /min, SpO2 in percentage points (<= 0). Sensitivity multipliers scale dissociation (and the
 * nausea that follows it), sedation, and the drug's pressor effects.
 */
export function drugEffect(state: DrugState): DrugEffect {
  // Memoised per state object (states are never changed, so the effect of one never changes).
  return effectOf(state, computeEffect);
}

const computeEffect = (state: DrugState): DrugEffect =>
  Object.freeze(effectWith(constantsFor(state.drug, state.weightKg), state));

/** What the effect of a state reads besides the state: parameters, and values derived from them. */
interface EffectConstants {
  drug: Drug;
  weightKg: number;
  /** The central volume for the drug and weight, L. */
  volumeCentral: number;
  direct: DirectConstants;
  adjunct: AdjunctConstants;
}

/** The constants for a drug and weight, looked up from the parameter table. */
function effectConstants(drug: Drug, weightKg: number): EffectConstants {
  return {
    drug,
    weightKg,
    volumeCentral: disposition(drug, weightKg).volumeCentral,
    direct: directConstants(drug),
    adjunct: adjunctConstants(weightKg),
  };
}

/**
 * The constants of the last drug and weight asked for: a session asks for one drug and weight
 * minute after minute. The same numbers as fresh ones (the table does not change).
 */
let last: EffectConstants | null = null;

function constantsFor(drug: Drug, weightKg: number): EffectConstants {
  if (last === null || last.weightKg !== weightKg || last.drug !== drug)
    last = effectConstants(drug, weightKg);
  return last;
}

/**
 * The effect of a state with every constant looked up afresh: what drugEffect (constants looked
 * up once per drug and weight, results memoised per state) must equal to the bit; a unit test
 * holds it to that. Not used by the model.
 */
export function referenceEffect(state: DrugState): DrugEffect {
  return effectWith(effectConstants(state.drug, state.weightKg), state);
}

function effectWith(k: EffectConstants, state: DrugState): DrugEffect {
  const { amounts, sensitivity } = state;
  const plasma = Math.max(0, (amounts.central * 1000) / k.volumeCentral);
  const direct = directEffectsWith(
    k.direct,
    amounts.effectSite,
    amounts.pressorSite,
    amounts.toleranceSite ?? 0,
  );
  const ketamineSedation = clamp(direct.sedation * sensitivity.sedation, 0, 10);
  const adj = adjunctEffectsWith(k.adjunct, amounts, ketamineSedation);
  return {
    plasmaNgPerMl: plasma,
    effectSiteNgPerMl: Math.max(0, amounts.effectSite),
    dissociation: clamp(direct.dissociation * sensitivity.dissociation, 0, 10),
    sedation: clamp(ketamineSedation + adj.sedation * sensitivity.sedation, 0, 10),
    systolicDelta: direct.systolic * sensitivity.pressor + adj.systolic,
    diastolicDelta: direct.diastolic * sensitivity.pressor + adj.diastolic,
    heartRateDelta: direct.heartRate * sensitivity.pressor + adj.heartRate,
    respiratoryRateDelta: Math.min(0, adj.respiratoryRate) + 0, // + 0: never -0
    spo2Delta: Math.min(0, adj.spo2) + 0,
    nauseaDelta: clamp(direct.nausea * sensitivity.dissociation, 0, 10),
  };
}
