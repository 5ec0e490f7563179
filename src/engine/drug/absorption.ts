/**
 * Where a dose goes: each route puts the amount it absorbs into its own absorption depot (or, IV,
 * straight into the central compartment). What a route loses first (not absorbed, gut wall, and
 * for racemic ketamine the liver first pass) never enters the model, so mass balance is over the
 * amount that entered; esketamine's liver first pass is modelled and counts as eliminated.
 */
import { swallowedFractionAbsorbed } from './compartments.ts';
import { parameter } from './parameters.ts';
import type { Drug, DrugCompartments } from './types.ts';

/** Amounts (mg) to add to compartments. */
export type Deposit = Partial<Record<keyof DrugCompartments, number>>;

/** An IV (all of it, into the central compartment) or IM bolus (93% into the IM depot). */
export function bolusDeposit(route: 'intravenous' | 'intramuscular', mg: number): Deposit {
  if (route === 'intravenous') return { central: mg };
  return { depotIntramuscular: mg * parameter('intramuscular.bioavailability') };
}

/**
 * A lozenge: the part held under the tongue is absorbed through the mucosa (F 29%, Rolan 2014),
 * the swallowed part orally (F 23% racemate, Chong 2006; esketamine: 64% escapes the gut and the
 * modelled liver first pass leaves 17.8%, Perez-Ruixo 2021: 18.6%).
 * Limitation: Rolan's 29% may already include some swallowed drug, so a large swallowed fraction
 * is, if anything, slightly under-absorbed here.
 */
export function lozengeDeposit(drug: Drug, mg: number, swallowedFraction: number): Deposit {
  return {
    depotMouth: mg * (1 - swallowedFraction) * parameter('sublingual.bioavailability'),
    depotGut: mg * swallowedFraction * swallowedFractionAbsorbed(drug),
  };
}

/**
 * The end of a lozenge's hold: what is left in the mouth of the `placedMg` it put there
 * `heldMinutes` ago leaves the mouth (the mouth empties first-order, so by superposition this is
 * exactly that lozenge's remainder, whatever else is held). Spat out, it is lost; swallowed, the
 * drug it stands for (remainder ÷ the sublingual F) is absorbed by mouth (racemate F 23%,
 * esketamine through the gut wall and the modelled liver). Returns the change to each depot (mg).
 */
export function holdEndDeposit(
  drug: Drug,
  placedMg: number,
  heldMinutes: number,
  afterHold: 'spit' | 'swallow',
): Deposit {
  const left = placedMg * Math.exp(-parameter('sublingual.mucosalUptakeRate') * heldMinutes);
  if (afterHold === 'spit') return { depotMouth: -left };
  const swallowed =
    (left / parameter('sublingual.bioavailability')) * swallowedFractionAbsorbed(drug);
  return { depotMouth: -left, depotGut: swallowed };
}

/**
 * Intranasal esketamine (Perez-Ruixo 2021): 54% of the first 28-mg device is absorbed through the
 * nasal mucosa, 54% × 0.62 of every later device in the visit; the rest is swallowed: 64% of it
 * escapes the gut into the hepato-portal compartment, whose first pass leaves 17.8% of it
 * (published 18.6%) for the circulation. `alreadyGivenMg` is the intranasal amount given earlier in the
 * visit. The 5-minute rest between devices is a protocol rule for the session, not modelled here.
 */
export function intranasalDeposit(drug: Drug, mg: number, alreadyGivenMg: number): Deposit {
  const device = parameter('intranasal.mgPerDevice');
  const first = parameter('intranasal.fractionAbsorbedNasally');
  const later = first * parameter('intranasal.laterDeviceFactor');
  const firstPart = Math.max(0, Math.min(mg, device - alreadyGivenMg));
  const nasal = firstPart * first + (mg - firstPart) * later;
  return { depotNasal: nasal, depotGut: (mg - nasal) * swallowedFractionAbsorbed(drug) };
}

/** An oral adjunct: its bioavailable amount into its gut depot. */
export function adjunctDeposit(
  medication: 'benzodiazepine' | 'clonidine' | 'labetalol',
  mg: number,
): Deposit {
  if (medication === 'benzodiazepine')
    return { benzodiazepineGut: mg * parameter('benzodiazepine.bioavailability') };
  if (medication === 'labetalol')
    return { labetalolGut: mg * parameter('labetalol.bioavailability') };
  // Clonidine: effects are driven by the absorbed amount; its oral bioavailability is folded into
  // the calibrated A50 (see parameters.ts).
  return { clonidineGut: mg };
}

/** Sum of a deposit's drug (not adjunct) amounts, mg: what becomes bioavailable. */
export function bioavailableDrug(deposit: Deposit): number {
  return (
    (deposit.central ?? 0) +
    (deposit.depotIntramuscular ?? 0) +
    (deposit.depotMouth ?? 0) +
    (deposit.depotSublingual ?? 0) +
    (deposit.depotGut ?? 0) +
    (deposit.depotNasal ?? 0)
  );
}
