/**
 * What a choice changes: its effects on variables, settings and signals, and its clinical action
 * (the protocol facts it sets, a vitals check, the dose).
 */
import { own } from '../format/own.ts';
import { say } from './context.ts';
import type { OptionDef } from './indexScenario.ts';
import { checkVitals, refreshVitals, respondToAlarms } from './monitoring.ts';
import { processMinute } from './clock.ts';
import { controlInfusion, giveDrug } from './drug-course.ts';
import type { Facts, SessionContext, Signals } from './types.ts';

type Effects = NonNullable<OptionDef['effects']>;

/** The protocol fact each clinical action sets. */
const ACTION_FACT: Partial<Record<NonNullable<OptionDef['action']>, keyof Facts>> = {
  recordConsent: 'consentRecorded',
  completeScreening: 'screeningComplete',
  documentBpDecision: 'bpDecisionDocumented',
  delayDose: 'doseDelayed',
  arrangeTransport: 'transportArranged',
  recordRiskAssessment: 'riskAssessmentRecorded',
  callPrescriber: 'prescriberCalled',
  callEmergency: 'emergencyCalled',
  pauseAdministration: 'administrationPaused',
  stopAdministration: 'administrationStopped',
};

const INFUSION_CONTROL: Partial<
  Record<NonNullable<OptionDef['action']>, 'pause' | 'resume' | 'stop'>
> = {
  pauseAdministration: 'pause',
  resumeAdministration: 'resume',
  stopAdministration: 'stop',
};

/** Applies an option's effects, then its clinical action. */
export function applyOptionEffects(d: SessionContext, option: OptionDef): void {
  applyEffects(d, option.effects);
  const action = option.action;
  if (action) {
    const fact = ACTION_FACT[action];
    if (fact) d.facts = { ...d.facts, [fact]: true };
    if (action === 'delayDose') d.recheckFrom = d.clock + (option.recheckAfterMinutes ?? 0);
    if (action === 'resumeAdministration') d.facts = { ...d.facts, administrationPaused: false };
    const control = INFUSION_CONTROL[action];
    if (control) controlInfusion(d, control);
    if (action === 'checkVitals') checkVitals(d);
    if (action === 'administerDose') giveDose(d, option.dose);
    if (action === 'giveBooster' || action === 'giveMedication') {
      if (action === 'giveBooster') d.boostersGiven += 1;
      if (option.dose) giveDrug(d, option.dose);
      refreshVitals(d);
    }
  }
  if (option.kind === 'action') respondToAlarms(d);
}

/** Applies effects: variables set and added, settings changed, signals offset. */
export function applyEffects(d: SessionContext, effects: Effects | undefined): void {
  if (!effects) return;
  if (effects.set || effects.add) {
    const vars = { ...d.vars, ...effects.set };
    for (const [k, n] of Object.entries(effects.add ?? {})) {
      const before = own(vars, k);
      vars[k] = (typeof before === 'number' ? before : 0) + n;
    }
    d.vars = vars;
  }
  if (effects.setting) {
    for (const [k, v] of Object.entries(effects.setting))
      changeSetting(d, k as keyof SessionContext['settings'], v);
  }
  if (effects.vitals) addVitals(d, effects.vitals);
}

/** Adds changes to the signals' offsets and recomputes the signals. */
export function addVitals(d: SessionContext, deltas: Partial<Signals>): void {
  const offsets = { ...d.offsets };
  for (const [k, n] of Object.entries(deltas))
    offsets[k as keyof Signals] = (offsets[k as keyof Signals] ?? 0) + (n ?? 0);
  d.offsets = offsets;
  refreshVitals(d);
}

/** Changes a room setting (music, eyeshades, lights). */
export function changeSetting(
  d: SessionContext,
  setting: keyof SessionContext['settings'],
  value: string,
): void {
  d.settings = { ...d.settings, [setting]: value } as SessionContext['settings'];
  say(d, { speaker: 'system', text: `${setting[0]!.toUpperCase()}${setting.slice(1)}: ${value}.` });
}

function giveDose(d: SessionContext, dose: OptionDef['dose']): void {
  d.facts = { ...d.facts, dosed: true };
  d.doseClock = d.clock;
  d.minute = 0;
  if (dose) giveDrug(d, dose);
  say(d, { speaker: 'system', text: 'Dose given. The clock starts: minute 0.' });
  processMinute(d);
}
