/**
 * The pharmacokinetic model as one linear system, and its exact closed-form solution.
 *
 * State: amounts (mg) in a three-compartment mammillary model (central, fast and slow peripheral),
 * one first-order absorption depot per route, cumulative elimination and infusion, two effect
 * sites (ng/mL), and the adjuncts' depots and body amounts. The IV infusion rate is carried as one
 * more component that stays constant between inputs, so the augmented system x' = M·x is
 * homogeneous and x(t + h) = exp(M·h)·x(t) exactly for piecewise-constant input. exp(M·h) is
 * computed once per (drug, weight, h) and cached: an advance costs one matrix-vector product
 * whatever the elapsed time.
 */
import { cnsEffectSite, pressorEffectSite } from './effectSite.ts';
import { applyMatrix, expm, type Matrix } from './matrixExponential.ts';
import { parameter } from './parameters.ts';
import type { Drug, DrugCompartments } from './types.ts';

/** The order of the compartments in the state vector (the infusion rate comes last). */
export const COMPARTMENTS = [
  'central',
  'peripheralFast',
  'peripheralSlow',
  'effectSite',
  'pressorSite',
  'depotIntramuscular',
  'depotSublingual',
  'depotGut',
  'depotNasal',
  'eliminated',
  'infused',
  'benzodiazepineGut',
  'benzodiazepineBody',
  'clonidineGut',
  'clonidineBody',
  'labetalolGut',
  'labetalolBody',
] as const satisfies ReadonlyArray<keyof DrugCompartments>;

const INDEX = Object.fromEntries(COMPARTMENTS.map((name, i) => [name, i])) as Record<
  keyof DrugCompartments,
  number
>;
const RATE = COMPARTMENTS.length;
const SIZE = RATE + 1;

/** Disposition of the drug for one patient, in L and L/min. */
export interface Disposition {
  volumeCentral: number;
  volumePeripheralFast: number;
  volumePeripheralSlow: number;
  clearance: number;
  clearanceFast: number;
  clearanceSlow: number;
}

/**
 * Volumes (L) and clearances (L/min) for a drug and a body weight (kg). Racemic ketamine is
 * scaled allometrically from 70 kg (volumes × W/70, clearances × (W/70)^0.75); esketamine is not,
 * because its source found no weight effect.
 */
export function disposition(drug: Drug, weightKg: number): Disposition {
  const perHour = 1 / 60;
  if (drug === 'esketamine') {
    return {
      volumeCentral: parameter('esketamine.volumeCentral'),
      volumePeripheralFast: parameter('esketamine.volumePeripheralFast'),
      volumePeripheralSlow: parameter('esketamine.volumePeripheralSlow'),
      clearance: parameter('esketamine.clearance') * perHour,
      clearanceFast: parameter('esketamine.clearanceFast') * perHour,
      clearanceSlow: parameter('esketamine.clearanceSlow') * perHour,
    };
  }
  const size = weightKg / 70;
  const v = size ** parameter('ketamine.allometricVolumeExponent');
  const c = size ** parameter('ketamine.allometricClearanceExponent');
  return {
    volumeCentral: parameter('ketamine.volumeCentral') * v,
    volumePeripheralFast: parameter('ketamine.volumePeripheralFast') * v,
    volumePeripheralSlow: parameter('ketamine.volumePeripheralSlow') * v,
    clearance: parameter('ketamine.clearance') * c * perHour,
    clearanceFast: parameter('ketamine.clearanceFast') * c * perHour,
    clearanceSlow: parameter('ketamine.clearanceSlow') * c * perHour,
  };
}

/** Oral bioavailability of the drug (the swallowed part of a lozenge or a nasal dose). */
export function oralBioavailability(drug: Drug): number {
  return parameter(
    drug === 'esketamine' ? 'esketamine.oralBioavailability' : 'ketamine.oralBioavailability',
  );
}

