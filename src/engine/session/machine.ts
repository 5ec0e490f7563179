/**
 * The session machine: one statechart for every scenario (the scenario arrives as `input`).
 *
 *   briefing → preparation → administration → dosed ─────────────────────────▶ integration → debrief
 *                                              ├─ monitoring: observing ⇄ settled
 *                                              └─ therapy: acuteSupport → guidedConversation → awaitingRecovery
 *
 * The state is a projection of the context: every change is made by a named action calling the
 * pure rules in rules.ts, and moves between phases go through the transient `route` state, which
 * picks the state that matches the context (this also makes a practice-mode retry exact).
 * Simulated time enters only as `clock.advance` events; there are no timers.
 */
import { and, assign, enqueueActions, not, setup } from 'xstate';
import type { PhaseId } from '../format/schema.ts';
import { hashScenario } from '../attempt/hash.ts';
import { SAVE_VERSION, type Attempt } from '../attempt/types.ts';
import {
  advanceClock,
  changeSetting,
  checkVitals,
  doseRefusal,
  dischargeRefusal,
  endPhaseRefusal,
  endSession,
  enterNextPhase,
  enterPhase,
  eventRefusal,
  followNext,
  applyOptionEffects,
  initialContext,
  isMonitoringDone,
  isOptionOffered,
  isStepOption,
  isOpenEventOption,
  recordEventChoice,
  recordStepChoice,
} from './rules.ts';
import type { Cue, SessionContext, SessionEvent, SessionInput } from './types.ts';
import { own } from '../format/own.ts';

export type SessionTag =
  | 'briefing'
  | 'preparation'
  | 'administration'
  | 'monitoring'
  | 'guidedConversation'
  | 'integration'
  | 'debrief'
  | 'left'
  | 'observing'
  | 'settled';

/** The option a choose event names, if the event is a choice of a known option. */
function optionOf(context: SessionContext, event: SessionEvent) {
  return event.type === 'trainee.choose'
    ? context.index.options.get(event.optionId)?.option
    : undefined;
}

/** Runs `change` on a shallow copy of the context (the rules never mutate shared arrays). */
function draft(change: (d: SessionContext, event: SessionEvent) => void) {
  return assign<SessionContext, SessionEvent, undefined, SessionEvent, never>(
    ({ context, event }) => {
      const d = { ...context };
      change(d, event);
      return d;
    },
  );
}

/** The attempt a host persists: the save form of the log so far. */
export function attemptFromContext(context: SessionContext): Attempt {
  return {
    saveVersion: SAVE_VERSION,
    scenarioId: context.index.scenario.id,
    scenarioHash: hashScenario(context.index.scenario),
    seed: context.seed,
    mode: context.mode,
    events: context.log.map((l) => l.event),
  };
}

