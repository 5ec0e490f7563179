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

/** Effects of the drug alone at a CNS effect-site and a pressor-site concentration (ng/mL). */
export function directEffects(
  drug: Drug,
  effectSite: number,
  pressorSite: number,
  toleranceSite = 0,
): DirectEffects {
  const dissC50 = parameter(`${drug}.dissociationC50`);
  const dissHill = parameter('dissociation.hill');
  const pressC50 = dissC50 * parameter('pressor.c50Fraction');
  const cns =
    drug === 'esketamine'
      ? effectSite - parameter('esketamine.toleranceFactor') * toleranceSite
      : effectSite;
  const pressor = sigmoidEmax(pressorSite, 1, pressC50, parameter('pressor.hill'));
  return {
    dissociation: sigmoidEmax(cns, parameter('dissociation.emax'), dissC50, dissHill),
    sedation: sigmoidEmax(
      cns,
      parameter('sedation.emax'),
      parameter(`${drug}.sedationC50`),
      parameter('sedation.hill'),
    ),
    nausea: sigmoidEmax(cns, parameter('nausea.emax'), dissC50, dissHill),
    systolic: pressor * parameter('pressor.systolicEmax'),
    diastolic: pressor * parameter('pressor.diastolicEmax'),
    heartRate: pressor * parameter('pressor.heartRateEmax'),
  };
}