/** The rate matrix M (1/min) of the augmented system x' = M·x. */
export function rateMatrix(drug: Drug, weightKg: number): Matrix {
  const d = disposition(drug, weightKg);
  const m: Matrix = Array.from({ length: SIZE }, () => new Array<number>(SIZE).fill(0));
  const add = (
    to: keyof DrugCompartments | 'rate',
    from: keyof DrugCompartments | 'rate',
    k: number,
  ) => {
    const i = to === 'rate' ? RATE : INDEX[to];
    const j = from === 'rate' ? RATE : INDEX[from];
    m[i]![j]! += k;
  };
  /** First-order transfer `from` → `to` at rate k: out of one, into the other. */
  const flow = (from: keyof DrugCompartments, to: keyof DrugCompartments | null, k: number) => {
    add(from, from, -k);
    if (to) add(to, from, k);
  };
  const k10 = d.clearance / d.volumeCentral;
  flow('central', 'peripheralFast', d.clearanceFast / d.volumeCentral);
  flow('peripheralFast', 'central', d.clearanceFast / d.volumePeripheralFast);
  flow('central', 'peripheralSlow', d.clearanceSlow / d.volumeCentral);
  flow('peripheralSlow', 'central', d.clearanceSlow / d.volumePeripheralSlow);
  flow('central', 'eliminated', k10);
  add('central', 'rate', 1);
  add('infused', 'rate', 1);
  // Effect sites follow the plasma concentration, ng/mL = 1000 · mg / L.
  for (const [site, link] of [
    ['effectSite', cnsEffectSite()],
    ['pressorSite', pressorEffectSite()],
  ] as const) {
    add(site, 'central', (link.ke0 * 1000) / d.volumeCentral);
    add(site, site, -link.ke0);
  }
  flow('depotIntramuscular', 'central', parameter('intramuscular.absorptionRate'));
  flow('depotSublingual', 'central', parameter('sublingual.absorptionRate'));
  flow('depotGut', 'central', parameter('oral.absorptionRate'));
  flow('depotNasal', 'central', parameter('intranasal.absorptionRate'));
  // Adjuncts: one-compartment with first-order absorption (amounts in mg).
  const adjuncts = [
    ['benzodiazepineGut', 'benzodiazepineBody', 'benzodiazepine'],
    ['clonidineGut', 'clonidineBody', 'clonidine'],
    ['labetalolGut', 'labetalolBody', 'labetalol'],
  ] as const;
  for (const [gut, body, name] of adjuncts) {
    flow(gut, body, parameter(`${name}.absorptionRate`));
    flow(body, null, Math.LN2 / parameter(`${name}.eliminationHalfLife`));
  }
  return m;
}

const propagators = new Map<string, Matrix>();
const MAX_CACHED = 256;

/**
 * exp(M·minutes) for a drug and weight, cached by (drug, weight, minutes). The cache only saves
 * work: a cached and a fresh propagator are the same numbers.
 */
export function propagator(drug: Drug, weightKg: number, minutes: number): Matrix {
  const key = `${drug}|${weightKg}|${minutes}`;
  const hit = propagators.get(key);
  if (hit) return hit;
  const made = expm(rateMatrix(drug, weightKg), minutes);
  if (propagators.size >= MAX_CACHED) propagators.delete(propagators.keys().next().value!);
  propagators.set(key, made);
  return made;
}

/** The compartments and rate as the augmented state vector. */
export function toVector(amounts: DrugCompartments, rate: number): number[] {
  return [...COMPARTMENTS.map((name) => amounts[name]), rate];
}

/** The compartments back from an augmented state vector. */
export function fromVector(x: readonly number[]): DrugCompartments {
  return Object.fromEntries(
    COMPARTMENTS.map((name, i) => [name, x[i]!]),
  ) as unknown as DrugCompartments;
}

/** Every compartment empty. */
export function emptyCompartments(): DrugCompartments {
  return fromVector(new Array<number>(SIZE).fill(0));
}

/** Moves amounts forward `minutes` at a constant infusion rate (mg/min), exactly. */
export function propagate(
  drug: Drug,
  weightKg: number,
  amounts: DrugCompartments,
  rate: number,
  minutes: number,
): DrugCompartments {
  if (minutes === 0) return amounts;
  return fromVector(applyMatrix(propagator(drug, weightKg, minutes), toVector(amounts, rate)));
}
