/** Concentration and effect curves for charts: the vitals monitor and the debrief. */
import { drugEffect } from './effects.ts';
import { advanceDrug, applyDrugInput, initialDrugState } from './state.ts';
import type { Drug, DrugEffect, DrugInput, DrugPatient } from './types.ts';

/**
 * Effect and concentrations every `stepMinutes` from `from` to `to` (inclusive) for a list of
 * inputs (any order; inputs at the same minute apply in list order). Inputs before `from` are
 * applied too, so the curve starts in the right state. Cost is linear in samples plus inputs.
 * @throws RangeError when stepMinutes <= 0, to < from, or an input is invalid (see applyDrugInput).
 */
export function drugCurve(
  drug: Drug,
  patient: DrugPatient,
  inputs: DrugInput[],
  from: number,
  to: number,
  stepMinutes: number,
): Array<{ minute: number } & DrugEffect> {
  if (!(stepMinutes > 0) || !Number.isFinite(stepMinutes))
    throw new RangeError(`stepMinutes must be > 0, got ${stepMinutes}.`);
  if (!(to >= from)) throw new RangeError(`to (${to}) must be >= from (${from}).`);
  const firstInput = Math.min(from, ...inputs.map((input) => input.minute));
  // Prior adjuncts before the start stay prior; any after it (a chart that starts before the
  // night-before dose) become ordinary inputs, so every dose is applied at its own minute.
  const prior = patient.priorAdjuncts ?? [];
  const start = Math.min(firstInput, ...prior.map((d) => d.minute));
  const earliest = prior.filter((d) => d.minute <= start);
  const asInputs: DrugInput[] = prior
    .filter((d) => d.minute > start)
    .map((d) => ({ kind: 'adjunct', ...d }));
  const sorted = [...asInputs, ...inputs]
    .map((input, order) => ({ input, order }))
    .sort((a, b) => a.input.minute - b.input.minute || a.order - b.order)
    .map((x) => x.input);
  let state = initialDrugState(drug, { ...patient, priorAdjuncts: earliest }, start);
  const out: Array<{ minute: number } & DrugEffect> = [];
  let next = 0;
  const count = Math.floor((to - from) / stepMinutes + 1e-9);
  for (let i = 0; i <= count; i++) {
    // Sample times are computed from the index, so rounding does not accumulate.
    const minute = from + i * stepMinutes;
    while (next < sorted.length && sorted[next]!.minute <= minute) {
      const input = sorted[next++]!;
      state = applyDrugInput(advanceDrug(state, input.minute - state.minute), input);
    }
    state = advanceDrug(state, minute - state.minute);
    out.push({ minute, ...drugEffect(state) });
  }
  return out;
}
