/**
 * The drug course of a visit: turns what the options give (format 2 `dose`) into the drug model's
 * inputs, keeps the model's state on the arrival clock minute by minute, and answers what the
 * drug is doing now (its effect on the signals, whether the acute effects are over).
 *
 * The model itself is src/engine/drug/ (docs/drug-model.md). It runs when the patient has a
 * weight; it drives the signals when the protocol has no `timeCourse` (a format-1 triangle, kept
 * as an override for teaching cases, takes precedence so that migrated files play the same).
 * Protocol rules (the 5-minute rest between intranasal devices, boosters) are applied here, not
 * in the model.
 */
import {
  advanceDrug,
  applyDrugInput,
  drugEffect,
  initialDrugState,
  type DrugEffect,
  type DrugInput,
  type DrugState,
} from '../drug/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { say } from './context.ts';
import { lastClockMinute } from './timing.ts';
import type { OptionDef } from './indexScenario.ts';
import type { SessionContext } from './types.ts';

export type DoseDef = NonNullable<OptionDef['dose']>;

/** One of the label's esketamine devices, mg (Spravato: 28 mg per device). */
export const MG_PER_NASAL_DEVICE = 28;
/** The label's rest between intranasal devices, minutes (Spravato prescribing information). */
export const MINUTES_BETWEEN_DEVICES = 5;
/**
 * Below this modelled dissociation (0–10) the acute effects count as over: 1, the level the
 * bundled scenarios' discharge criteria count as resolved (`discharge.dissociationMax`), at which
 * the model's courses match the published ones (docs/drug-model.md). Sedation is left out:
 * an adjunct's sedation (a benzodiazepine the night before) outlasts the visit and is watched by
 * the discharge criteria, not by this.
 */
export const ACUTE_EFFECT_FLOOR = 1;

export type { DoseEvent, InfusionState } from './types.ts';

/** The model's state at arrival (null when the patient has no weight: no model). */
export function initialDrug(scenario: ScenarioV1): DrugState | null {
  const p = scenario.patient;
  if (p.weightKg === undefined) return null;
  return initialDrugState(
    scenario.protocol.drug,
    {
      weightKg: p.weightKg,
      ...(p.sensitivity ? { sensitivity: p.sensitivity } : {}),
      ...(p.priorAdjuncts ? { priorAdjuncts: p.priorAdjuncts } : {}),
    },
    0,
  );
}

/** Whether the drug model drives the signals (a model, and no format-1 time course overriding it). */
export function modelDrivesSignals(ctx: SessionContext): boolean {
  return ctx.drug !== null && ctx.index.scenario.protocol.timeCourse === undefined;
}

function mgOf(scenario: ScenarioV1, dose: { mg?: number; mgPerKg?: number }): number {
  return dose.mg ?? (dose.mgPerKg ?? 0) * (scenario.patient.weightKg ?? 0);
}

/** Why a dose cannot be given as written (a scenario that the model cannot play), or null. */
export function doseProblem(ctx: SessionContext, dose: DoseDef | undefined): string | null {
  if (!dose || ctx.drug === null) return null;
  return doseProblemAsWritten(ctx.index.scenario, dose);
}

/**
 * `doseProblem` from the file alone: why the drug model (when the patient has a weight) cannot
 * give `dose` as written, or null. It does not depend on the session's state.
 */
export function doseProblemAsWritten(scenario: ScenarioV1, dose: DoseDef): string | null {
  if (scenario.patient.weightKg === undefined) return null;
  if (dose.kind === 'intranasal' && scenario.protocol.drug !== 'esketamine')
    return 'Intranasal devices are modelled for esketamine only.';
  if ((dose.kind === 'infusion' || dose.kind === 'bolus') && mgOf(scenario, dose) <= 0)
    return 'The dose gives no amount (mg, or mgPerKg with the patient\u2019s weight).';
  return null;
}

type InputNow = DrugInput extends infer I
  ? I extends DrugInput
    ? Omit<I, 'minute'>
    : never
  : never;

function apply(d: SessionContext, input: InputNow): void {
  d.drug = applyDrugInput(d.drug!, { ...input, minute: d.drug!.minute } as DrugInput);
}

