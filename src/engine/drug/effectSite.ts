/**
 * Effect sites: hypothetical compartments of negligible volume that follow the plasma
 * concentration with first-order delay, dCe/dt = ke0·(Cp − Ce) (Sheiner's effect-compartment link).
 * Two sites: one for the CNS effects (dissociation, sedation, nausea) and a slower one for the
 * haemodynamic (pressor) effects. Both ke0 values are calibrated; see parameters.ts.
 */
import { parameter } from './parameters.ts';

export interface EffectSiteLink {
  /** Rate constant, 1/min. */
  ke0: number;
}

/** The CNS effect site (dissociation, sedation, nausea). */
export function cnsEffectSite(): EffectSiteLink {
  return { ke0: parameter('effectSite.ke0') };
}

/** The effect site driving systolic, diastolic and heart-rate rises. */
export function pressorEffectSite(): EffectSiteLink {
  return { ke0: parameter('pressorSite.ke0') };
}

/**
 * The slower site behind the acute tolerance of esketamine's CNS effects (see emax.ts): its
 * concentration, times a factor, is subtracted from the effect-site concentration.
 */
export function toleranceSite(): EffectSiteLink {
  return { ke0: parameter('esketamine.toleranceKe0') };
}
