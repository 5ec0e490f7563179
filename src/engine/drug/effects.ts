/**
 * What the state means for the patient: concentrations and every effect, after sensitivities and
 * interactions.
 */
import { disposition } from './compartments.ts';
import { directEffects } from './emax.ts';
import { adjunctEffects } from './interactions.ts';
import type { DrugEffect, DrugState } from './types.ts';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Concentrations (ng/mL) and effects at state.minute. Dissociation, sedation and nausea are on the
 * 0–10 scale of the scenario's signals (clamped); pressures in mmHg, heart and respiratory rate in
 * /min, SpO2 in percentage points (<= 0). Sensitivity multipliers scale dissociation (and the
 * nausea that follows it), sedation, and the drug's pressor effects.
 */
export function drugEffect(state: DrugState): DrugEffect {
  // Memoised per state object (states are never changed, so the effect of one never changes).
  const hit = effects.get(state);
  if (hit) return hit;
  const made = Object.freeze(computeEffect(state));
  effects.set(state, made);
  return made;
}

const effects = new WeakMap<DrugState, DrugEffect>();

function computeEffect(state: DrugState): DrugEffect {
  const { amounts, sensitivity } = state;
  const v1 = disposition(state.drug, state.weightKg).volumeCentral;
  const plasma = Math.max(0, (amounts.central * 1000) / v1);
  const direct = directEffects(
    state.drug,
    amounts.effectSite,
    amounts.pressorSite,
    amounts.toleranceSite ?? 0,
  );
  const ketamineSedation = clamp(direct.sedation * sensitivity.sedation, 0, 10);
  const adj = adjunctEffects(amounts, state.weightKg, ketamineSedation);
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
