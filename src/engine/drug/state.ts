/**
 * The drug state and its three operations: start, apply an input, advance in time.
 * All pure: each returns a new state and never changes its argument.
 */
import {
  adjunctDeposit,
  bioavailableDrug,
  bolusDeposit,
  holdEndDeposit,
  intranasalDeposit,
  lozengeDeposit,
  type Deposit,
} from './absorption.ts';
import { emptyCompartments, propagate } from './compartments.ts';
import { parameter } from './parameters.ts';
import { minutesLater } from './runs.ts';
import type { Drug, DrugInput, DrugPatient, DrugState } from './types.ts';

function finite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${what} must be a finite number, got ${value}.`);
}

function nonNegative(value: number, what: string): void {
  finite(value, what);
  if (value < 0) throw new RangeError(`${what} must be >= 0, got ${value}.`);
}

function multiplier(value: number | undefined, what: string): number {
  if (value === undefined) return 1;
  nonNegative(value, `sensitivity.${what}`);
  return value;
}

function deposit(state: DrugState, add: Deposit): DrugState {
  const amounts = { ...state.amounts };
  for (const [name, mg] of Object.entries(add) as Array<[keyof typeof amounts, number]>)
    amounts[name] += mg;
  return { ...state, amounts, bioavailableMg: state.bioavailableMg + bioavailableDrug(add) };
}

/**
 * The state at arrival (or at `minute`, default 0): nothing given yet, except the patient's
 * `priorAdjuncts` (doses at minutes <= `minute`), which are applied and carried forward.
 * @throws RangeError for a weight that is not > 0, a negative sensitivity, or a prior adjunct
 *   after `minute`.
 */
export function initialDrugState(drug: Drug, patient: DrugPatient, minute = 0): DrugState {
  finite(minute, 'minute');
  finite(patient.weightKg, 'weightKg');
  if (patient.weightKg <= 0) throw new RangeError(`weightKg must be > 0, got ${patient.weightKg}.`);
  if (drug !== 'ketamine' && drug !== 'esketamine')
    throw new RangeError(`Unknown drug "${String(drug)}": expected ketamine or esketamine.`);
  const s = patient.sensitivity ?? {};
  const prior = [...(patient.priorAdjuncts ?? [])].sort((a, b) => a.minute - b.minute);
  for (const dose of prior) {
    finite(dose.minute, 'priorAdjuncts minute');
    if (dose.minute > minute)
      throw new RangeError(
        `A prior ${dose.medication} dose at minute ${dose.minute} is after the start (minute ${minute}).`,
      );
  }
  let state: DrugState = {
    version: 1,
    drug,
    minute: prior[0]?.minute ?? minute,
    weightKg: patient.weightKg,
    sensitivity: {
      dissociation: multiplier(s.dissociation, 'dissociation'),
      sedation: multiplier(s.sedation, 'sedation'),
      pressor: multiplier(s.pressor, 'pressor'),
    },
    infusionMgPerMinute: 0,
    intranasalMgGiven: 0,
    bioavailableMg: 0,
    amounts: emptyCompartments(),
  };
  for (const dose of prior) {
    state = advanceDrug(state, dose.minute - state.minute);
    state = applyDrugInput(state, { kind: 'adjunct', ...dose });
  }
  return advanceDrug(state, minute - state.minute);
}

/** Minutes within which an input's minute counts as the state's (float rounding of clocks). */
export const MINUTE_TOLERANCE = 1e-9;

/**
 * Applies an input at state.minute and returns the new state.
 * @throws RangeError when input.minute differs from state.minute (by more than MINUTE_TOLERANCE,
 *   so 0.1 + 0.2 is accepted for 0.3), an amount or rate is negative or
 *   not finite, a swallowed fraction is outside 0–1, or intranasal is given with racemic ketamine
 *   (the intranasal parameters are esketamine's).
 */
export function applyDrugInput(state: DrugState, input: DrugInput): DrugState {
  // Memoised per state object and input (pure: the same input on the same state gives the same
  // state), so a look-ahead that applies the same scheduled input again reuses its minute chain.
  const key = JSON.stringify(input);
  let applied = appliedInputs.get(state);
  const hit = applied?.get(key);
  if (hit) return hit;
  const next = applyInput(state, input);
  if (!applied) {
    applied = new Map();
    appliedInputs.set(state, applied);
  }
  applied.set(key, next);
  return next;
}

const appliedInputs = new WeakMap<DrugState, Map<string, DrugState>>();

function applyInput(state: DrugState, input: DrugInput): DrugState {
  if (!(Math.abs(input.minute - state.minute) <= MINUTE_TOLERANCE))
    throw new RangeError(
      `A ${input.kind} input at minute ${input.minute} cannot be applied to a state at minute ${state.minute}: advance first.`,
    );
  switch (input.kind) {
    case 'infusionRate':
      nonNegative(input.mgPerMinute, 'infusion mgPerMinute');
      return { ...state, infusionMgPerMinute: input.mgPerMinute };
    case 'bolus':
      nonNegative(input.mg, 'bolus mg');
      if (input.route !== 'intravenous' && input.route !== 'intramuscular')
        throw new RangeError(`Unknown bolus route "${String(input.route)}".`);
      return deposit(state, bolusDeposit(input.route, input.mg));
    case 'lozenge': {
      nonNegative(input.mg, 'lozenge mg');
      finite(input.swallowedFraction, 'swallowedFraction');
      if (input.swallowedFraction < 0 || input.swallowedFraction > 1)
        throw new RangeError(
          `swallowedFraction must be within 0-1, got ${input.swallowedFraction}.`,
        );
      const afterHold = input.afterHold ?? 'spit';
      if (afterHold !== 'spit' && afterHold !== 'swallow')
        throw new RangeError(`afterHold must be "spit" or "swallow", got "${String(afterHold)}".`);
      const placed = lozengeDeposit(state.drug, input.mg, input.swallowedFraction);
      const next = deposit(state, placed);
      const holdMinutes = input.holdMinutes ?? parameter('sublingual.holdMinutes');
      nonNegative(holdMinutes, 'lozenge holdMinutes');
      const hold: Hold = {
        endMinute: state.minute + holdMinutes,
        holdMinutes,
        placedMg: placed.depotMouth ?? 0,
        afterHold,
      };
      if (holdMinutes === 0) return endHold(next, hold);
      return { ...next, held: [...(state.held ?? []), hold] };
    }
    case 'intranasal': {
      nonNegative(input.mg, 'intranasal mg');
      if (state.drug !== 'esketamine')
        throw new RangeError('Intranasal dosing is modelled for esketamine only.');
      const next = deposit(state, intranasalDeposit(state.drug, input.mg, state.intranasalMgGiven));
      return { ...next, intranasalMgGiven: state.intranasalMgGiven + input.mg };
    }
    case 'adjunct':
      nonNegative(input.mg, `${input.medication} mg`);
      if (!['benzodiazepine', 'clonidine', 'labetalol'].includes(input.medication))
        throw new RangeError(`Unknown adjunct "${String(input.medication)}".`);
      return { ...state, amounts: addAdjunct(state, input.medication, input.mg) };
    default:
      throw new RangeError(
        `Unknown drug input kind "${String((input as { kind: unknown }).kind)}".`,
      );
  }
}

function addAdjunct(
  state: DrugState,
  medication: 'benzodiazepine' | 'clonidine' | 'labetalol',
  mg: number,
): DrugState['amounts'] {
  const amounts = { ...state.amounts };
  for (const [name, add] of Object.entries(adjunctDeposit(medication, mg)) as Array<
    [keyof typeof amounts, number]
  >)
    amounts[name] += add;
  return amounts;
}

type Hold = NonNullable<DrugState['held']>[number];

/** Ends one lozenge's hold at state.minute: its remainder is spat out or swallowed. */
function endHold(state: DrugState, hold: Hold): DrugState {
  const next = deposit(
    state,
    holdEndDeposit(state.drug, hold.placedMg, hold.holdMinutes, hold.afterHold),
  );
  const held = (state.held ?? []).filter((h) => h !== hold);
  return { ...next, held };
}

function oneMinute(state: DrugState): DrugState {
  return {
    ...state,
    minute: state.minute + 1,
    amounts: propagate(state.drug, state.weightKg, state.amounts, state.infusionMgPerMinute, 1),
  };
}

/**
 * Moves the compartments forward with no hold ending inside the step. A whole-minute step is
 * always that many one-minute propagators (memoised in runs.ts, the same numbers either way), a
 * fractional rest one propagator of its own.
 */
function propagateState(state: DrugState, minutes: number): DrugState {
  if (minutes === 0) return state;
  const whole = Math.floor(minutes);
  const rest = minutes - whole;
  const s = whole > 0 ? minutesLater(state, whole, oneMinute) : state;
  if (rest === 0) return s;
  return {
    ...s,
    minute: s.minute + rest,
    amounts: propagate(s.drug, s.weightKg, s.amounts, s.infusionMgPerMinute, rest),
  };
}

/**
 * Moves the state forward `minutes` (>= 0) with the current infusion rate, in closed form: the
 * cost is one cached matrix exponential and one matrix-vector product per lozenge hold ending
 * inside the step (where the remainder leaves the mouth), whatever the elapsed time.
 * @throws RangeError when minutes is negative or not finite.
 */
export function advanceDrug(state: DrugState, minutes: number): DrugState {
  nonNegative(minutes, 'advance minutes');
  if (state.version !== 1)
    throw new RangeError(`Unknown drug state version ${String(state.version)}.`);
  if (minutes === 0) return state;
  const end = state.minute + minutes;
  let s = state;
  for (;;) {
    const due = (s.held ?? []).filter((h) => h.endMinute <= end);
    if (due.length === 0) break;
    const first = due.reduce((a, b) => (b.endMinute < a.endMinute ? b : a));
    s = propagateState(s, Math.max(0, first.endMinute - s.minute));
    s = endHold(s, first);
  }
  return propagateState(s, end - s.minute);
}