function note(d: SessionContext, label: string): void {
  d.doseEvents = d.doseEvents.append({ clock: d.clock, label });
}

/** Gives a dose now: its inputs enter the model (later intranasal devices are scheduled). */
export function giveDrug(d: SessionContext, dose: DoseDef): void {
  if (d.drug === null) {
    note(d, doseLabel(d, dose));
    return;
  }
  switch (dose.kind) {
    case 'infusion': {
      const total = mgOf(d.index.scenario, dose);
      const rate = total / dose.overMinutes;
      d.infusion = { mgPerMinute: rate, remainingMg: total, running: true };
      apply(d, { kind: 'infusionRate', mgPerMinute: rate });
      break;
    }
    case 'bolus':
      apply(d, { kind: 'bolus', route: dose.route, mg: mgOf(d.index.scenario, dose) });
      break;
    case 'lozenge':
      apply(d, {
        kind: 'lozenge',
        mg: dose.mg,
        swallowedFraction: dose.swallowedFraction,
        ...(dose.holdMinutes !== undefined ? { holdMinutes: dose.holdMinutes } : {}),
        ...(dose.afterHold ? { afterHold: dose.afterHold } : {}),
      });
      break;
    case 'intranasal': {
      apply(d, { kind: 'intranasal', mg: MG_PER_NASAL_DEVICE });
      const later: DrugInput[] = [];
      for (let i = 1; i < dose.devices; i++)
        later.push({
          kind: 'intranasal',
          minute: d.clock + i * MINUTES_BETWEEN_DEVICES,
          mg: MG_PER_NASAL_DEVICE,
        });
      d.pendingDrug = [...d.pendingDrug, ...later];
      break;
    }
    case 'adjunct':
      apply(d, { kind: 'adjunct', medication: dose.medication, mg: dose.mg });
      break;
  }
  note(d, doseLabel(d, dose));
}

