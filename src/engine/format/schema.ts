/**
 * The scenario format, version 2 — the single source of truth (docs/format-changelog.md says
 * what changed from version 1).
 *
 * The TypeScript types (`Static<…>`), the runtime validation (`validate`) and the published
 * JSON Schema (`scenarios/scenario.schema.json`, written by `npm run schema`) all come from
 * the TypeBox definitions in this file. Every property carries a description: editors show it.
 */
import { Type, type Static, type TNumber, type TOptional, type TString } from '@sinclair/typebox';

/** The newest scenario format this build reads. Older files are migrated; newer are refused. */
export const FORMAT_VERSION = 2;

/** The five phases of a KAP session, in the order a session moves through them. */
export const PHASE_IDS = [
  'preparation',
  'administration',
  'monitoring',
  'guidedConversation',
  'integration',
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** The kinds of visit (format 2): a preparation visit and an integration visit give no drug. */
export const VISIT_KINDS = ['preparation', 'dosing', 'integration'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
/** The phases each kind of visit has, in order. */
export const VISIT_PHASES: Record<VisitKind, readonly PhaseId[]> = {
  preparation: ['preparation'],
  dosing: PHASE_IDS,
  integration: ['integration'],
};

/** Vital signs measured by the monitor. */
export const VITAL_KEYS = [
  'systolic',
  'diastolic',
  'heartRate',
  'spo2',
  'respiratoryRate',
] as const;
/** Patient-state signals on a 0–10 scale. */
export const STATE_KEYS = ['dissociation', 'nausea', 'anxiety', 'rapport'] as const;
export const SIGNAL_KEYS = [...VITAL_KEYS, ...STATE_KEYS] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** Clinical actions with meaning to the session engine (gates, schedules, settings). */
export const ACTIONS = [
  'recordConsent',
  'completeScreening',
  'checkVitals',
  'documentBpDecision',
  'delayDose',
  'administerDose',
  'giveMedication',
  'pauseAdministration',
  'resumeAdministration',
  'stopAdministration',
  'giveBooster',
  'callPrescriber',
  'callEmergency',
  'adjustSetting',
  'offerWater',
  'arrangeTransport',
  'recordRiskAssessment',
  'discharge',
  'other',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/** Protocol facts the engine tracks itself; conditions can read them. */
export const PROTOCOL_FACTS = [
  'consentRecorded',
  'screeningComplete',
  'bpChecked',
  'bpWithinThreshold',
  'bpDecisionDocumented',
  'doseDelayed',
  'dosed',
  'transportArranged',
  'prescriberCalled',
  'emergencyCalled',
  'administrationPaused',
  'administrationStopped',
  'riskAssessmentRecorded',
] as const;
export type ProtocolFact = (typeof PROTOCOL_FACTS)[number];

export const INSTRUMENTS = ['PHQ-9', 'GAD-7', 'PCL-5', 'MADRS'] as const;
/** Score ranges of the supported outcome instruments (checked by the validator). */
export const INSTRUMENT_RANGES: Record<(typeof INSTRUMENTS)[number], [number, number]> = {
  'PHQ-9': [0, 27],
  'GAD-7': [0, 21],
  'PCL-5': [0, 80],
  MADRS: [0, 60],
};

export const SETTING_VALUES = {
  music: ['off', 'on'],
  eyeshades: ['off', 'on'],
  lights: ['bright', 'dim'],
} as const;

const d = (description: string) => ({ description });

/** The clocks a scenario time can count on (format 2). */
export const CLOCKS = ['arrival', 'dose'] as const;
export type ClockName = (typeof CLOCKS)[number];
/**
 * The clocks a step's `atMinute` can count on: the scenario clocks, and `recheck`, the end of the
 * rest the last `delayDose` option asked for (session/timing.ts).
 */
export const STEP_CLOCKS = [...CLOCKS, 'recheck'] as const;
export type StepClockName = (typeof STEP_CLOCKS)[number];
/** The `from` field: `what` names the minute it counts; `description` replaces the whole text. */
const From = (what: string, description?: string) =>
  Type.Optional(
    Type.Union(
      CLOCKS.map((c) => Type.Literal(c)),
      d(
        description ??
          `Which clock ${what} counts on: "arrival" (minutes since the patient arrived, before or after the dose) or "dose" (minutes since the first dose; the default).`,
      ),
    ),
  );
/** A step's `from`: the scenario clocks and the end of the rest. */
const StepFrom = Type.Optional(
  Type.Union(
    STEP_CLOCKS.map((c) => Type.Literal(c)),
    d(
      'Which clock "atMinute" counts on: "arrival" (minutes since the patient arrived, before or after the dose), "dose" (minutes since the first dose; the default), or "recheck" (minutes since the end of the rest the last option starting the recheck clock asked for — a "delayDose", or a "giveMedication" with "recheckAfterMinutes": the minute it was chosen plus its "recheckAfterMinutes"; while no rest has been asked for, the step is due at once).',
    ),
  ),
);

const Id = (what: string) =>
  Type.String({
    pattern: '^[A-Za-z][A-Za-z0-9_-]*$',
    minLength: 1,
    maxLength: 80,
    description: `${what}: a letter, then letters, digits, '-' or '_'.`,
  });

const Text = (description: string, maxLength = 4000) =>
  Type.String({ minLength: 1, maxLength, description });

const Points = Type.Record(Id('Competency id'), Type.Number({ minimum: -10, maximum: 10 }), {
  description:
    'Points per competency id, from -10 to 10. Negative points mark a weaker or harmful choice.',
});

type SignalProps = { [K in SignalKey]: TOptional<TNumber> };
const signalProps = (inner: (key: SignalKey) => TNumber) =>
  Object.fromEntries(SIGNAL_KEYS.map((k) => [k, Type.Optional(inner(k))])) as SignalProps;

const Signals = (description: string, inner: (key: SignalKey) => TNumber) =>
  Type.Object(signalProps(inner), { additionalProperties: false, description });

const SIGNAL_DESCRIPTIONS: Record<SignalKey, string> = {
  systolic: 'Systolic blood pressure, mmHg.',
  diastolic: 'Diastolic blood pressure, mmHg.',
  heartRate: 'Heart rate, beats per minute.',
  spo2: 'Peripheral oxygen saturation, %.',
  respiratoryRate: 'Respiratory rate, breaths per minute.',
  dissociation: 'Dissociation, 0 (none) to 10 (complete).',
  nausea: 'Nausea, 0 (none) to 10 (vomiting).',
  anxiety: 'Anxiety, 0 (calm) to 10 (panic).',
  rapport: 'Rapport with the therapist, 0 (none) to 10 (strong).',
};

const SignalDeltas = Signals(
  'Changes to vital signs and patient state, added to their current values (e.g. {"systolic": -10}).',
  (k) =>
    Type.Number({
      minimum: -200,
      maximum: 200,
      description: `Change in ${SIGNAL_DESCRIPTIONS[k]}`,
    }),
);

export const Baseline = Type.Object(
  {
    systolic: Type.Number({ minimum: 50, maximum: 260, ...d(SIGNAL_DESCRIPTIONS.systolic) }),
    diastolic: Type.Number({ minimum: 30, maximum: 160, ...d(SIGNAL_DESCRIPTIONS.diastolic) }),
    heartRate: Type.Number({ minimum: 30, maximum: 200, ...d(SIGNAL_DESCRIPTIONS.heartRate) }),
    spo2: Type.Number({ minimum: 70, maximum: 100, ...d(SIGNAL_DESCRIPTIONS.spo2) }),
    respiratoryRate: Type.Number({
      minimum: 4,
      maximum: 40,
      ...d(SIGNAL_DESCRIPTIONS.respiratoryRate),
    }),
    dissociation: Type.Number({ minimum: 0, maximum: 10, ...d(SIGNAL_DESCRIPTIONS.dissociation) }),
    nausea: Type.Number({ minimum: 0, maximum: 10, ...d(SIGNAL_DESCRIPTIONS.nausea) }),
    anxiety: Type.Number({ minimum: 0, maximum: 10, ...d(SIGNAL_DESCRIPTIONS.anxiety) }),
    rapport: Type.Number({ minimum: 0, maximum: 10, ...d(SIGNAL_DESCRIPTIONS.rapport) }),
  },
  {
    additionalProperties: false,
    description: "The patient's vital signs and state before dosing.",
  },
);

const Comparison = {
  eq: Type.Optional(
    Type.Union([Type.Number(), Type.Boolean(), Type.String()], d('Equal to this value.')),
  ),
  ne: Type.Optional(
    Type.Union([Type.Number(), Type.Boolean(), Type.String()], d('Not equal to this value.')),
  ),
  gt: Type.Optional(Type.Number(d('Greater than this value.'))),
  gte: Type.Optional(Type.Number(d('Greater than or equal to this value.'))),
  lt: Type.Optional(Type.Number(d('Less than this value.'))),
  lte: Type.Optional(Type.Number(d('Less than or equal to this value.'))),
};

/** The states a scenario event can be in once it has fired (see session/crisis.ts). */
export const EVENT_STATES = ['open', 'answered', 'missed', 'fired'] as const;
export type EventState = (typeof EVENT_STATES)[number];
const EventStateSchema = (description: string) =>
  Type.Union(
    EVENT_STATES.map((s) => Type.Literal(s)),
    d(description),
  );

export const Condition = Type.Recursive(
  (Self) =>
    Type.Union(
      [
        Type.Object(
          {
            all: Type.Array(Self, { minItems: 1, description: 'True when every condition holds.' }),
          },
          { additionalProperties: false, description: 'All of these conditions.' },
        ),
        Type.Object(
          { any: Type.Array(Self, { minItems: 1, description: 'True when one condition holds.' }) },
          { additionalProperties: false, description: 'Any of these conditions.' },
        ),
        Type.Object(
          { not: { ...Self, description: 'The condition that must not hold.' } as typeof Self },
          { additionalProperties: false, description: 'The opposite of a condition.' },
        ),
        Type.Object(
          {
            var: Id('A declared variable id'),
            ...Comparison,
          },
          {
            additionalProperties: false,
            description:
              'Compares a declared variable. With no comparison, true when the variable is truthy.',
          },
        ),
        Type.Object(
          {
            vital: Type.Union(
              SIGNAL_KEYS.map((k) => Type.Literal(k)),
              d('A vital sign or patient-state signal.'),
            ),
            ...Comparison,
          },
          { additionalProperties: false, description: 'Compares a current vital or state value.' },
        ),
        Type.Object(
          {
            minutesSinceDose: Type.Literal(true, {
              description: 'Compares the simulated minutes since dosing (false before dosing).',
            }),
            ...Comparison,
          },
          { additionalProperties: false, description: 'Compares the session clock.' },
        ),
        Type.Object(
          {
            protocol: Type.Union(
              PROTOCOL_FACTS.map((k) => Type.Literal(k)),
              d('A protocol fact tracked by the engine.'),
            ),
          },
          { additionalProperties: false, description: 'True when the protocol fact holds.' },
        ),
        Type.Object(
          {
            setting: Type.Union(
              Object.keys(SETTING_VALUES).map((k) => Type.Literal(k)),
              d('A set-and-setting control: music, eyeshades or lights.'),
            ),
            eq: Type.String(d('The value the setting must have.')),
          },
          { additionalProperties: false, description: 'Compares a set-and-setting control.' },
        ),
        Type.Object(
          {
            event: Id('The id of a scenario event'),
            eq: Type.Optional(EventStateSchema('The state the event must be in.')),
            ne: Type.Optional(EventStateSchema('A state the event must not be in.')),
          },
          {
            additionalProperties: false,
            description:
              'Compares the state of a scenario event: "open" (waiting for a response), "answered", "missed" (its response window closed), or "fired" (it had no response to wait for). With no comparison, true once the event has fired.',
          },
        ),
      ],
      {
        description:
          'A guard over variables, vitals, the clock, protocol facts, settings or the state of an event. Combine with all / any / not.',
      },
    ),
  { $id: 'Condition' },
);

const SettingChange = Type.Object(
  {
    music: Type.Optional(
      Type.Union([Type.Literal('off'), Type.Literal('on')], d('Music off or on.')),
    ),
    eyeshades: Type.Optional(
      Type.Union([Type.Literal('off'), Type.Literal('on')], d('Eyeshades off or on.')),
    ),
    lights: Type.Optional(
      Type.Union([Type.Literal('bright'), Type.Literal('dim')], d('Room lights bright or dim.')),
    ),
  },
  { additionalProperties: false, description: 'Set-and-setting controls this option changes.' },
);

export const Effects = Type.Object(
  {
    set: Type.Optional(
      Type.Record(Id('Variable id'), Type.Union([Type.Boolean(), Type.Number()]), {
        description: 'Variables to set to a value (flags to true/false, numbers to a number).',
      }),
    ),
    add: Type.Optional(
      Type.Record(Id('Variable id'), Type.Number(), {
        description: 'Numeric variables to change by an amount (may be negative).',
      }),
    ),
    vitals: Type.Optional(SignalDeltas),
    setting: Type.Optional(SettingChange),
  },
  {
    additionalProperties: false,
    description: 'What choosing this changes in the session state.',
  },
);

/** Medications given alongside the drug whose effects the drug model knows (format 2). */
export const ADJUNCTS = ['benzodiazepine', 'clonidine', 'labetalol'] as const;
const Adjunct = Type.Union(
  ADJUNCTS.map((a) => Type.Literal(a)),
  d('The adjunct: a benzodiazepine (modelled as lorazepam), clonidine or labetalol.'),
);
const Mg = (what: string) =>
  Type.Number({ exclusiveMinimum: 0, maximum: 1000, description: `${what}, mg.` });
const MgPerKg = (what: string) =>
  Type.Number({
    exclusiveMinimum: 0,
    maximum: 10,
    description: `${what}, mg per kg of body weight.`,
  });

/** What a dose option gives, as the drug model's inputs (format 2). */
export const Dose = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('infusion', d('An IV infusion.')),
        mg: Type.Optional(Mg('The total amount')),
        mgPerKg: Type.Optional(MgPerKg('The total amount')),
        overMinutes: Type.Number({
          minimum: 1,
          maximum: 240,
          description: 'The infusion runs at a constant rate over this many minutes.',
        }),
      },
      {
        additionalProperties: false,
        description:
          'An IV infusion of mg or mgPerKg over overMinutes (e.g. 0.5 mg/kg over 40 minutes); pauseAdministration, resumeAdministration and stopAdministration act on it.',
      },
    ),
    Type.Object(
      {
        kind: Type.Literal('bolus', d('A bolus injection.')),
        route: Type.Union(
          [Type.Literal('intravenous'), Type.Literal('intramuscular')],
          d('Where.'),
        ),
        mg: Type.Optional(Mg('The amount')),
        mgPerKg: Type.Optional(MgPerKg('The amount')),
      },
      { additionalProperties: false, description: 'An IV or IM bolus of mg or mgPerKg.' },
    ),
    Type.Object(
      {
        kind: Type.Literal('lozenge', d('A sublingual lozenge or tablet.')),
        mg: Mg('The amount'),
        swallowedFraction: Type.Number({
          minimum: 0,
          maximum: 1,
          description:
            'The part of the dose swallowed (absorbed by mouth) rather than held under the tongue, 0–1.',
        }),
        holdMinutes: Type.Optional(
          Type.Number({
            minimum: 0,
            maximum: 60,
            description:
              'How long the lozenge is held (swished) in the mouth, minutes (default 15: clinics ask for 10–15).',
          }),
        ),
        afterHold: Type.Optional(
          Type.Union([Type.Literal('spit'), Type.Literal('swallow')], {
            description:
              'What the patient does with what is left after the hold: "spit" (the default, as clinics instruct) or "swallow" (then absorbed by mouth).',
          }),
        ),
      },
      { additionalProperties: false, description: 'A lozenge held under the tongue.' },
    ),
    Type.Object(
      {
        kind: Type.Literal('intranasal', d('Intranasal esketamine devices.')),
        devices: Type.Integer({
          minimum: 1,
          maximum: 3,
          description:
            "Devices of 28 mg each, one every 5 minutes (the label's rest between devices).",
        }),
      },
      { additionalProperties: false, description: 'Intranasal esketamine, 28 mg per device.' },
    ),
    Type.Object(
      {
        kind: Type.Literal('adjunct', d('An adjunct medication by mouth.')),
        medication: Adjunct,
        mg: Mg('The amount'),
      },
      { additionalProperties: false, description: 'An adjunct medication by mouth.' },
    ),
  ],
  {
    description:
      'What this option gives (format 2), for administerDose, giveBooster or giveMedication: the drug model turns it into concentrations and effects.',
  },
);

