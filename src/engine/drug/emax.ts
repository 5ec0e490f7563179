/**
 * Concentration-effect curves of the drug itself (sigmoid Emax, Hill equation).
 * Sources and which numbers are calibrated: parameters.ts.
 */
import { parameter } from './parameters.ts';
import type { Drug } from './types.ts';

/**
 * E = Emax · C^γ / (C50^γ + C^γ). C and C50 in the same unit; C <= 0 gives 0.
 * @throws RangeError when C50 <= 0 or γ <= 0.
 */
export function sigmoidEmax(
  concentration: number,
  emax: number,
  c50: number,
  hill: number,
): number {
  if (!(c50 > 0) || !(hill > 0))
    throw new RangeError(
      `sigmoidEmax: C50 (${c50}) and the Hill coefficient (${hill}) must be > 0.`,
    );
  if (!(concentration > 0)) return 0;
  const x = (concentration / c50) ** hill;
  return (emax * x) / (1 + x);
}

/** The drug's own effects at effect-site concentrations (ng/mL), before interactions. */
export interface DirectEffects {
  dissociation: number;
  sedation: number;
  nausea: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
}

/** The parameters directEffects reads for a drug (see parameters.ts). */
export interface DirectConstants {
  dissociationC50: number;
  dissociationHill: number;
  dissociationEmax: number;
  /** The pressor site's C50: the dissociation C50 × pressor.c50Fraction. */
  pressorC50: number;
  pressorHill: number;
  /** Esketamine's tolerance factor; null for the racemate (no acute tolerance modelled). */
  toleranceFactor: number | null;
  sedationEmax: number;
  sedationC50: number;
  sedationHill: number;
  nauseaEmax: number;
  systolicEmax: number;
  diastolicEmax: number;
  heartRateEmax: number;
}

/** directEffects' parameters for `drug`, looked up from the table. */
export function directConstants(drug: Drug): DirectConstants {
  const dissociationC50 = parameter(`${drug}.dissociationC50`);
  return {
    dissociationC50,
    dissociationHill: parameter('dissociation.hill'),
    dissociationEmax: parameter('dissociation.emax'),
    pressorC50: dissociationC50 * parameter('pressor.c50Fraction'),
    pressorHill: parameter('pressor.hill'),
    toleranceFactor: drug === 'esketamine' ? parameter('esketamine.toleranceFactor') : null,
    sedationEmax: parameter('sedation.emax'),
    sedationC50: parameter(`${drug}.sedationC50`),
    sedationHill: parameter('sedation.hill'),
    nauseaEmax: parameter('nausea.emax'),
    systolicEmax: parameter('pressor.systolicEmax'),
    diastolicEmax: parameter('pressor.diastolicEmax'),
    heartRateEmax: parameter('pressor.heartRateEmax'),
  };
}

/** Effects of the drug alone at a CNS effect-site and a pressor-site concentration (ng/mL). */
export function directEffects(
  drug: Drug,
  effectSite: number,
  pressorSite: number,
  toleranceSite = 0,
): DirectEffects {
  return directEffectsWith(directConstants(drug), effectSite, pressorSite, toleranceSite);
}

/**
 * directEffects with the drug's parameters already looked up (directConstants): the drug model
 * looks them up once per drug, not once per minute.
 */
export function directEffectsWith(
  k: DirectConstants,
  effectSite: number,
  pressorSite: number,
  toleranceSite = 0,
): DirectEffects {
  const cns =
    k.toleranceFactor === null ? effectSite : effectSite - k.toleranceFactor * toleranceSite;
  const pressor = sigmoidEmax(pressorSite, 1, k.pressorC50, k.pressorHill);
  return {
    dissociation: sigmoidEmax(cns, k.dissociationEmax, k.dissociationC50, k.dissociationHill),
    sedation: sigmoidEmax(cns, k.sedationEmax, k.sedationC50, k.sedationHill),
    nausea: sigmoidEmax(cns, k.nauseaEmax, k.dissociationC50, k.dissociationHill),
    systolic: pressor * k.systolicEmax,
    diastolic: pressor * k.diastolicEmax,
    heartRate: pressor * k.heartRateEmax,
  };
}
