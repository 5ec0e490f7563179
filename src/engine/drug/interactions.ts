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

/** Benzodiazepine plasma concentration, ng/mL, from its body amount (mg) and the weight (kg). */
export function benzodiazepineNgPerMl(amounts: DrugCompartments, weightKg: number): number {
  return (amounts.benzodiazepineBody * 1000) / (parameter('benzodiazepine.volume') * weightKg);
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
  const bz = sigmoidEmax(
    benzodiazepineNgPerMl(amounts, weightKg),
    1,
    parameter('benzodiazepine.sedationC50'),
    1,
  );
  const depression = bz * (1 + ketamineSedation / 10);
  const clonidine = sigmoidEmax(amounts.clonidineBody, 1, parameter('clonidine.a50'), 1);
  const labetalol = sigmoidEmax(amounts.labetalolBody, 1, parameter('labetalol.a50'), 1);
  return {
    sedation: bz * parameter('benzodiazepine.sedationEmax'),
    respiratoryRate: -depression * parameter('benzodiazepine.respiratoryRateEmax'),
    spo2: -depression * parameter('benzodiazepine.spo2Emax'),
    systolic:
      clonidine * parameter('clonidine.systolicEmax') +
      labetalol * parameter('labetalol.systolicEmax'),
    diastolic:
      clonidine * parameter('clonidine.diastolicEmax') +
      labetalol * parameter('labetalol.diastolicEmax'),
    heartRate:
      clonidine * parameter('clonidine.heartRateEmax') +
      labetalol * parameter('labetalol.heartRateEmax'),
  };
}