const Critical = Type.Object(
  {
    explanation: Text('Why this is a critical error. Any critical error fails the attempt.'),
  },
  { additionalProperties: false, description: 'Marks a critical error.' },
);

const Feedback = {
  feedback: Type.Optional(Text('Shown after the choice (in practice mode) and in the debrief.')),
  rationale: Type.Optional(
    Text(
      'The principle behind the feedback, and how strong the evidence is where practice varies.',
    ),
  ),
  references: Type.Optional(
    Type.Array(Id('Reference id'), {
      uniqueItems: true,
      description: 'Ids of entries in the scenario\'s "references" that support the feedback.',
    }),
  ),
};

/** The standards of practice (standards/kap-practice.json) a choice meets or breaches. */
const StandardsCited = Type.Object(
  {
    meets: Type.Optional(
      Type.Array(Id('Standard id'), {
        minItems: 1,
        uniqueItems: true,
        description: 'Ids of standards in the catalogue this choice meets.',
      }),
    ),
    breaches: Type.Optional(
      Type.Array(Id('Standard id'), {
        minItems: 1,
        uniqueItems: true,
        description:
          "Ids of standards in the catalogue this choice breaches; it must be graded at least at each standard's severity floor.",
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'The standards of practice this choice meets or breaches (see docs/standards.md).',
  },
);

/** Text that replaces a step's or event's text while its condition holds (format 2). */
const TextVariants = Type.Optional(
  Type.Array(
    Type.Object(
      {
        when: Type.Ref(Condition, { description: 'This text is used when the condition holds.' }),
        text: Text('The text to show instead.'),
        affect: Type.Optional(Text("The patient's visible affect with this text.", 80)),
      },
      { additionalProperties: false, description: 'A text variant.' },
    ),
    {
      maxItems: 9,
      description:
        'Text that follows the state: the first variant whose "when" holds when the text is shown replaces "text" (and "affect").',
    },
  ),
);

export const Option = Type.Object(
  {
    id: Id('Option id, unique in the scenario'),
    kind: Type.Optional(
      Type.Union([Type.Literal('response'), Type.Literal('action')], {
        description:
          '"response": something the trainee says (or a silent, present pause); "action": a clinical action. Optional: an option with an "action" is an action, one without is a response.',
      }),
    ),
    action: Type.Optional(
      Type.Union(
        ACTIONS.map((a) => Type.Literal(a)),
        {
          description:
            'For kind "action": what the action does in the engine. administerDose and discharge are protocol-gated; checkVitals counts toward the monitoring schedule.',
        },
      ),
    ),
    medication: Type.Optional(
      Text('For action "giveMedication": the medication and dose given per protocol.', 200),
    ),
    text: Text('What the trainee says or does, as shown on the button.', 600),
    points: Type.Optional(Points),
    ...Feedback,
    next: Type.Optional(
      Id(
        'The id of the next step in the same phase. A step option with none of next, endsPhase or ending leads to the step that follows its own in the phase',
      ),
    ),
    endsPhase: Type.Optional(
      Type.Literal(true, { description: 'Choosing this ends the phase; the next phase starts.' }),
    ),
    ending: Type.Optional(Id('The id of an ending: choosing this ends the session')),
    effects: Type.Optional(Effects),
    when: Type.Optional(
      Type.Ref(Condition, { description: 'Offered only while this condition holds.' }),
    ),
    critical: Type.Optional(Critical),
    standards: Type.Optional(StandardsCited),
    dose: Type.Optional(Dose),
    reaction: Type.Optional(
      Text(
        "The patient's answer or visible reaction right after this option, shown and written to the transcript as the patient's line.",
        600,
      ),
    ),
    calm: Type.Optional(
      Type.Literal(true, {
        description:
          'Offered only while no crisis is on: a step option marked calm is hidden while an event waits for a response, and after an event was missed until the next step (e.g. silence, which suits a calm patient only).',
      }),
    ),
    feedbackVariants: Type.Optional(
      Type.Array(
        Type.Object(
          {
            when: Type.Ref(Condition, {
              description: 'This feedback is used when the condition holds at the choice.',
            }),
            feedback: Feedback.feedback,
            rationale: Feedback.rationale,
          },
          { additionalProperties: false, description: 'A feedback variant.' },
        ),
        {
          maxItems: 9,
          description:
            'Feedback that follows the state: the first variant whose "when" holds when the option is chosen replaces "feedback" and "rationale".',
        },
      ),
    ),
    takesReading: Type.Optional(
      Type.Literal(true, {
        description:
          'The option takes a cuff blood pressure reading as it is chosen (e.g. a discharge that takes a final reading): the reading becomes the monitor\'s last NIBP reading and the protocol gates judge it. Implied by action "checkVitals".',
      }),
    ),
    recheckAfterMinutes: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 240,
        description:
          'For action "delayDose": the rest before the recheck, in minutes; for action "giveMedication": the wait for the medicine to act before the recheck (e.g. 60 after oral clonidine). Either starts the recheck clock ("from": "recheck"), and the dose is refused until vitals are checked again at least this long after the choice (for "delayDose", 0: any later check).',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'One choice for the trainee. At most one of next, endsPhase or ending says where it leads; with none, a step option leads to the following step of its phase (event options have none).',
  },
);

/**
 * When a step's offer is withdrawn if no option is chosen, and what happens then (format 2). The
 * rule and its defaults are in step-deadlines.ts and docs/session-rules.md.
 */
const StepExpiry = Type.Object(
  {
    withinMinutes: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 240,
        description:
          'Simulated minutes the step stays offered, counted from its atMinute (or, for a step without one, from the minute it is presented); the offer is withdrawn once the clock passes them. Without it, a step with an atMinute is offered until the minute before the step its withdrawal leads to is due.',
      }),
    ),
    next: Type.Optional(
      Id(
        "The step (same phase) the session goes to when the offer is withdrawn. Without next, endsPhase or ending: where all the step's options that do not end the session lead, when they agree",
      ),
    ),
    endsPhase: Type.Optional(
      Type.Literal(true, {
        description: 'When the offer is withdrawn, the phase ends and the next phase starts.',
      }),
    ),
    ending: Type.Optional(Id('The ending the session ends with when the offer is withdrawn')),
    text: Type.Optional(
      Text(
        'What the transcript and the debrief say when the offer is withdrawn (by default, that no option was chosen in time).',
        600,
      ),
    ),
    points: Type.Optional(Points),
    ...Feedback,
    critical: Type.Optional(Critical),
    when: Type.Optional(
      Type.Ref(Condition, {
        description:
          'This withdrawal applies only while the condition holds; otherwise the default rule does (no points, where the options offered lead).',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'When the step is withdrawn unanswered and where the session goes then. A withdrawn step is a decision not made: it earns these points (none by default).',
  },
);

export const Step = Type.Object(
  {
    id: Id('Step id, unique in the scenario'),
    speaker: Type.Union(
      [
        Type.Literal('patient'),
        Type.Literal('narrator'),
        Type.Literal('prescriber'),
        Type.Literal('companion'),
      ],
      d('Who speaks the text: the patient, the narrator, the prescriber, or a companion.'),
    ),
    text: Text('What the patient says, or what happens, at this step.'),
    variants: TextVariants,
    affect: Type.Optional(Text('The patient\'s visible affect, e.g. "tearful" or "calm".', 80)),
    audio: Type.Optional(Id('The id of an audio clip in "media.audio" played at this step')),
    atMinute: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 600,
        description:
          'The step is presented once the clock named by "from" reaches this many minutes (by default, minutes after dosing).',
      }),
    ),
    from: StepFrom,
    options: Type.Array(Option, {
      minItems: 1,
      maxItems: 9,
      description: 'The choices offered at this step (1 to 9; keys 1–9 choose them).',
    }),
    expires: Type.Optional(StepExpiry),
  },
  {
    additionalProperties: false,
    description: 'One moment of the session that asks for a decision.',
  },
);

