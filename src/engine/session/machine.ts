/**
 * The session machine: one statechart for every scenario (the scenario arrives as `input`).
 * Read aloud:
 *
 *   briefing → visit → debrief (or left, when the trainee leaves)
 *   visit:  active ⇄ paused (resume returns to exactly where the session was)
 *   active: arriving → preparation → administration → dosed → integration
 *   dosed:  observation (observing ⇄ settled) beside therapy (acuteSupport → guidedConversation
 *           → awaitingRecovery); integration starts when therapy awaits recovery and observation
 *           has settled.
 *
 * A choice that ends a phase takes a drawn edge to the next phase the scenario has (the edges come
 * from the one phase table, phases.ts). Whether any event is accepted is one guard, `isAllowed`,
 * answered by the one refusal function (gates.ts), which also gives the reason of a refusal.
 * `status`, `phase` and `paused` in the context are echoes written by the states' own actions.
 * Simulated time enters only as `clock.advance` events; there are no timers.
 */
import { own } from '../format/own.ts';
import { and, assign, not, setup } from 'xstate';
import type { PhaseId } from '../format/schema.ts';
import { attemptFromContext } from './save-form.ts';
import { advanceClock, machineMustMove } from './clock.ts';
import { expiryDue } from './deadlines.ts';
import { initialContext } from './initial-context.ts';
import { recordEventChoice, recordStepChoice } from './decisions.ts';
import { applyOptionEffects, changeSetting } from './effects.ts';
import { gateRefusal, refusal } from './gates.ts';
import { optionTakesReading } from './measured-bp.ts';
import { checkVitals, isMonitoringDone } from './monitoring.ts';
import { applyMonitorCommand, NIBP_CYCLE_MINUTES } from './nibp.ts';
import { isOpenEventOption, isStepOption } from './offers.ts';
import { PHASES, phaseInfo } from './phases.ts';
import { endSession, enterPhase, finishTherapy, followNext, withdrawThen } from './steps.ts';
import type { SessionContext, SessionEvent, SessionInput } from './types.ts';

export { attemptFromContext };

export type SessionTag =
  | 'briefing'
  | 'preparation'
  | 'administration'
  | 'monitoring'
  | 'guidedConversation'
  | 'integration'
  | 'debrief'
  | 'left'
  | 'paused'
  | 'awaitingRecovery'
  | 'observing'
  | 'settled';

/** The option a choose event names, if the event is a choice of a known option. */
function optionOf(context: SessionContext, event: SessionEvent) {
  return event.type === 'trainee.choose'
    ? context.index.options.get(event.optionId)?.option
    : undefined;
}

/** Runs `change` on a shallow copy of the context (the rules never mutate shared values). */
function draft(change: (d: SessionContext, event: SessionEvent) => void) {
  return assign<SessionContext, SessionEvent, undefined, SessionEvent, never>(
    ({ context, event }) => {
      const d = { ...context };
      change(d, event);
      return d;
    },
  );
}

/**
 * Logs an accepted event and starts a fresh list of cues: `cues` are the sounds the last event
 * raised, in every step the machine took for it (host-effects.ts).
 */
function logAccepted(d: SessionContext, event: SessionEvent): void {
  d.log = d.log.append({ event, minute: d.minute, accepted: true });
  d.cues = [];
  if (event.type.startsWith('trainee.')) d.lastRefusal = null;
  if (event.type !== 'session.pause' && event.type !== 'session.resume') d.lastChoice = null;
}

/**
 * What a choice's transition does after the choice itself: go on to the option's next step, enter
 * the next phase, finish the therapy region, or end the session with the option's ending.
 */