const bookkeeping = [
  'playCues',
  {
    type: 'persistAttempt',
    params: ({ context }: { context: SessionContext }) => ({
      attempt: attemptFromContext(context),
    }),
  },
] as const;

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    tags: {} as SessionTag,
  },
  guards: {
    isPaused: ({ context }) => context.paused,
    isStepOption: ({ context, event }) =>
      event.type === 'trainee.choose' && isStepOption(context, event.optionId),
    isEventOption: ({ context, event }) =>
      event.type === 'trainee.choose' && isOpenEventOption(context, event.optionId),
    isOptionOffered: ({ context, event }) =>
      event.type === 'trainee.choose' && isOptionOffered(context, event.optionId),
    canDose: ({ context, event }) =>
      optionOf(context, event)?.action !== 'administerDose' || doseRefusal(context) === null,
    canDischarge: ({ context, event }) =>
      optionOf(context, event)?.action !== 'discharge' || dischargeRefusal(context) === null,
    canEndPhase: ({ context, event }) => {
      const option = optionOf(context, event);
      return !option || endPhaseRefusal(context, option) === null;
    },
    leadsToEnding: ({ context, event }) => optionOf(context, event)?.ending !== undefined,
    endsPhase: ({ context, event }) => optionOf(context, event)?.endsPhase === true,
    isAccepted: ({ context, event }) => eventRefusal(context, event) === null,
    canRetry: ({ context, event }) =>
      event.type === 'trainee.retry' && eventRefusal(context, event) === null,
    isMonitoringDone: ({ context }) => isMonitoringDone(context),
    canStartIntegration: ({ context }) => context.therapyDone && isMonitoringDone(context),
    isInPhase: ({ context }, params: { phase: PhaseId | null }) => context.phase === params.phase,
    isDosedPhase: ({ context }) =>
      context.phase === 'monitoring' || context.phase === 'guidedConversation',
    isTherapyDone: ({ context }) => context.therapyDone,
  },
  actions: {
    /** Logs an accepted event and starts a fresh list of cues. */
    recordEvent: draft((d, event) => {
      d.log = [...d.log, { event, minute: d.minute, accepted: true }];
      d.cues = [];
      if (event.type.startsWith('trainee.')) d.lastRefusal = null;
      if (event.type !== 'session.pause' && event.type !== 'session.resume') d.lastChoice = null;
    }),
    /** Logs a refused event with its reason; a refused choice is also shown to the trainee. */
    refuseEvent: draft((d, event) => {
      const reason = eventRefusal(d, event) ?? 'Not possible now.';
      d.log = [...d.log, { event, minute: d.minute, accepted: false, reason }];
      d.cues = [];
      if (event.type === 'trainee.choose') d.lastRefusal = { optionId: event.optionId, reason };
    }),
    beginSession: draft((d) => {
      d.status = 'running';
      enterPhase(d, d.index.phaseOrder[0]!);
    }),
    /** Records the decision (and keeps the context before it for a practice-mode retry). */
    recordChoice: draft((d, event) => {
      const option = optionOf(d, event)!;
      const place = d.index.options.get(option.id)!;
      const before = { ...d, log: d.log.slice(0, -1), lastChoice: null };
      if (place.stepId !== undefined) recordStepChoice(d, option);
      else recordEventChoice(d, option);
      d.lastChoice = { before, optionId: option.id, refId: place.stepId ?? place.eventId! };
    }),
    applyEffects: draft((d, event) => applyOptionEffects(d, optionOf(d, event)!)),
    followNext: draft((d, event) => followNext(d, optionOf(d, event)!)),
    enterNextPhase: draft((d) => enterNextPhase(d)),
    enterIntegration: draft((d) => enterPhase(d, 'integration')),
    endSession: draft((d, event) => endSession(d, optionOf(d, event)!.ending!)),
    leaveSession: draft((d) => {
      d.status = 'left';
      d.stepShown = false;
    }),
    /** Practice mode: restores the context before the last choice and records the retry. */
    undoChoice: draft((d, event) => {
      const last = d.lastChoice!;
      const restored: SessionContext = {
        ...last.before,
        log: [...d.log, { event, minute: d.minute, accepted: true }],
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
    advanceClock: draft((d, event) => {
      if (event.type === 'clock.advance') advanceClock(d, event.minutes);
    }),
    checkVitals: draft((d) => checkVitals(d)),
    changeSetting: draft((d, event) => {
      if (event.type === 'trainee.setting') changeSetting(d, event.setting, event.value);
    }),
    pause: draft((d) => {
      d.paused = true;
    }),
    resume: draft((d) => {
      d.paused = false;
    }),
    /** Emits one playCue per cue raised by this event (alarms, events, step audio). */
    playCues: enqueueActions(({ context, enqueue }) => {
      for (const cue of context.cues) enqueue({ type: 'playCue', params: { cue } });
    }),
    /** Plays a sound cue; a no-op until a host provides one. */
    playCue: (_: unknown, _params: { cue: Cue }) => {},
    /** Saves the attempt; a no-op until a host provides one. */
    persistAttempt: (_: unknown, _params: { attempt: Attempt }) => {},
  },
}).createMachine({
  id: 'kap',
  // XState's pure transition() builds a throw-away actor without input on every call; give it an
  // empty context instead of failing (and paying for an exception) each time.
  context: ({ input }) => (input ? initialContext(input) : ({} as SessionContext)),
  initial: 'briefing',
  on: {
    'trainee.choose': [
      {
        guard: and(['isEventOption', 'isOptionOffered', not('isPaused'), 'leadsToEnding']),
        target: '.debrief',
        actions: ['recordEvent', 'recordChoice', 'applyEffects', 'endSession', ...bookkeeping],
      },
      {
        guard: and(['isEventOption', 'isOptionOffered', not('isPaused')]),
        actions: ['recordEvent', 'recordChoice', 'applyEffects', ...bookkeeping],
      },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'trainee.retry': [
      {
        guard: 'canRetry',
        target: '.route',
        reenter: true,
        actions: ['undoChoice', ...bookkeeping],
      },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'trainee.act': [
      { guard: 'isAccepted', actions: ['recordEvent', 'checkVitals', ...bookkeeping] },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'trainee.setting': [
      { guard: 'isAccepted', actions: ['recordEvent', 'changeSetting', ...bookkeeping] },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'clock.advance': [
      { guard: 'isAccepted', actions: ['recordEvent', 'advanceClock', ...bookkeeping] },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'session.pause': [
      { guard: 'isAccepted', actions: ['recordEvent', 'pause', ...bookkeeping] },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'session.resume': [
      { guard: 'isAccepted', actions: ['recordEvent', 'resume', ...bookkeeping] },
      { actions: ['refuseEvent', ...bookkeeping] },
    ],
    'session.leave': { target: '.left', actions: ['recordEvent', 'leaveSession', ...bookkeeping] },
    'session.begin': { actions: ['refuseEvent', ...bookkeeping] },
  },
  states: {
    briefing: {
      tags: 'briefing',
      on: {
        'session.begin': {
          target: 'route',
          actions: ['recordEvent', 'beginSession', ...bookkeeping],
        },
      },
    },
    /** Transient: enters the state that matches the context's phase. */
    route: {
      always: [
        { guard: { type: 'isInPhase', params: { phase: null } }, target: 'briefing' },
        { guard: { type: 'isInPhase', params: { phase: 'preparation' } }, target: 'preparation' },
        {
          guard: { type: 'isInPhase', params: { phase: 'administration' } },
          target: 'administration',
        },
        { guard: 'isDosedPhase', target: 'dosed' },
        { target: 'integration' },
      ],
    },
    preparation: { tags: 'preparation', on: { 'trainee.choose': stepChoice() } },
    administration: { tags: 'administration', on: { 'trainee.choose': stepChoice() } },
    dosed: {
      type: 'parallel',
      always: { guard: 'canStartIntegration', target: 'integration', actions: 'enterIntegration' },
      states: {
        monitoring: {
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
          initial: 'resolve',
          states: {
            resolve: {
              always: [
                { guard: 'isTherapyDone', target: 'awaitingRecovery' },
                {
                  guard: { type: 'isInPhase', params: { phase: 'monitoring' } },
                  target: 'acuteSupport',
                },
                { target: 'guidedConversation' },
              ],
            },
            acuteSupport: { tags: 'monitoring', on: { 'trainee.choose': stepChoice() } },
            guidedConversation: {
              tags: 'guidedConversation',
              on: { 'trainee.choose': stepChoice() },
            },
            awaitingRecovery: { tags: 'guidedConversation' },
          },
        },
      },
    },
    integration: { tags: 'integration', on: { 'trainee.choose': stepChoice() } },
    debrief: { tags: 'debrief', type: 'final' },
    left: { tags: 'left', type: 'final' },
  },
});

/** The transitions of a step choice, the same in every phase; refusals fall through to the root. */
function stepChoice() {
  const allowed = and([
    'isStepOption',
    not('isPaused'),
    'isOptionOffered',
    'canDose',
    'canDischarge',
    'canEndPhase',
  ]);
  return [
    {
      guard: and([allowed, 'leadsToEnding']),
      target: '#kap.debrief',
      actions: ['recordEvent', 'recordChoice', 'applyEffects', 'endSession', ...bookkeeping],
    },
    {
      guard: and([allowed, 'endsPhase']),
      target: '#kap.route',
      reenter: true,
      actions: ['recordEvent', 'recordChoice', 'applyEffects', 'enterNextPhase', ...bookkeeping],
    },
    {
      guard: allowed,
      actions: ['recordEvent', 'recordChoice', 'applyEffects', 'followNext', ...bookkeeping],
    },
  ] as const;
}

export type SessionMachine = typeof sessionMachine;