export const Phase = Type.Object(
  {
    id: Type.Union(
      PHASE_IDS.map((p) => Type.Literal(p)),
      d('Which of the five phases this is. Phases appear once each, in session order.'),
    ),
    title: Type.Optional(Text('A title shown to the trainee for this phase.', 120)),
    start: Id('The id of the first step of this phase'),
    steps: Type.Array(Step, { minItems: 1, description: 'The steps of this phase.' }),
  },
  { additionalProperties: false, description: 'One phase of the session: a graph of steps.' },
);

const Trigger = Type.Union(
  [
    Type.Object(
      {
        atMinute: Type.Number({
          minimum: 0,
          maximum: 600,
          description:
            'Fires when the clock named by "from" reaches this many minutes (by default, after dosing).',
        }),
        from: From('"atMinute"'),
      },
      { additionalProperties: false, description: 'A time trigger.' },
    ),
    Type.Object(
      {
        vital: Type.Union(
          SIGNAL_KEYS.map((k) => Type.Literal(k)),
          d('The vital or state signal to watch.'),
        ),
        above: Type.Optional(Type.Number(d('Fires when the value rises above this.'))),
        below: Type.Optional(Type.Number(d('Fires when the value falls below this.'))),
        from: From(
          '',
          'When the watch starts: "arrival" watches from the patient\'s arrival, before or after the dose; "dose" (the default) watches from the first dose.',
        ),
      },
      {
        additionalProperties: false,
        description: 'A threshold trigger, checked after dosing (or from arrival, with "from").',
      },
    ),
  ],
  { description: 'When the event fires (once per session).' },
);

