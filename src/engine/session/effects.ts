/**
 * What a choice changes: its effects on variables, settings and signals, and its clinical action
 * (the protocol facts it sets, a vitals check, the dose).
 */
import { startsRecheckClock } from '../format/recheck-clock.ts';
import { say } from './context.ts';
import { applyEffects } from './changes.ts';
import type { OptionDef } from './indexScenario.ts';
import { checkVitals, refreshVitals, respondToAlarms } from './monitoring.ts';
import { processMinute } from './clock.ts';
import { controlInfusion, giveDrug } from './drug-course.ts';
import type { Facts, SessionContext } from './types.ts';

export { addVitals, applyEffects, changeSetting } from './changes.ts';

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
  const alarmsBefore = d.alarms.length; // an alarm the act itself raises is not answered by it
  // A reading the option takes is the one its gate judged (measured-bp.ts): taken before effects.
  if (option.takesReading && option.action !== 'checkVitals')
    checkVitals(d, 'option', alarmsBefore);
  applyEffects(d, option.effects);
  const action = option.action;
  if (action) {
    const fact = ACTION_FACT[action];
    if (fact) d.facts = { ...d.facts, [fact]: true };
    if (startsRecheckClock(option)) {
      d.recheckFrom = d.restEndsAt = d.clock + (option.recheckAfterMinutes ?? 0);
      d.earlyRecheckAt = null;
    }
    if (action === 'resumeAdministration') d.facts = { ...d.facts, administrationPaused: false };
    const control = INFUSION_CONTROL[action];
    if (control) controlInfusion(d, control);
    if (action === 'checkVitals') checkVitals(d, 'option', alarmsBefore);
    if (action === 'administerDose') giveDose(d, option.dose);
    if (action === 'giveBooster' || action === 'giveMedication') {
      if (action === 'giveBooster') d.boostersGiven += 1;
      if (option.dose) giveDrug(d, option.dose);
      refreshVitals(d);
    }
  }
  if (option.kind === 'action') respondToAlarms(d, alarmsBefore);
}

function giveDose(d: SessionContext, dose: OptionDef['dose']): void {
  d.facts = { ...d.facts, dosed: true };
  d.doseClock = d.clock;
  d.minute = 0;
  if (dose) giveDrug(d, dose);
  say(d, { speaker: 'system', text: 'Dose given. The clock starts: minute 0.' });
  processMinute(d);
}
