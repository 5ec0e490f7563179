/**
 * score(scenario, log) → Report: a pure function of the attempt log. It replays the log through
 * the session machine and explains every decision met, per competency.
 */
import type { PhaseId, ScenarioV1, SignalKey } from '../format/schema.ts';
import type { OptionDef, ScenarioIndex } from '../session/indexScenario.ts';
import { replay, type ReplayLog } from '../session/session.ts';
import type { DecisionRecord, SessionContext } from '../session/types.ts';
import { feedbackOf } from '../session/variants.ts';
import { DEFAULT_EXPIRY_TEXT } from '../session/deadlines.ts';
import { scenarioRange } from './maximum.ts';
import { own } from '../format/own.ts';
import { bestOption } from '../format/best-option.ts';

type Points = Record<string, number>;

export interface CompetencyResult {
  id: string;
  label: string;
  weight: number;
  /** Points earned over the decisions met. */
  earned: number;
  /** The best points available at the decisions met. */
  possible: number;
  /** The lowest points available at the decisions met. */
  worst: number;
  /** (earned − worst) / (possible − worst) × 100; null when the decisions met leave no spread. */
  percent: number | null;
  passPercent: number;
  passed: boolean;
  /** The scenario-wide highest and lowest points over loop-free paths. */
  max: number;
  min: number;
}

export interface DecisionResult {
  index: number;
  phase: PhaseId | null;
  kind: 'step' | 'event' | 'missedEvent' | 'check';
  stepId?: string;
  eventId?: string;
  checkId?: string;
  optionId: string | null;
  optionText: string;
  bestOptionId: string | null;
  bestOptionText: string;
  points: Points;
  bestPoints: Points;
  feedback?: string;
  rationale?: string;
  references?: string[];
  critical?: string;
  /**
   * Ids of the standards of practice (standards/kap-practice.json) the choice, or the missed
   * response, meets and breaches; absent when it cites none.
   */
  standards?: { meets: string[]; breaches: string[] };
  minute: number | null;
  /** The arrival-clock minute the decision was met (minute 0 = arrival; known before the dose). */
  clock?: number;
  retried?: string[];
}

export interface CriticalErrorResult {
  optionId?: string;
  eventId?: string;
  explanation: string;
  minute: number | null;
}

/**
 * An alarm and the trainee's response. `raisedAt`/`respondedAt` are minutes since the dose (null
 * before it); `raisedClock`/`respondedClock` are arrival-clock minutes (known before the dose too);
 * `minutes` is the time to respond, from the arrival clock; null when never answered.
 */
export interface AlarmResponse {
  signal: SignalKey;
  raisedAt: number | null;
  respondedAt: number | null;
  raisedClock?: number;
  respondedClock?: number | null;
  minutes: number | null;
}