export const TimedEvent = Type.Object(
  {
    id: Id('Event id, unique in the scenario'),
    trigger: Trigger,
    when: Type.Optional(
      Type.Ref(Condition, { description: 'The event fires only if this condition also holds.' }),
    ),
    vitals: Type.Optional(SignalDeltas),
    speaker: Type.Optional(
      Type.Union(
        [Type.Literal('patient'), Type.Literal('narrator'), Type.Literal('companion')],
        d('Who speaks the event text.'),
      ),
    ),
    text: Text('What the trainee sees or hears when the event fires.'),
    variants: TextVariants,
    affect: Type.Optional(Text("The patient's visible affect.", 80)),
    audio: Type.Optional(Id('The id of an audio clip in "media.audio"')),
    alarm: Type.Optional(Type.Boolean(d('Sound the monitor alarm when the event fires.'))),
    respond: Type.Optional(
      Type.Object(
        {
          withinMinutes: Type.Number({
            minimum: 1,
            maximum: 120,
            description: 'Simulated minutes the trainee has to choose one of the options.',
          }),
          options: Type.Array(Option, {
            minItems: 1,
            maxItems: 9,
            description: 'The responses offered while the event is open.',
          }),
          missed: Type.Object(
            {
              text: Text('What happens when no response comes in time.'),
              points: Type.Optional(Points),
              ...Feedback,
              effects: Type.Optional(Effects),
              critical: Type.Optional(Critical),
              standards: Type.Optional(StandardsCited),
            },
            {
              additionalProperties: false,
              description: 'The scored consequence when no response comes in time.',
            },
          ),
        },
        { additionalProperties: false, description: 'A response required within a time limit.' },
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Something that happens after dosing at a minute or when a vital crosses a threshold.',
  },
);

const Keyframe = Type.Object(
  {
    minute: Type.Number({
      minimum: 0,
      maximum: 600,
      description: 'Minutes on the clock named by "from" (by default, after dosing).',
    }),
    from: From('"minute"'),
    ...signalProps((k) =>
      Type.Number({
        minimum: -200,
        maximum: 200,
        description: `Offset from baseline at this minute: ${SIGNAL_DESCRIPTIONS[k]}`,
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Offsets from baseline at one minute; values between keyframes are interpolated.',
  },
);

const Limits = Type.Object(
  {
    systolicMax: Type.Optional(Type.Number(d('Upper limit for systolic BP, mmHg.'))),
    diastolicMax: Type.Optional(Type.Number(d('Upper limit for diastolic BP, mmHg.'))),
    heartRateMax: Type.Optional(Type.Number(d('Upper limit for heart rate, bpm.'))),
    heartRateMin: Type.Optional(Type.Number(d('Lower limit for heart rate, bpm.'))),
    spo2Min: Type.Optional(Type.Number(d('Lower limit for SpO2, %.'))),
    respiratoryRateMin: Type.Optional(Type.Number(d('Lower limit for respiratory rate.'))),
    respiratoryRateMax: Type.Optional(Type.Number(d('Upper limit for respiratory rate.'))),
  },
  { additionalProperties: false, description: 'Limits on vital signs.' },
);

export const Protocol = Type.Object(
  {
    drug: Type.Union([Type.Literal('ketamine'), Type.Literal('esketamine')], d('The drug given.')),
    route: Type.Union(
      [
        Type.Literal('intravenous'),
        Type.Literal('intramuscular'),
        Type.Literal('sublingual'),
        Type.Literal('intranasal'),
      ],
      d('How the drug is given.'),
    ),
    dose: Type.Object(
      {
        amount: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1000,
          description: 'The dose amount.',
        }),
        unit: Type.Union([Type.Literal('mg'), Type.Literal('mg/kg')], d('The dose unit.')),
        note: Type.Optional(Text('How the dose is given, e.g. "over 40 minutes".', 300)),
      },
      { additionalProperties: false, description: 'The prescribed dose.' },
    ),
    timeCourse: Type.Optional(
      Type.Object(
        {
          onsetMinutes: Type.Number({ minimum: 0, maximum: 240, description: 'Minutes to onset.' }),
          peakMinutes: Type.Number({ minimum: 0, maximum: 240, description: 'Minutes to peak.' }),
          offsetMinutes: Type.Number({
            minimum: 1,
            maximum: 600,
            description: 'Minutes until acute effects have worn off.',
          }),
          peakEffect: Type.Optional(
            Signals(
              'Change from baseline at the peak of the drug effect; the engine scales it by the time course.',
              (k) =>
                Type.Number({
                  minimum: -200,
                  maximum: 200,
                  description: `Peak change: ${SIGNAL_DESCRIPTIONS[k]}`,
                }),
            ),
          ),
        },
        {
          additionalProperties: false,
          description:
            "The drug's time course for this route, as a hand-set triangle. Optional in format 2: without it the drug model drives the signals from the doses given (patient.weightKg is then needed); with it, the triangle overrides the model (teaching cases, and format-1 files).",
        },
      ),
    ),
    boosters: Type.Optional(
      Type.Object(
        {
          maxCount: Type.Integer({
            minimum: 1,
            maximum: 5,
            description:
              'How many boosters (giveBooster) the protocol allows after the first dose.',
          }),
          earliestMinute: Type.Number({
            minimum: 0,
            maximum: 240,
            description: 'The earliest minute after the first dose a booster may be given.',
          }),
        },
        {
          additionalProperties: false,
          description: 'Boosters the protocol allows (a second lozenge, an extra device).',
        },
      ),
    ),
    sessionMinutes: Type.Number({
      minimum: 10,
      maximum: 600,
      description: 'The latest simulated minute after dosing the session may run to.',
    }),
    alarmResponseMinutes: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 60,
        description:
          'Simulated minutes within which the trainee must respond to a monitor alarm (a vitals check or a clinical action); an alarm left unanswered longer puts the session in crisis, as a missed event does. Without it, an alarm never does.',
      }),
    ),
    predoseMinutes: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 600,
        description:
          'The latest minute since arrival the visit may run to before a dose (default 120): time for rest and rechecks.',
      }),
    ),
    monitoring: Type.Array(
      Type.Object(
        {
          id: Id('Check id, unique in the scenario'),
          label: Text('What is checked, e.g. "BP about 40 minutes after dosing".', 200),
          atMinute: Type.Number({
            minimum: 0,
            maximum: 600,
            description: 'When the check is due, on the clock named by "from".',
          }),
          from: From('"atMinute"'),
          windowMinutes: Type.Number({
            minimum: 0,
            maximum: 120,
            description: 'How many minutes after the due time the check still counts.',
          }),
          competency: Id('The competency the check is scored in'),
          points: Type.Number({
            minimum: 0,
            maximum: 10,
            description: 'Points for a check on time.',
          }),
          references: Feedback.references,
        },
        {
          additionalProperties: false,
          description: 'A scheduled vitals check, after dosing (or from arrival, with "from").',
        },
      ),
      { description: 'The monitoring schedule: vitals checks due after dosing.' },
    ),
    thresholds: Type.Object(
      {
        predose: Type.Object(
          {
            systolicMax: Type.Number(d('Dosing waits when systolic BP is above this, mmHg.')),
            diastolicMax: Type.Number(d('Dosing waits when diastolic BP is above this, mmHg.')),
          },
          {
            additionalProperties: false,
            description:
              'Pre-dose blood pressure above which dosing is delayed unless a documented decision is made.',
          },
        ),
        alarm: { ...Limits, description: 'Limits outside which the monitor alarm sounds.' },
        hardStop: Type.Optional(
          Type.Object(
            {
              systolic: Type.Number({
                minimum: 100,
                maximum: 300,
                description: 'Systolic BP at or above which the dose is refused, mmHg.',
              }),
              diastolic: Type.Number({
                minimum: 50,
                maximum: 200,
                description: 'Diastolic BP at or above which the dose is refused, mmHg.',
              }),
            },
            {
              additionalProperties: false,
              description:
                'A pre-dose blood pressure that no documented decision unlocks: when the last pre-dose reading is at or above either value, the dose is refused (e.g. 180/110, severe hypertension in Hebert & Vidt 2008).',
            },
          ),
        ),
      },
      { additionalProperties: false, description: 'Blood-pressure and alarm thresholds.' },
    ),
    discharge: Type.Object(
      {
        minObservationMinutes: Type.Number({
          minimum: 0,
          maximum: 600,
          description: 'Minimum observation after dosing before discharge.',
        }),
        limits: { ...Limits, description: 'Vitals must be within these limits to discharge.' },
        dissociationMax: Type.Optional(
          Type.Number({
            minimum: 0,
            maximum: 10,
            description: 'Highest dissociation allowed at discharge.',
          }),
        ),
        requireTransport: Type.Boolean(
          d('Discharge needs an arranged escort or transport and a no-driving plan.'),
        ),
        criteria: Type.Array(Text('A discharge criterion in words.', 300), {
          minItems: 1,
          description: 'The discharge criteria, shown to the trainee.',
        }),
      },
      { additionalProperties: false, description: 'When the patient may go home.' },
    ),
  },
  { additionalProperties: false, description: 'The clinical protocol of this session.' },
);