type AfterChoice = {
  then?: 'followNext' | 'finishTherapy' | 'endSession' | { enterPhase: PhaseId };
};
const choose = (then?: AfterChoice['then']) =>
  ({ type: 'choose', params: then === undefined ? {} : { then } }) as const;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    tags: {} as SessionTag,
  },
  guards: {
    /** The one guard: the refusal function finds nothing against the event. */
    isAllowed: ({ context, event }) => refusal(context, event) === null,
    isStepOption: ({ context, event }) =>
      event.type === 'trainee.choose' && isStepOption(context, event.optionId),
    isEventOption: ({ context, event }) =>
      event.type === 'trainee.choose' && isOpenEventOption(context, event.optionId),
    leadsToEnding: ({ context, event }) => optionOf(context, event)?.ending !== undefined,
    endsPhase: ({ context, event }) => optionOf(context, event)?.endsPhase === true,
    /** The scenario's phase after the current one is `phase`. */
    nextPhaseIs: ({ context }, params: { phase: PhaseId }) =>
      context.phase !== null && context.index.nextPhase(context.phase) === params.phase,
    /** The scenario's first phase is `phase`. */
    isFirstPhase: ({ context }, params: { phase: PhaseId }) =>
      context.index.phaseOrder[0] === params.phase,
    /** The restored context of a practice retry was in `phase`. */
    wasInPhase: ({ context }, params: { phase: PhaseId }) => context.phase === params.phase,
    isMonitoringDone: ({ context }) => isMonitoringDone(context),
    /** The current step's offer has passed its deadline and its withdrawal ends the session. */
    expiryEndsSession: ({ context }) => {
      const target = expiryDue(context);
      return target !== null && 'ending' in target;
    },
    /** The current step's offer has passed its deadline and its withdrawal ends the phase. */
    expiryEndsPhase: ({ context }) => {
      const target = expiryDue(context);
      return target !== null && 'endsPhase' in target;
    },
    /** Minutes of an accepted clock.advance are still to run, and no edge must be taken first. */
    hasClockOwed: ({ context }) => (context.clockOwed ?? 0) > 0 && !machineMustMove(context),
  },
  actions: {
    /** Logs an accepted event and starts a fresh list of cues. */
    recordEvent: draft(logAccepted),
    /** Logs a refused event with its reason; a refused choice is also shown to the trainee. */
    refuseEvent: draft((d, event) => {
      const reason = refusal(d, event);
      if (reason === null)
        throw new Error(`The session neither accepted nor refused "${event.type}".`);
      d.log = d.log.append({ event, minute: d.minute, accepted: false, reason });
      d.cues = [];
      if (event.type === 'trainee.choose') {
        d.lastRefusal = { optionId: event.optionId, reason };
        // An option that takes a reading takes it even when its gate refuses on that reading:
        // the refusal quotes it and the monitor shows it (measured-bp.ts).
        const option = d.index.options.get(event.optionId)?.option;
        if (option && optionTakesReading(option) && reason === gateRefusal(d, option))
          checkVitals(d, 'option');
      }
    }),
    noteRunning: draft((d) => {
      d.status = 'running';
    }),
    noteDebrief: draft((d) => {
      d.status = 'debrief';
    }),
    noteLeft: draft((d) => {
      d.status = 'left';
      d.stepShown = false;
    }),
    notePaused: draft((d) => {
      d.paused = true;
    }),
    noteResumed: draft((d) => {
      d.paused = false;
    }),
    /** Records the decision (and keeps the context before it for a practice-mode retry). */
    /**
     * An accepted choice: logs it, records the decision (keeping the context before it for a
     * practice-mode retry), applies the option's effects and clinical action, then does what the
     * transition says comes after it (`then`). One update of the context, not one per part: a
     * choice is the hot path of every session.
     */
    choose: assign<SessionContext, SessionEvent, AfterChoice, SessionEvent, never>(
      ({ context, event }, after) => {
        const d = { ...context };
        logAccepted(d, event);
        const option = optionOf(d, event)!;
        const place = d.index.options.get(option.id)!;
        const before = { ...d, log: d.log.dropLast(), lastChoice: null };
        if (place.stepId !== undefined) recordStepChoice(d, option);
        else recordEventChoice(d, option);
        d.lastChoice = { before, optionId: option.id, refId: place.stepId ?? place.eventId! };
        applyOptionEffects(d, option);
        const then = after.then;
        if (then === 'followNext') followNext(d, option);
        else if (then === 'finishTherapy') finishTherapy(d);
        else if (then === 'endSession') endSession(d, option.ending!);
        else if (then !== undefined) enterPhase(d, then.enterPhase);
        return d;
      },
    ),
    enterPhase: assign<SessionContext, SessionEvent, { phase: PhaseId }, SessionEvent, never>(
      ({ context }, params) => {
        const d = { ...context };
        enterPhase(d, params.phase);
        return d;
      },
    ),
    /** Practice mode: restores the context before the last choice and records the retry. */
    undoChoice: draft((d, event) => {
      const last = d.lastChoice!;
      const restored: SessionContext = {
        ...last.before,
        log: d.log.append({ event, minute: d.minute, accepted: true }),
        retried: {
          ...d.retried,
          [last.refId]: [...(own(d.retried, last.refId) ?? []), last.optionId],
        },
        cues: [],
        lastRefusal: null,
        lastFeedback: null,
        lastChoice: null,
      };
      Object.assign(d, restored);
    }),
    /**
     * The current step was withdrawn at its deadline and its withdrawal leaves the phase or ends
     * the session: records it and goes where it leads (`then`, as a choice's transition says).
     */
    withdraw: assign<SessionContext, SessionEvent, Required<AfterChoice>, SessionEvent, never>(
      ({ context }, after) => {
        const d = { ...context };
        withdrawThen(d, after.then as Parameters<typeof withdrawThen>[1]);
        return d;
      },
    ),
    /** Runs the minutes of an accepted clock.advance still owed after the machine took an edge. */
    continueClock: draft((d) => {
      advanceClock(d, d.clockOwed ?? 0);
    }),
    // The three actions below log the accepted event themselves (one context update per event).
    /** Logs the event and lets the simulated minutes pass. */
    advanceClock: draft((d, event) => {
      logAccepted(d, event);
      if (event.type === 'clock.advance') advanceClock(d, event.minutes);
    }),
    /** Logs the event; the clock runs one cuff cycle, then the reading is the trainee's vitals check. */
    checkVitals: draft((d, event) => {
      logAccepted(d, event);
      const alarmsBefore = d.alarms.length; // one raised during the cycle waits for the next act
      advanceClock(d, NIBP_CYCLE_MINUTES);
      checkVitals(d, 'trainee', alarmsBefore);
    }),
    /** Logs the event and applies the trainee's monitor command (interval, measure now, limits). */
    applyMonitor: draft((d, event) => {
      logAccepted(d, event);
      if (event.type === 'trainee.monitor')
        d.monitor = applyMonitorCommand(d.monitor, event, d.clock);
    }),
    /** Logs the event and changes the room setting. */
    changeSetting: draft((d, event) => {
      logAccepted(d, event);
      if (event.type === 'trainee.setting') changeSetting(d, event.setting, event.value);
    }),
  },
}).createMachine({
  id: 'kap',
  // XState's pure transition() builds a throw-away actor without input on every call; give it an
  // empty context instead of failing (and paying for an exception) each time.
  context: ({ input }) => (input ? initialContext(input) : ({} as SessionContext)),
  initial: 'briefing',
  on: {
    // Responses to open scenario events are taken in any phase; everything refused lands here.
    'trainee.choose': [
      {
        guard: and(['isEventOption', 'leadsToEnding', 'isAllowed']),
        target: '.debrief',
        actions: [choose('endSession')],
      },
      {
        guard: and(['isEventOption', 'isAllowed']),
        actions: [choose()],
      },
      { actions: ['refuseEvent'] },
    ],
    'trainee.retry': [
      {
        guard: 'isAllowed',
        target: '.returningToChoice',
        actions: ['undoChoice'],
      },
      { actions: ['refuseEvent'] },
    ],
    'trainee.act': [{ guard: 'isAllowed', actions: ['checkVitals'] }, { actions: ['refuseEvent'] }],
    'trainee.setting': [
      { guard: 'isAllowed', actions: ['changeSetting'] },
      { actions: ['refuseEvent'] },
    ],
    'trainee.monitor': [
      { guard: 'isAllowed', actions: ['applyMonitor'] },
      { actions: ['refuseEvent'] },
    ],
    'clock.advance': [
      { guard: 'isAllowed', actions: ['advanceClock'] },
      { actions: ['refuseEvent'] },
    ],
    'session.begin': { actions: ['refuseEvent'] },
    'session.pause': { actions: ['refuseEvent'] },
    'session.resume': { actions: ['refuseEvent'] },
    'session.leave': { target: '.left', actions: ['recordEvent'] },
  },
  states: {
    briefing: {
      tags: 'briefing',
      on: { 'session.begin': { target: 'visit', actions: ['recordEvent'] } },
    },
    visit: {
      entry: 'noteRunning',
      initial: 'active',
      states: {
        active: {
          initial: 'arriving',
          // The rest of a clock.advance interrupted by an edge (a step withdrawn out of its phase, integration starting).
          always: { guard: 'hasClockOwed', actions: ['continueClock'] },
          on: {
            'session.pause': {
              guard: 'isAllowed',
              target: 'paused',
              actions: ['recordEvent'],
            },
          },
          states: {
            /** The patient arrives: the scenario's first phase starts. */
            arriving: {
              always: PHASES.map((p) => ({
                guard: { type: 'isFirstPhase' as const, params: { phase: p.id } },
                target: p.stateId,
                actions: [{ type: 'enterPhase' as const, params: { phase: p.id } }],
              })),
            },
            preparation: {
              tags: 'preparation',
              always: stepExpiry('preparation'),
              on: { 'trainee.choose': stepChoice('preparation') },
            },
            administration: {
              tags: 'administration',
              always: stepExpiry('administration'),
              on: { 'trainee.choose': stepChoice('administration') },
            },
            dosed: {
              type: 'parallel',
              states: {
                observation: {
                  initial: 'observing',
                  states: {
                    observing: {
                      tags: 'observing',
                      always: { guard: 'isMonitoringDone', target: 'settled' },
                    },
                    settled: {
                      tags: 'settled',
                      always: { guard: not('isMonitoringDone'), target: 'observing' },
                    },
                  },
                },
                therapy: {
                  initial: 'acuteSupport',
                  states: {
                    acuteSupport: {
                      tags: 'monitoring',
                      always: stepExpiry('monitoring'),
                      on: { 'trainee.choose': stepChoice('monitoring') },
                    },
                    guidedConversation: {
                      tags: 'guidedConversation',
                      always: stepExpiry('guidedConversation'),
                      on: { 'trainee.choose': stepChoice('guidedConversation') },
                    },
                    /** Therapy is over; integration starts once observation has settled. */
                    awaitingRecovery: {
                      tags: ['guidedConversation', 'awaitingRecovery'],
                      always: {
                        guard: 'isMonitoringDone',
                        target: '#kap.visit.active.integration',
                        actions: { type: 'enterPhase', params: { phase: 'integration' } },
                      },
                    },
                  },
                },
              },
            },
            integration: {
              tags: 'integration',
              always: stepExpiry('integration'),
              on: { 'trainee.choose': stepChoice('integration') },
            },
            /** Where a resumed session returns to. */
            hist: { type: 'history', history: 'deep' },
          },
        },
        paused: {
          tags: 'paused',
          entry: 'notePaused',
          exit: 'noteResumed',
          on: {
            'session.resume': { target: 'active.hist', actions: ['recordEvent'] },
          },
        },
      },
    },
    /** Practice retry: back to the phase of the choice being retried, as it was before it. */
    returningToChoice: {
      always: PHASES.map((p) => ({
        guard: { type: 'wasInPhase' as const, params: { phase: p.id } },
        target: p.stateId,
      })),
    },
    debrief: { tags: 'debrief', type: 'final', entry: 'noteDebrief' },
    left: { tags: 'left', type: 'final', entry: 'noteLeft' },
  },
});

