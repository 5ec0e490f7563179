/**
 * The session context at the start of a visit: the scenario indexed, variables and facts (with
 * what an earlier visit of a course carried), the room, and the signals at arrival.
 */
import { PROTOCOL_FACTS } from '../format/schema.ts';
import { AppendList } from './append-list.ts';
import { AppendSet } from './append-set.ts';
import { initialDrug } from './drug-course.ts';
import { indexScenario } from './indexScenario.ts';
import { refreshVitals } from './monitoring.ts';
import { initialMonitor } from './nibp.ts';
import type { Facts, SessionContext, SessionInput, Signals } from './types.ts';

/** The context of a new session, in the briefing. */
export function initialContext(input: SessionInput): SessionContext {
  const index = indexScenario(input.scenario);
  const vars: Record<string, boolean | number> = {};
  for (const v of input.scenario.variables) vars[v.id] = v.initial;
  const facts = Object.fromEntries(PROTOCOL_FACTS.map((f) => [f, false])) as Facts;
  const carried = input.carried ?? null;
  // Carried values count only for what this visit declares (variables) or knows (facts).
  for (const [id, value] of Object.entries(carried?.vars ?? {})) if (id in vars) vars[id] = value;
  for (const [fact, value] of Object.entries(carried?.facts ?? {}))
    if (fact in facts && fact !== 'dosed') facts[fact as keyof Facts] = value === true;
  const ctx: SessionContext = {
    index,
    seed: input.seed >>> 0,
    mode: input.mode,
    status: 'briefing',
    phase: null,
    stepId: null,
    stepShown: false,
    stepShownAt: null,
    phaseEnteredAt: null,
    clockOwed: 0,
    stepVariant: null,
    minute: null,
    clock: 0,
    doseClock: null,
    recheckFrom: null,
    restEndsAt: null,
    earlyRecheckAt: null,
    predoseBp: null,
    drug: initialDrug(input.scenario),
    infusion: null,
    pendingDrug: [],
    doseEvents: AppendList.empty(),
    boostersGiven: 0,
    carried,
    paused: false,
    vars,
    facts,
    settings: { music: 'off', eyeshades: 'off', lights: 'bright' },
    // Carried vitals start this visit where the last one left them, as offsets from its baseline.
    offsets: Object.fromEntries(
      Object.entries(carried?.baseline ?? {}).map(([k, v]) => [
        k,
        (v ?? 0) - input.scenario.patient.baseline[k as keyof Signals],
      ]),
    ),
    vitals: { ...input.scenario.patient.baseline },
    history: AppendList.empty(),
    monitor: initialMonitor(input.scenario.protocol),
    alarms: [],
    activeAlarms: [],
    fired: [],
    open: [],
    eventStates: {},
    stepCrisis: null,
    checks: {},
    decisions: AppendList.empty(),
    scoredSteps: AppendSet.empty(),
    retried: {},
    transcript: AppendList.empty(),
    log: AppendList.empty(),
    lastChoice: null,
    lastFeedback: null,
    lastRefusal: null,
    ending: null,
    cues: [],
  };
  refreshVitals(ctx);
  return ctx;
}