export const Scenario = Type.Object(
  {
    $schema: Type.Optional(
      Type.String({ description: 'Path or URL of scenario.schema.json, for editor support.' }),
    ),
    formatVersion: Type.Integer({
      minimum: 0,
      description: `The scenario format version. This build reads up to ${FORMAT_VERSION}.`,
    }),
    id: Type.String({
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 80,
      description: 'Stable scenario id: lowercase words joined by hyphens.',
    }),
    version: Type.String({
      pattern: '^\\d+\\.\\d+\\.\\d+$',
      description: 'The scenario\'s own version, e.g. "1.2.0". Raise it whenever content changes.',
    }),
    title: Text('Title shown in the library.', 160),
    authors: Type.Array(Text('An author.', 160), { minItems: 1, description: 'Who wrote it.' }),
    summary: Text('One or two sentences on what the scenario teaches.', 1000),
    estimatedMinutes: Type.Integer({
      minimum: 1,
      maximum: 240,
      description: 'Real minutes a trainee needs to play it.',
    }),
    difficulty: Type.Union(
      [Type.Literal('introductory'), Type.Literal('intermediate'), Type.Literal('advanced')],
      d('How hard the scenario is.'),
    ),
    contentWarnings: Type.Array(Text('A content warning.', 200), {
      description: 'Topics a trainee may want to know about before starting.',
    }),
    learningObjectives: Type.Array(Text('A learning objective.', 400), {
      minItems: 1,
      description: 'What the trainee should be able to do afterwards.',
    }),
    references: Type.Array(
      Type.Object(
        {
          id: Id('Reference id'),
          citation: Text('The citation.', 600),
          url: Type.Optional(
            Type.String({ format: 'uri', maxLength: 600, description: 'Where to read it.' }),
          ),
          strength: Type.Optional(
            Type.Union(
              [
                Type.Literal('label'),
                Type.Literal('peer-reviewed'),
                Type.Literal('guideline'),
                Type.Literal('clinic'),
                Type.Literal('secondary'),
              ],
              d(
                "The kind of source: drug label, peer-reviewed, guideline, one clinic's practice, or secondary.",
              ),
            ),
          ),
        },
        { additionalProperties: false, description: 'A source that feedback can cite by id.' },
      ),
      { description: 'Sources cited by feedback and monitoring checks.' },
    ),
    patient: Type.Object(
      {
        name: Text("The patient's name (fictional).", 120),
        age: Type.Integer({ minimum: 18, maximum: 110, description: 'Age in years.' }),
        pronouns: Text('Pronouns, e.g. "she/her".', 40),
        conditions: Type.Array(Text('A presenting condition.', 200), {
          minItems: 1,
          description: 'Presenting conditions.',
        }),
        history: Text('Relevant psychiatric, medical and social history.'),
        medications: Type.Array(Text('A current medication.', 200), {
          description: 'Current medications.',
        }),
        riskFactors: Type.Array(Text('A risk factor.', 300), { description: 'Risk factors.' }),
        measures: Type.Array(
          Type.Object(
            {
              instrument: Type.Union(
                INSTRUMENTS.map((i) => Type.Literal(i)),
                d('The instrument: PHQ-9 (0–27), GAD-7 (0–21), PCL-5 (0–80) or MADRS (0–60).'),
              ),
              score: Type.Number(d("The total score, within the instrument's range.")),
              note: Type.Optional(Text('What the score means, e.g. its severity band.', 300)),
            },
            { additionalProperties: false, description: 'A baseline outcome measure.' },
          ),
          { description: 'Baseline outcome measures.' },
        ),
        baseline: Baseline,
        weightKg: Type.Optional(
          Type.Number({
            minimum: 30,
            maximum: 250,
            description: 'Body weight, kg: doses in mg/kg and the drug model use it.',
          }),
        ),
        sensitivity: Type.Optional(
          Type.Object(
            {
              dissociation: Type.Optional(
                Type.Number({
                  minimum: 0,
                  maximum: 5,
                  description: 'Multiplier on dissociation (1 = typical).',
                }),
              ),
              sedation: Type.Optional(
                Type.Number({
                  minimum: 0,
                  maximum: 5,
                  description: 'Multiplier on sedation (1 = typical).',
                }),
              ),
              pressor: Type.Optional(
                Type.Number({
                  minimum: 0,
                  maximum: 5,
                  description:
                    'Multiplier on the rise in blood pressure and heart rate (1 = typical).',
                }),
              ),
            },
            {
              additionalProperties: false,
              description: "This patient's sensitivity to the drug's effects.",
            },
          ),
        ),
        priorAdjuncts: Type.Optional(
          Type.Array(
            Type.Object(
              {
                medication: Adjunct,
                mg: Mg('The amount'),
                minute: Type.Number({
                  minimum: -2880,
                  maximum: 0,
                  description:
                    'When it was taken, minutes relative to arrival (e.g. -720 the night before).',
                }),
              },
              { additionalProperties: false, description: 'An adjunct taken before arrival.' },
            ),
            {
              description:
                'Adjunct medications taken before arrival (e.g. a benzodiazepine the night before).',
            },
          ),
        ),
      },
      { additionalProperties: false, description: 'The patient.' },
    ),
    protocol: Protocol,
    competencies: Type.Array(
      Type.Object(
        {
          id: Id('Competency id'),
          label: Text('Short label.', 80),
          description: Text('What the competency covers.', 600),
          weight: Type.Number({
            exclusiveMinimum: 0,
            maximum: 10,
            description: 'Weight in the overall score.',
          }),
          passPercent: Type.Number({
            minimum: 0,
            maximum: 100,
            description: 'The percentage needed in this competency to pass.',
          }),
        },
        { additionalProperties: false, description: 'A competency the attempt is scored on.' },
      ),
      { minItems: 1, description: 'The competencies scored in this scenario.' },
    ),
    passPercent: Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'The overall weighted percentage needed to pass.',
    }),
    variables: Type.Array(
      Type.Object(
        {
          id: Id('Variable id'),
          type: Type.Union(
            [Type.Literal('flag'), Type.Literal('number')],
            d('A flag or a number.'),
          ),
          initial: Type.Union([Type.Boolean(), Type.Number()], d('The value at the start.')),
          description: Text('What the variable records.', 300),
        },
        {
          additionalProperties: false,
          description: 'A variable that options set and conditions read.',
        },
      ),
      { description: 'Scenario variables, e.g. consent to touch given.' },
    ),
    phases: Type.Array(Phase, {
      minItems: 1,
      description:
        'The five phases, in order: preparation, administration, monitoring, guidedConversation, integration.',
    }),
    events: Type.Array(TimedEvent, { description: 'Timed and threshold events after dosing.' }),
    trajectory: Type.Array(Keyframe, {
      description:
        'Scenario-specific course of vitals and state after dosing, as offsets from baseline at keyframe minutes.',
    }),
    endings: Type.Array(
      Type.Object(
        {
          id: Id('Ending id'),
          kind: Type.Union(
            [
              Type.Literal('completed'),
              Type.Literal('deferred'),
              Type.Literal('referred'),
              Type.Literal('escalated'),
              Type.Literal('stopped'),
            ],
            d(
              'How the session ended: completed, dosing deferred, referred, escalated to emergency care, or stopped.',
            ),
          ),
          title: Text('Short title of the ending.', 120),
          text: Text('What happens, shown at the end.'),
        },
        { additionalProperties: false, description: 'A way the session ends.' },
      ),
      { minItems: 1, description: 'The ways the session can end.' },
    ),
    visit: Type.Optional(
      Type.Object(
        {
          kind: Type.Union(
            VISIT_KINDS.map((k) => Type.Literal(k)),
            d(
              'The kind of visit: "preparation" (no drug; the preparation phase), "dosing" (the five phases of a KAP session; the default) or "integration" (no drug, a day or more after a dosing visit; the integration phase).',
            ),
          ),
          daysSinceDosing: Type.Optional(
            Type.Number({
              minimum: 1,
              maximum: 365,
              description: 'For an integration visit: days since the dosing visit it follows.',
            }),
          ),
          endGates: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  id: Id('Gate id'),
                  when: Type.Ref(Condition, {
                    description: 'While this condition holds, no ending can be chosen.',
                  }),
                  reason: Text('What the trainee is told when an ending is refused.', 400),
                },
                {
                  additionalProperties: false,
                  description:
                    'A condition under which the visit cannot end, e.g. suicidal ideation disclosed and no risk assessment recorded.',
                },
              ),
              { description: 'Conditions under which the visit cannot end yet.' },
            ),
          ),
        },
        {
          additionalProperties: false,
          description: 'What kind of visit this scenario is (format 2; default: a dosing visit).',
        },
      ),
    ),
    debrief: Type.Object(
      Object.fromEntries(
        PHASE_IDS.map((p) => [
          p,
          Type.Optional(
            Text(`Expert commentary on the ${p} phase (required for the phases the scenario has).`),
          ),
        ]),
      ) as { [K in PhaseId]: TOptional<TString> },
      {
        additionalProperties: false,
        description: 'Expert commentary per phase, shown in the debrief.',
      },
    ),
    media: Type.Optional(
      Type.Object(
        {
          audio: Type.Array(
            Type.Object(
              {
                id: Id('Audio clip id'),
                file: Type.String({
                  pattern: '^[A-Za-z0-9_-]+\\.(ogg|mp3|wav|webm)$',
                  description: 'File name under public/audio/.',
                }),
                caption: Text('The caption shown as text whenever the clip plays.', 300),
              },
              { additionalProperties: false, description: 'An audio clip.' },
            ),
            { description: 'Audio clips steps and events can play.' },
          ),
        },
        {
          additionalProperties: false,
          description: 'Presentation assets, kept apart from the scenario logic.',
        },
      ),
    ),
  },
  {
    $id: 'https://kap-simulator.local/scenario.schema.json',
    additionalProperties: false,
    description: 'A KAP Simulator scenario.',
  },
);

/** A scenario as written in a file: options may leave out `kind` (and step options `next`). */
export type AuthoredScenario = Static<typeof Scenario>;
type A = AuthoredScenario;
type AuthoredPhase = A['phases'][number];
type AuthoredStep = AuthoredPhase['steps'][number];
type AuthoredEvent = A['events'][number];
type AuthoredRespond = NonNullable<AuthoredEvent['respond']>;
type FilledOption = AuthoredStep['options'][number] & {
  kind: NonNullable<AuthoredStep['options'][number]['kind']>;
};
/**
 * A validated scenario as the engine sees it: every option's `kind` is filled in, and a step
 * option's implied `next` too (see normalise.ts).
 */
export type ScenarioV1 = Omit<A, 'phases' | 'events'> & {
  phases: (Omit<AuthoredPhase, 'steps'> & {
    steps: (Omit<AuthoredStep, 'options'> & { options: FilledOption[] })[];
  })[];
  events: (Omit<AuthoredEvent, 'respond'> & {
    respond?: Omit<AuthoredRespond, 'options'> & { options: FilledOption[] };
  })[];
};
