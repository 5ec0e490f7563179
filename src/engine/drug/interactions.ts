/**
 * Adjunct medications and how they change the drug's effects:
 * - a benzodiazepine (modelled as lorazepam by mouth; before arrival or during the visit) adds
 *   sedation and lowers respiratory rate and SpO2, more so while ketamine sedation adds to it;
 * - clonidine or labetalol (by mouth) lower systolic and diastolic pressure and heart rate.
 * The effect sizes are calibrated, not measured (see parameters.ts).
 */
import { sigmoidEmax } from './emax.ts';
import { parameter } from './parameters.ts';
import type { DrugCompartments } from './types.ts';

export interface AdjunctEffects {
  sedation: number;
  respiratoryRate: number;
  spo2: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
}

/** The parameters adjunctEffects reads for a body weight (see parameters.ts). */
export interface AdjunctConstants {
  /** The benzodiazepine's volume of distribution for the weight, L (L/kg × kg). */
  benzodiazepineVolume: number;
  benzodiazepineC50: number;
  benzodiazepineSedationEmax: number;
  benzodiazepineRespiratoryRateEmax: number;
  benzodiazepineSpo2Emax: number;
  clonidineA50: number;
  clonidineSystolicEmax: number;
  clonidineDiastolicEmax: number;
  clonidineHeartRateEmax: number;
  labetalolA50: number;
  labetalolSystolicEmax: number;
  labetalolDiastolicEmax: number;
  labetalolHeartRateEmax: number;
}

/** adjunctEffects' parameters for a body weight (kg), looked up from the table. */
export function adjunctConstants(weightKg: number): AdjunctConstants {
  return {
    benzodiazepineVolume: parameter('benzodiazepine.volume') * weightKg,
    benzodiazepineC50: parameter('benzodiazepine.sedationC50'),
    benzodiazepineSedationEmax: parameter('benzodiazepine.sedationEmax'),
    benzodiazepineRespiratoryRateEmax: parameter('benzodiazepine.respiratoryRateEmax'),
    benzodiazepineSpo2Emax: parameter('benzodiazepine.spo2Emax'),
    clonidineA50: parameter('clonidine.a50'),
    clonidineSystolicEmax: parameter('clonidine.systolicEmax'),
    clonidineDiastolicEmax: parameter('clonidine.diastolicEmax'),
    clonidineHeartRateEmax: parameter('clonidine.heartRateEmax'),
    labetalolA50: parameter('labetalol.a50'),
    labetalolSystolicEmax: parameter('labetalol.systolicEmax'),
    labetalolDiastolicEmax: parameter('labetalol.diastolicEmax'),
    labetalolHeartRateEmax: parameter('labetalol.heartRateEmax'),
  };
}

/** Benzodiazepine plasma concentration, ng/mL, from its body amount (mg) and the weight (kg). */
export function benzodiazepineNgPerMl(amounts: DrugCompartments, weightKg: number): number {
  return (amounts.benzodiazepineBody * 1000) / adjunctConstants(weightKg).benzodiazepineVolume;
}

/**
 * Adjunct effects given the compartments, weight (kg) and the ketamine sedation (0–10) they add to.
 * Respiratory depression grows with the benzodiazepine effect and is amplified by ketamine
 * sedation (factor 1 + ketamineSedation/10); ketamine alone does not depress breathing here
 * (it preserves respiratory function: Peltoniemi 2016).
 */
export function adjunctEffects(
  amounts: DrugCompartments,
  weightKg: number,
  ketamineSedation: number,
): AdjunctEffects {
  return adjunctEffectsWith(adjunctConstants(weightKg), amounts, ketamineSedation);
}

/**
 * adjunctEffects with the weight's parameters already looked up (adjunctConstants): the drug model
 * looks them up once per weight, not once per minute.
 */
export function adjunctEffectsWith(
  k: AdjunctConstants,
  amounts: DrugCompartments,
  ketamineSedation: number,
): AdjunctEffects {
  const bz = sigmoidEmax(
    (amounts.benzodiazepineBody * 1000) / k.benzodiazepineVolume,
    1,
    k.benzodiazepineC50,
    1,
  );
  const depression = bz * (1 + ketamineSedation / 10);
  const clonidine = sigmoidEmax(amounts.clonidineBody, 1, k.clonidineA50, 1);
  const labetalol = sigmoidEmax(amounts.labetalolBody, 1, k.labetalolA50, 1);
  return {
    sedation: bz * k.benzodiazepineSedationEmax,
    respiratoryRate: -depression * k.benzodiazepineRespiratoryRateEmax,
    spo2: -depression * k.benzodiazepineSpo2Emax,
    systolic: clonidine * k.clonidineSystolicEmax + labetalol * k.labetalolSystolicEmax,
    diastolic: clonidine * k.clonidineDiastolicEmax + labetalol * k.labetalolDiastolicEmax,
    heartRate: clonidine * k.clonidineHeartRateEmax + labetalol * k.labetalolHeartRateEmax,
  };
}
