/**
 * The pharmacokinetic model as one linear system, and its exact closed-form solution.
 *
 * State: amounts (mg) in a three-compartment mammillary model (central, fast and slow peripheral;
 * for esketamine also a hepato-portal compartment), one first-order absorption depot per route,
 * cumulative elimination and infusion, two effect sites (ng/mL), and the adjuncts' depots and
 * body amounts. The IV infusion rate is carried as one
 * more component that stays constant between inputs, so the augmented system x' = M·x is
 * homogeneous and x(t + h) = exp(M·h)·x(t) exactly for piecewise-constant input. exp(M·h) is
 * computed once per (drug, weight, h) and cached: an advance costs one matrix-vector product
 * whatever the elapsed time.
 */
import { cnsEffectSite, pressorEffectSite, toleranceSite } from './effectSite.ts';
import { expm, type Matrix } from './matrixExponential.ts';
import { parameter } from './parameters.ts';
import type { Drug, DrugCompartments } from './types.ts';

/** The order of the compartments in the state vector (the infusion rate comes last). */
export const COMPARTMENTS = [
  'central',
  'peripheralFast',
  'peripheralSlow',
  'hepatic',
  'effectSite',
  'pressorSite',
  'toleranceSite',
  'depotIntramuscular',
  'depotMouth',
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

// Every compartment of DrugCompartments is in the vector (a compile-time check).
type Missing = Exclude<keyof DrugCompartments, (typeof COMPARTMENTS)[number]>;
const _complete: [Missing] extends [never] ? true : never = true;

const INDEX = Object.fromEntries(COMPARTMENTS.map((name, i) => [name, i])) as Record<
  keyof DrugCompartments,
  number
>;
const RATE = COMPARTMENTS.length;
const SIZE = RATE + 1;

/** Disposition of the drug for one patient, in L, L/min and 1/min. */
export interface Disposition {
  volumeCentral: number;
  volumePeripheralFast: number;
  volumePeripheralSlow: number;
  /** Elimination clearance from the central compartment (0 when elimination is hepatic). */
  clearance: number;
  clearanceFast: number;
  clearanceSlow: number;
  /** Esketamine: elimination from a hepato-portal compartment exchanging with the central one. */
  hepatic?: { volume: number; flow: number; eliminationRate: number };
}

/**
 * Volumes (L) and clearances (L/min) for a drug and a body weight (kg). Racemic ketamine is
 * scaled allometrically from 70 kg (volumes × W/70, clearances × (W/70)^0.75) and eliminated from
 * the central compartment; esketamine follows Perez-Ruixo 2021: eliminated from a hepato-portal
 * compartment, not weight-scaled (its source found no weight effect).
 */
export function disposition(drug: Drug, weightKg: number): Disposition {
  const perHour = 1 / 60;
  if (drug === 'esketamine') {
    return {
      volumeCentral: parameter('esketamine.volumeCentral'),
      volumePeripheralFast: parameter('esketamine.volumePeripheralFast'),
      volumePeripheralSlow: parameter('esketamine.volumePeripheralSlow'),
      clearance: 0,
      clearanceFast: parameter('esketamine.clearanceFast') * perHour,
      clearanceSlow: parameter('esketamine.clearanceSlow') * perHour,
      hepatic: {
        volume: parameter('esketamine.hepaticVolume'),
        flow: parameter('esketamine.hepaticBloodFlow') * perHour,
        eliminationRate: parameter('esketamine.hepaticEliminationRate') * perHour,
      },
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

/**
 * Fraction of a swallowed dose that enters the model: racemic ketamine's oral bioavailability
 * (into the central compartment), or esketamine's gut fraction (into the hepato-portal
 * compartment, whose first pass is then modelled).
 */
export function swallowedFractionAbsorbed(drug: Drug): number {
  return parameter(
    drug === 'esketamine' ? 'esketamine.gutFraction' : 'ketamine.oralBioavailability',
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
  flow('central', 'peripheralFast', d.clearanceFast / d.volumeCentral);
  flow('peripheralFast', 'central', d.clearanceFast / d.volumePeripheralFast);
  flow('central', 'peripheralSlow', d.clearanceSlow / d.volumeCentral);
  flow('peripheralSlow', 'central', d.clearanceSlow / d.volumePeripheralSlow);
  if (d.clearance > 0) flow('central', 'eliminated', d.clearance / d.volumeCentral);
  if (d.hepatic) {
    flow('central', 'hepatic', d.hepatic.flow / d.volumeCentral);
    flow('hepatic', 'central', d.hepatic.flow / d.hepatic.volume);
    flow('hepatic', 'eliminated', d.hepatic.eliminationRate);
  }
  add('central', 'rate', 1);
  add('infused', 'rate', 1);
  // Effect sites follow the plasma concentration, ng/mL = 1000 · mg / L.
  for (const [site, link] of [
    ['effectSite', cnsEffectSite()],
    ['pressorSite', pressorEffectSite()],
    ['toleranceSite', toleranceSite()],
  ] as const) {
    add(site, 'central', (link.ke0 * 1000) / d.volumeCentral);
    add(site, site, -link.ke0);
  }
  flow('depotIntramuscular', 'central', parameter('intramuscular.absorptionRate'));
  flow('depotMouth', 'depotSublingual', parameter('sublingual.mucosalUptakeRate'));
  flow('depotSublingual', 'central', parameter('sublingual.absorptionRate'));
  flow('depotGut', d.hepatic ? 'hepatic' : 'central', parameter('oral.absorptionRate'));
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
  // A state saved before a compartment existed has none of it (?? 0).
  return [...COMPARTMENTS.map((name) => amounts[name] ?? 0), rate];
}

/** The compartments back from an augmented state vector. */
export function fromVector(x: ArrayLike<number>): DrugCompartments {
  return Object.fromEntries(
    COMPARTMENTS.map((name, i) => [name, x[i]!]),
  ) as unknown as DrugCompartments;
}

/** Every compartment empty. */
export function emptyCompartments(): DrugCompartments {
  return fromVector(new Array<number>(SIZE).fill(0));
}

/**
 * Moves amounts forward `minutes` at a constant infusion rate (mg/min), exactly. A step of n whole
 * minutes is applied as the cached propagators of its binary parts (1, 2, 4, … minutes: exp(M·a)
 * exp(M·b) = exp(M·(a + b)), exact up to rounding), and a fractional rest by its own; so the
 * matrix exponentials a visit needs are a handful per drug and weight, not one per step length
 * (each costs about as much as a few hundred advances). Pure: the caches only save work.
 *
 * Each product is the same arithmetic as `applyMatrix(propagator(…), toVector(…))` (every row
 * summed in column order), done in place on a scratch vector with the propagator as one flat
 * array, and the compartments are written back as one object literal (in COMPARTMENTS order, as
 * `fromVector` writes them): the numbers are the same to the bit (a unit test compares them with
 * that computation, from fresh matrix exponentials, over long dose schedules), without an array
 * or object per row and step.
 */
export function propagate(
  drug: Drug,
  weightKg: number,
  amounts: DrugCompartments,
  rate: number,
  minutes: number,
): DrugCompartments {
  if (minutes === 0) return amounts;
  let whole = Math.floor(minutes);
  const rest = minutes - whole;
  readVector(amounts, rate, scratch);
  if (whole > MAX_WHOLE_MINUTES) {
    multiplyInPlace(flatPropagator(drug, weightKg, minutes), scratch);
    return compartmentsOf(scratch);
  }
  for (let part = 1; whole > 0; part *= 2, whole = Math.floor(whole / 2))
    if (whole % 2 === 1) multiplyInPlace(flatPropagator(drug, weightKg, part), scratch);
  if (rest > 0) multiplyInPlace(flatPropagator(drug, weightKg, rest), scratch);
  return compartmentsOf(scratch);
}

/** Longer steps (rare: a chart's long jump) use one propagator of their own. */
const MAX_WHOLE_MINUTES = 4096;

/** The state vector of the step in progress (and its product's rows, before they replace it). */
const scratch = new Float64Array(SIZE);
const product = new Float64Array(SIZE);

/** The propagator as one row-major array, kept beside the cached rows; the last one used first. */
const flat = new WeakMap<Matrix, Float64Array>();
let lastFlat: { drug: Drug; weightKg: number; minutes: number; m: Float64Array } | null = null;

function flatPropagator(drug: Drug, weightKg: number, minutes: number): Float64Array {
  const last = lastFlat;
  if (last && last.minutes === minutes && last.weightKg === weightKg && last.drug === drug)
    return last.m;
  const rows = propagator(drug, weightKg, minutes);
  let m = flat.get(rows);
  if (!m) {
    m = new Float64Array(SIZE * SIZE);
    for (let i = 0; i < SIZE; i++) m.set(rows[i]!, i * SIZE);
    flat.set(rows, m);
  }
  lastFlat = { drug, weightKg, minutes, m };
  return m;
}

/** x = M·x, each row summed in column order from 0 (as applyMatrix does). */
function multiplyInPlace(m: Float64Array, x: Float64Array): void {
  for (let i = 0, at = 0; i < SIZE; i++) {
    let sum = 0;
    for (let j = 0; j < SIZE; j++, at++) sum += m[at]! * x[j]!;
    product[i] = sum;
  }
  x.set(product);
}

/** toVector into `x`, in COMPARTMENTS order (a unit test checks the two agree). */
function readVector(a: DrugCompartments, rate: number, x: Float64Array): void {
  // A state saved before a compartment existed has none of it (?? 0).
  x[0] = a.central ?? 0;
  x[1] = a.peripheralFast ?? 0;
  x[2] = a.peripheralSlow ?? 0;
  x[3] = a.hepatic ?? 0;
  x[4] = a.effectSite ?? 0;
  x[5] = a.pressorSite ?? 0;
  x[6] = a.toleranceSite ?? 0;
  x[7] = a.depotIntramuscular ?? 0;
  x[8] = a.depotMouth ?? 0;
  x[9] = a.depotSublingual ?? 0;
  x[10] = a.depotGut ?? 0;
  x[11] = a.depotNasal ?? 0;
  x[12] = a.eliminated ?? 0;
  x[13] = a.infused ?? 0;
  x[14] = a.benzodiazepineGut ?? 0;
  x[15] = a.benzodiazepineBody ?? 0;
  x[16] = a.clonidineGut ?? 0;
  x[17] = a.clonidineBody ?? 0;
  x[18] = a.labetalolGut ?? 0;
  x[19] = a.labetalolBody ?? 0;
  x[20] = rate;
}

/** fromVector as one literal, in COMPARTMENTS order (a unit test checks the two agree). */
function compartmentsOf(x: Float64Array): DrugCompartments {
  return {
    central: x[0]!,
    peripheralFast: x[1]!,
    peripheralSlow: x[2]!,
    hepatic: x[3]!,
    effectSite: x[4]!,
    pressorSite: x[5]!,
    toleranceSite: x[6]!,
    depotIntramuscular: x[7]!,
    depotMouth: x[8]!,
    depotSublingual: x[9]!,
    depotGut: x[10]!,
    depotNasal: x[11]!,
    eliminated: x[12]!,
    infused: x[13]!,
    benzodiazepineGut: x[14]!,
    benzodiazepineBody: x[15]!,
    clonidineGut: x[16]!,
    clonidineBody: x[17]!,
    labetalolGut: x[18]!,
    labetalolBody: x[19]!,
  };
}
