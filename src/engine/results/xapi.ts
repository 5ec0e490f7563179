/**
 * xAPI statements of a finished attempt: initialized, experienced (each phase entered), answered
 * (each decision, choice level), completed, passed or failed, terminated. Pure: the same attempt,
 * actor, registration and time always give the same statements — ids included, derived as
 * version-5 UUIDs of the attempt and the statement's place, so a resend never duplicates one.
 */
import type { Attempt } from '../attempt/index.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import type { Report } from '../scoring/score.ts';
import { indexScenario } from '../session/indexScenario.ts';
import { initialSnapshot, step } from '../session/session.ts';
import type { PhaseId } from '../session/types.ts';
import { attemptId } from './export.ts';
import { encodeSuspendData } from './suspend-data.ts';
import { KAP_NAMESPACE, uuidV5 } from './uuid.ts';

export type Agent =
  | { objectType?: 'Agent'; name?: string; mbox: string }
  | { objectType?: 'Agent'; name?: string; account: { homePage: string; name: string } };

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: {
      name: Record<string, string>;
      description?: Record<string, string>;
      type: string;
      interactionType?: 'choice' | 'true-false';
      choices?: { id: string; description: Record<string, string> }[];
      extensions?: Record<string, unknown>;
    };
  };
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities?: { parent?: { id: string; objectType: 'Activity' }[] };
    extensions: Record<string, unknown>;
  };
  timestamp: string;
}

export interface StatementOptions {
  actor: Agent;
  /** The registration (from a launch); by default one derived from the attempt. */
  registration?: string;
  /** The IRI under which activities and extensions are named, ending in "/". */
  activityBase: string;
  /** When the attempt finished (ISO 8601); statements are stamped one millisecond apart from it. */
  finishedAt: string;
}

const VERB = (name: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'en-US': name },
});

const ACTIVITY_TYPE = {
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  module: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
};

/** The IRIs of this simulator's extensions under a base. */
export function extensionIris(base: string) {
  return {
    competency: (id: string) => `${base}xapi/competency/${encodeURIComponent(id)}`,
    critical: `${base}xapi/critical`,
    decisionKind: `${base}xapi/decision-kind`,
    standardsMet: `${base}xapi/standards-met`,
    standardsBreached: `${base}xapi/standards-breached`,
    scenarioVersion: `${base}xapi/scenario-version`,
    simulatedMinute: `${base}xapi/simulated-minute`,
    mode: `${base}xapi/mode`,
    ending: `${base}xapi/ending`,
    attemptLog: `${base}xapi/attempt-log`,
  };
}

const PHASE_NAMES: Record<PhaseId, string> = {
  preparation: 'Preparation',
  administration: 'Administration',
  monitoring: 'Monitoring',
  guidedConversation: 'Guided conversation',
  integration: 'Integration',
};

/**
 * Replays the attempt: the phases in the order they were entered (with the simulated minute of
 * entry), and whether each scheduled check was made, by decision index.
 */
export function replayFacts(
  scenario: ScenarioV1,
  attempt: Attempt,
): {
  phases: { phase: PhaseId; minute: number | null }[];
  checkDone: (boolean | undefined)[];
} {
  let snapshot = initialSnapshot(scenario, attempt);
  const phases: { phase: PhaseId; minute: number | null }[] = [];
  const note = () => {
    const { phase, minute, status } = snapshot.context;
    if (status === 'running' && phase && !phases.some((s) => s.phase === phase))
      phases.push({ phase, minute });
  };
  note();
  for (const event of attempt.events) {
    snapshot = step(snapshot, event);
    note();
  }
  return { phases, checkDone: snapshot.context.decisions.map((d) => d.done) };
}

/**
 * The id of one of an attempt's statements: a version-5 UUID of the attempt id (attemptId) and
 * the statement's place (`completed`, `answered:<n>`, …), so the same attempt always gives the
 * same ids and a resend never duplicates a statement.
 */
export const statementId = (attemptId: string, key: string): string =>
  uuidV5(`statement:${attemptId}:${key}`, KAP_NAMESPACE);