function doseLabel(d: SessionContext, dose: DoseDef): string {
  switch (dose.kind) {
    case 'infusion':
      return `IV infusion ${round1(mgOf(d.index.scenario, dose))} mg over ${dose.overMinutes} min`;
    case 'bolus':
      return `${dose.route === 'intravenous' ? 'IV' : 'IM'} bolus ${round1(mgOf(d.index.scenario, dose))} mg`;
    case 'lozenge':
      return `Lozenge ${dose.mg} mg`;
    case 'intranasal':
      return `Intranasal ${dose.devices} × ${MG_PER_NASAL_DEVICE} mg, ${MINUTES_BETWEEN_DEVICES} min apart`;
    case 'adjunct':
      return `${dose.medication} ${dose.mg} mg`;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Pauses, resumes or stops the running infusion (no-op without one). */
export function controlInfusion(d: SessionContext, how: 'pause' | 'resume' | 'stop'): void {
  const inf = d.infusion;
  if (!inf || d.drug === null) return;
  if (how === 'pause' && inf.running) {
    d.infusion = { ...inf, running: false };
    apply(d, { kind: 'infusionRate', mgPerMinute: 0 });
    note(d, 'Infusion paused');
  } else if (how === 'resume' && !inf.running && inf.remainingMg > 0) {
    d.infusion = { ...inf, running: true };
    apply(d, { kind: 'infusionRate', mgPerMinute: inf.mgPerMinute });
    note(d, 'Infusion resumed');
  } else if (how === 'stop' && inf.remainingMg > 0) {
    d.infusion = { ...inf, running: false, remainingMg: 0 };
    apply(d, { kind: 'infusionRate', mgPerMinute: 0 });
    note(d, 'Infusion stopped');
  }
}

/** Moves the model one minute on (to `d.clock`), applying what falls due at the new minute. */
export function advanceDrugMinute(d: SessionContext): void {
  if (d.drug === null) return;
  const inf = d.infusion;
  d.drug = advanceDrug(d.drug, d.clock - d.drug.minute);
  if (inf?.running) {
    const remainingMg = Math.max(0, inf.remainingMg - inf.mgPerMinute);
    d.infusion = { ...inf, remainingMg, running: remainingMg > 1e-9 };
    if (remainingMg <= 1e-9) apply(d, { kind: 'infusionRate', mgPerMinute: 0 });
  }
  if (
    d.doseClock !== null &&
    d.clock === lastClockMinute(d) &&
    modelDrivesSignals(d) &&
    !settledByModel(d)
  )
    say(d, {
      speaker: 'system',
      text: sessionEndedAcutePhaseText(d.index.scenario.protocol.sessionMinutes),
    });
  const due = d.pendingDrug.filter((i) => i.minute <= d.clock);
  if (due.length > 0) {
    d.pendingDrug = d.pendingDrug.filter((i) => i.minute > d.clock);
    for (const input of due) {
      d.drug = applyDrugInput(d.drug, { ...input, minute: d.drug.minute });
      note(d, `Intranasal device ${MG_PER_NASAL_DEVICE} mg`);
    }
  }
}

/** The drug's effect now (null without a model). */
export function effectNow(ctx: SessionContext): DrugEffect | null {
  return ctx.drug === null ? null : drugEffect(ctx.drug);
}

/** The effect-site concentration now (ng/mL, to 0.01) for a vitals sample; empty without a model. */
export function effectSiteSample(ctx: SessionContext): { effectSiteNgPerMl?: number } {
  const effect = effectNow(ctx);
  return effect ? { effectSiteNgPerMl: Math.round(effect.effectSiteNgPerMl * 100) / 100 } : {};
}

/** The model's state `minutes` from now with no further inputs except those already scheduled. */
export function drugAhead(ctx: SessionContext, minutes: number): DrugState | null {
  if (ctx.drug === null) return null;
  let state = ctx.drug;
  const inf = ctx.infusion;
  // A running infusion stops when what is left has been given.
  const stopAt = inf?.running
    ? ctx.clock + Math.ceil(inf.remainingMg / inf.mgPerMinute - 1e-9)
    : null;
  const inputs: DrugInput[] = [...ctx.pendingDrug];
  if (stopAt !== null) inputs.push({ kind: 'infusionRate', minute: stopAt, mgPerMinute: 0 });
  inputs.sort((a, b) => a.minute - b.minute);
  const end = ctx.clock + minutes;
  for (const input of inputs) {
    if (input.minute > end) break;
    state = advanceDrug(state, input.minute - state.minute);
    state = applyDrugInput(state, { ...input, minute: state.minute });
  }
  return advanceDrug(state, end - state.minute);
}

/**
 * Whether the modelled effects have settled: nothing running or scheduled, dissociation below
 * ACUTE_EFFECT_FLOOR, and the effect-site concentration no longer rising (so the first minutes
 * after a lozenge, before it acts, do not count).
 */
function settledByModel(ctx: SessionContext): boolean {
  if (ctx.drug === null) return false;
  if (ctx.infusion?.running || ctx.pendingDrug.length > 0) return false;
  const now = drugEffect(ctx.drug);
  if (now.dissociation >= ACUTE_EFFECT_FLOOR) return false;
  const next = drugEffect(advanceDrug(ctx.drug, 1));
  return next.effectSiteNgPerMl <= now.effectSiteNgPerMl;
}

/**
 * Whether the acute effects are over, by the model (the rule, used by the observation region,
 * the next-event prediction and the view): once dosed, when the modelled effects have settled
 * (see settledByModel), or at the latest when the clock reaches the end of the session
 * (`protocol.sessionMinutes` after the dose), whatever the modelled level: the visit never waits
 * for a level the session cannot reach, and the discharge criteria (`protocol.discharge`) still
 * decide whether the patient may leave. The engine says so in the transcript (see
 * advanceDrugMinute).
 */
export function acuteEffectsOverByModel(ctx: SessionContext): boolean {
  if (ctx.drug === null || ctx.doseClock === null) return false;
  return ctx.clock >= lastClockMinute(ctx) || settledByModel(ctx);
}

/** The transcript line that says the session's end, not the drug, ended the acute phase. */
export function sessionEndedAcutePhaseText(sessionMinutes: number): string {
  return `The session's ${sessionMinutes} minutes since the dose are up while the drug's effects are still above the "acute effects over" mark: the acute phase ends here, and the discharge criteria decide whether the patient may leave.`;
}