/**
 * The transitions of a step choice in `from`: to the debrief for an ending, along a drawn edge to
 * the next phase for a choice that ends the phase, else on to the option's next step. Refused
 * choices fall through to the root, which logs the reason.
 */
function stepChoice(from: PhaseId) {
  const i = PHASES.findIndex((p) => p.id === from);
  const leavesTherapy = (to: PhaseId) => phaseInfo(from).therapy && !phaseInfo(to).therapy;
  return [
    {
      guard: and(['isStepOption', 'leadsToEnding', 'isAllowed']),
      target: '#kap.debrief',
      actions: [choose('endSession')] as const,
    },
    ...PHASES.slice(i + 1).map((to) => ({
      guard: and([
        'isStepOption',
        'endsPhase',
        { type: 'nextPhaseIs' as const, params: { phase: to.id } },
        'isAllowed',
      ]),
      target: leavesTherapy(to.id)
        ? '#kap.visit.active.dosed.therapy.awaitingRecovery'
        : to.stateId,
      actions: [choose(leavesTherapy(to.id) ? 'finishTherapy' : { enterPhase: to.id })] as const,
    })),
    {
      guard: and(['isStepOption', 'isAllowed']),
      actions: [choose('followNext')] as const,
    },
  ];
}

/**
 * The edges a step withdrawn at its deadline takes out of `from` (deadlines.ts): to the debrief
 * when its withdrawal ends the session, to the next phase when it ends the phase. A withdrawal to
 * a step of the same phase is no edge: the clock's rules present that step (steps.ts).
 */
function stepExpiry(from: PhaseId) {
  const i = PHASES.findIndex((p) => p.id === from);
  const leavesTherapy = (to: PhaseId) => phaseInfo(from).therapy && !phaseInfo(to).therapy;
  return [
    {
      guard: 'expiryEndsSession' as const,
      target: '#kap.debrief',
      actions: [{ type: 'withdraw' as const, params: { then: 'endSession' as const } }],
    },
    ...PHASES.slice(i + 1).map((to) => ({
      guard: and(['expiryEndsPhase', { type: 'nextPhaseIs' as const, params: { phase: to.id } }]),
      target: leavesTherapy(to.id)
        ? '#kap.visit.active.dosed.therapy.awaitingRecovery'
        : to.stateId,
      actions: [
        {
          type: 'withdraw' as const,
          params: {
            then: leavesTherapy(to.id) ? ('finishTherapy' as const) : { enterPhase: to.id },
          },
        },
      ],
    })),
  ];
}

export type SessionMachine = typeof sessionMachine;