const clip = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Every statement of a finished attempt, in order. */
export function buildStatements(
  scenario: ScenarioV1,
  attempt: Attempt,
  report: Report,
  options: StatementOptions,
): Statement[] {
  const index = indexScenario(scenario);
  const id = attemptId(attempt);
  const registration = options.registration ?? uuidV5(`registration:${id}`, KAP_NAMESPACE);
  const base = options.activityBase;
  const ext = extensionIris(base);
  const scenarioIri = `${base}scenario/${encodeURIComponent(scenario.id)}`;
  const start = Date.parse(options.finishedAt);
  const statements: Statement[] = [];
  const parent = [{ id: scenarioIri, objectType: 'Activity' as const }];

  const add = (
    key: string,
    verb: string,
    object: Statement['object'],
    minute: number | null,
    result?: Statement['result'],
    child = false,
  ) => {
    statements.push({
      id: statementId(id, key),
      actor: options.actor,
      verb: VERB(verb),
      object,
      ...(result ? { result } : {}),
      context: {
        registration,
        platform: 'KAP Simulator',
        language: 'en',
        ...(child ? { contextActivities: { parent } } : {}),
        extensions: {
          [ext.scenarioVersion]: scenario.version,
          [ext.simulatedMinute]: minute,
          [ext.mode]: attempt.mode,
        },
      },
      timestamp: new Date((Number.isFinite(start) ? start : 0) + statements.length).toISOString(),
    });
  };

  const scenarioActivity: Statement['object'] = {
    objectType: 'Activity',
    id: scenarioIri,
    definition: { name: { en: scenario.title }, type: ACTIVITY_TYPE.simulation },
  };

  add('initialized', 'initialized', scenarioActivity, null);
  const facts = replayFacts(scenario, attempt);
  for (const { phase, minute } of facts.phases) {
    add(
      `experienced:${phase}`,
      'experienced',
      {
        objectType: 'Activity',
        id: `${scenarioIri}/phase/${phase}`,
        definition: { name: { en: PHASE_NAMES[phase] }, type: ACTIVITY_TYPE.module },
      },
      minute,
      undefined,
      true,
    );
  }

  for (const d of report.decisions) {
    const points = Object.fromEntries(
      Object.entries(d.points).map(([c, p]) => [ext.competency(c), p]),
    );
    const resultExtensions = {
      ...points,
      [ext.critical]: d.critical !== undefined,
      [ext.decisionKind]: d.kind,
      ...(d.standards
        ? {
            [ext.standardsMet]: [...d.standards.meets],
            [ext.standardsBreached]: [...d.standards.breaches],
          }
        : {}),
    };
    if (d.kind === 'check') {
      const check = index.checks.get(d.checkId!);
      add(
        `answered:${d.index}`,
        'answered',
        {
          objectType: 'Activity',
          id: `${scenarioIri}/check/${encodeURIComponent(d.checkId!)}`,
          definition: {
            name: { en: clip(check?.label ?? d.checkId!) },
            type: ACTIVITY_TYPE.interaction,
            interactionType: 'true-false',
          },
        },
        d.minute,
        {
          response: facts.checkDone[d.index] ? 'true' : 'false',
          success: facts.checkDone[d.index] === true,
          extensions: resultExtensions,
        },
        true,
      );
      continue;
    }
    const refId = d.stepId ?? d.eventId!;
    const place = d.stepId ? 'step' : 'event';
    const stepDef = d.stepId ? index.steps.get(d.stepId)?.step : undefined;
    const eventDef = d.eventId ? index.events.get(d.eventId) : undefined;
    const options = stepDef?.options ?? eventDef?.respond?.options ?? [];
    add(
      `answered:${d.index}`,
      'answered',
      {
        objectType: 'Activity',
        id: `${scenarioIri}/${place}/${encodeURIComponent(refId)}`,
        definition: {
          name: { en: `${d.stepId ? 'Step' : 'Event'} ${refId}` },
          description: { en: clip(stepDef?.text ?? eventDef?.text ?? refId) },
          type: ACTIVITY_TYPE.interaction,
          interactionType: 'choice',
          choices: options.map((o) => ({ id: o.id, description: { en: clip(o.text) } })),
        },
      },
      d.minute,
      {
        // A missed event has no option: the response is empty.
        response: d.optionId ?? '',
        success: d.optionId !== null && d.optionId === d.bestOptionId,
        extensions: resultExtensions,
      },
      true,
    );
  }

  const lastMinute = report.decisions.reduce<number | null>(
    (m, d) => (d.minute !== null && (m === null || d.minute > m) ? d.minute : m),
    null,
  );
  const endingExt = report.ending ? { [ext.ending]: report.ending.id } : {};
  add('completed', 'completed', scenarioActivity, lastMinute, {
    completion: true,
    // The attempt's log (the compact SCORM resume form), so a cohort view can replay and verify it.
    extensions: { ...endingExt, [ext.attemptLog]: encodeSuspendData(scenario, attempt) },
  });
  const overall = Math.min(100, Math.max(0, report.overall));
  add(
    report.passed ? 'passed' : 'failed',
    report.passed ? 'passed' : 'failed',
    scenarioActivity,
    lastMinute,
    {
      score: { scaled: Math.round(overall * 10) / 1000, raw: overall, min: 0, max: 100 },
      success: report.passed,
      completion: true,
    },
  );
  add('terminated', 'terminated', scenarioActivity, lastMinute);
  return statements;
}