export interface Report {
  scenarioId: string;
  status: 'briefing' | 'running' | 'debrief' | 'left';
  passed: boolean;
  /** Weighted mean of the competency percentages, 0–100. */
  overall: number;
  passPercent: number;
  competencies: Record<string, CompetencyResult>;
  criticalErrors: CriticalErrorResult[];
  alarmResponses: AlarmResponse[];
  decisions: DecisionResult[];
  ending: { id: string; kind: string; title: string; text: string } | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The best option (format/best-option.ts: never a critical one), or none. */
function bestOf(index: ScenarioIndex, options: OptionDef[]): OptionDef | undefined {
  return options[bestOption(options, (o) => index.weighted(o.points)).index];
}

interface Scored {
  result: Omit<DecisionResult, 'index'>;
  earned: Points;
  possible: Points;
  worst: Points;
  critical?: CriticalErrorResult;
}

function spread(alternatives: (Points | undefined)[], competencies: string[]) {
  const possible: Points = {};
  const worst: Points = {};
  for (const c of competencies) {
    const values = alternatives.map((p) => own(p, c) ?? 0);
    possible[c] = Math.max(...values);
    worst[c] = Math.min(...values);
  }
  return { possible, worst };
}

function scoreDecision(index: ScenarioIndex, d: DecisionRecord, competencies: string[]): Scored {
  if (d.kind === 'check') {
    const check = index.checks.get(d.refId)!;
    const earned: Points = { [check.competency]: d.done ? check.points : 0 };
    const target = checkWindowText(check);
    return {
      earned,
      possible: { [check.competency]: check.points },
      worst: { [check.competency]: 0 },
      result: {
        phase: d.phase,
        kind: 'check',
        checkId: check.id,
        optionId: null,
        optionText: `${check.label}: ${d.done ? 'checked on time' : 'not checked in time'}.`,
        bestOptionId: null,
        bestOptionText: target,
        points: earned,
        bestPoints: { [check.competency]: check.points },
        ...(check.references ? { references: check.references } : {}),
        minute: d.minute,
      },
    };
  }
  if (d.kind === 'step' && d.lateFor !== undefined && d.optionId) return scoreLate(index, d);
  const available = d.available.map((id) => index.options.get(id)!.option);
  if (d.optionId && !d.available.includes(d.optionId))
    available.push(index.options.get(d.optionId)!.option);
  const best = bestOf(index, available);
  // A chosen option, or for a missed event its `missed` outcome; an event's miss is an alternative.
  // A step withdrawn unanswered (no option) earns its `expires` outcome, which is then an
  // alternative too (session/deadlines.ts).
  const chosen = d.optionId ? index.options.get(d.optionId)!.option : undefined;
  const missed =
    d.kind === 'step'
      ? chosen
        ? undefined
        : expiredOutcome(index, d.refId, d.defaultExpiry === true)
      : index.events.get(d.refId)!.respond?.missed;
  const outcome = chosen ?? missed!;
  const alternatives = [...available.map((o) => o.points), ...(missed ? [missed.points] : [])];
  const { possible, worst } = spread(alternatives, competencies);
  return {
    earned: outcome.points ?? {},
    possible,
    worst,
    ...(outcome.critical
      ? {
          critical: {
            ...(chosen ? { optionId: chosen.id } : { eventId: d.refId }),
            explanation: outcome.critical.explanation,
            minute: d.minute,
          },
        }
      : {}),
    result: {
      phase: d.phase,
      kind: d.kind,
      ...(d.kind === 'step' ? { stepId: d.refId } : { eventId: d.refId }),
      optionId: chosen?.id ?? null,
      optionText: outcome.text,
      bestOptionId: best?.id ?? null,
      bestOptionText: best?.text ?? '',
      points: outcome.points ?? {},
      bestPoints: best?.points ?? {},
      ...(chosen
        ? feedbackOf(chosen, d.feedbackVariant)
        : {
            ...(outcome.feedback ? { feedback: outcome.feedback } : {}),
            ...(outcome.rationale ? { rationale: outcome.rationale } : {}),
          }),
      ...(outcome.references ? { references: outcome.references } : {}),
      ...(outcome.critical ? { critical: outcome.critical.explanation } : {}),
      ...(outcome.standards
        ? {
            standards: {
              meets: [...(outcome.standards.meets ?? [])],
              breaches: [...(outcome.standards.breaches ?? [])],
            },
          }
        : {}),
      minute: d.minute,
    },
  };
}

/** What a step withdrawn unanswered earns and says: its `expires` outcome (no points by default). */
function expiredOutcome(index: ScenarioIndex, stepId: string, byDefault: boolean) {
  const expires = (byDefault ? undefined : index.steps.get(stepId)!.step.expires) ?? {};
  return { ...expires, text: expires.text ?? DEFAULT_EXPIRY_TEXT } as {
    text: string;
    points?: Points;
    feedback?: string;
    rationale?: string;
    references?: string[];
    critical?: { explanation: string };
    standards?: undefined;
  };
}

/** The window of a scheduled check, as the trainee is told it. */
export function checkWindowText(check: { atMinute: number; windowMinutes: number }): string {
  return `Check vitals between minute ${check.atMinute} and ${check.atMinute + check.windowMinutes}.`;
}

/**
 * A vitals option chosen at the step that prompts a check after the check's window closed: the
 * check is already scored as missed, so this act earns nothing (one act is never both rewarded
 * and penalised) and the best option named is the check on time.
 */
function scoreLate(index: ScenarioIndex, d: DecisionRecord): Scored {
  const chosen = index.options.get(d.optionId!)!.option;
  const check = index.checks.get(d.lateFor!)!;
  return {
    earned: {},
    possible: {},
    worst: {},
    result: {
      phase: d.phase,
      kind: 'step',
      stepId: d.refId,
      optionId: chosen.id,
      optionText: `${chosen.text} (late: ${check.label.toLowerCase()} was due by minute ${check.atMinute + check.windowMinutes}; no points)`,
      bestOptionId: null,
      bestOptionText: checkWindowText(check),
      points: {},
      bestPoints: { [check.competency]: check.points },
      ...feedbackOf(chosen, d.feedbackVariant),
      ...(chosen.references ? { references: chosen.references } : {}),
      minute: d.minute,
    },
  };
}

/** An alarm record as the report gives it; the time to respond is counted on the arrival clock. */
function alarmResponse(a: SessionContext['alarms'][number]): AlarmResponse {
  const respondedClock = a.responded ? (a.respondedClock ?? null) : null;
  const raisedClock = a.raisedClock;
  let minutes: number | null = null;
  if (a.responded && raisedClock !== undefined && respondedClock !== null)
    minutes = respondedClock - raisedClock;
  else if (a.responded && a.raisedAt !== null && a.respondedAt !== null)
    minutes = a.respondedAt - a.raisedAt;
  return {
    signal: a.signal,
    raisedAt: a.raisedAt,
    respondedAt: a.responded ? a.respondedAt : null,
    ...(raisedClock !== undefined ? { raisedClock } : {}),
    ...(a.responded && respondedClock !== null ? { respondedClock } : {}),
    minutes,
  };
}

/** Scores a session context (live or replayed); `score` is this applied to a replayed log. */
export function scoreContext(context: SessionContext): Report {
  const index = context.index;
  const scenario = index.scenario;
  const ids = [...index.competencies.keys()];
  const range = scenarioRange(scenario);
  const totals = Object.fromEntries(ids.map((id) => [id, { earned: 0, possible: 0, worst: 0 }]));
  const decisions: DecisionResult[] = [];
  const criticalErrors: CriticalErrorResult[] = [];
  const retriedShown = new Set<string>();
  for (const d of context.decisions) {
    const s = scoreDecision(index, d, ids);
    for (const id of ids) {
      const t = own(totals, id)!;
      t.earned += own(s.earned, id) ?? 0;
      t.possible += own(s.possible, id) ?? 0;
      t.worst += own(s.worst, id) ?? 0;
    }
    if (s.critical) criticalErrors.push(s.critical);
    const retried =
      d.kind !== 'check' && !retriedShown.has(d.refId) ? own(context.retried, d.refId) : undefined;
    if (retried) retriedShown.add(d.refId);
    decisions.push({
      index: decisions.length,
      ...s.result,
      ...(d.clock !== undefined ? { clock: d.clock } : {}),
      ...(retried ? { retried: [...retried] } : {}),
    });
  }
  const competencies: Record<string, CompetencyResult> = {};
  let weightSum = 0;
  let weightedSum = 0;
  let allPass = true;
  for (const c of scenario.competencies) {
    if (own(competencies, c.id)) continue;
    const t = own(totals, c.id)!;
    const percent =
      t.possible > t.worst ? round1(((t.earned - t.worst) / (t.possible - t.worst)) * 100) : null;
    const passed = percent === null || percent >= c.passPercent;
    if (percent !== null) {
      weightSum += c.weight;
      weightedSum += c.weight * percent;
      if (!passed) allPass = false;
    }
    competencies[c.id] = {
      id: c.id,
      label: c.label,
      weight: c.weight,
      earned: t.earned,
      possible: t.possible,
      worst: t.worst,
      percent,
      passPercent: c.passPercent,
      passed,
      max: own(range, c.id)?.max ?? 0,
      min: own(range, c.id)?.min ?? 0,
    };
  }
  const overall = weightSum > 0 ? round1(weightedSum / weightSum) : 0;
  const ending = context.ending ? index.endings.get(context.ending) : undefined;
  const passed =
    context.status === 'debrief' &&
    weightSum > 0 &&
    overall >= scenario.passPercent &&
    allPass &&
    criticalErrors.length === 0;
  return {
    scenarioId: scenario.id,
    status: context.status,
    passed,
    overall,
    passPercent: scenario.passPercent,
    competencies,
    criticalErrors,
    alarmResponses: context.alarms.map(alarmResponse),
    decisions,
    ending: ending
      ? { id: ending.id, kind: ending.kind, title: ending.title, text: ending.text }
      : null,
  };
}

/** The report of an attempt log: replays it through the session machine, then scores it. */
export function score(scenario: ScenarioV1, log: ReplayLog): Report {
  return scoreContext(replay(scenario, log).context);
}
