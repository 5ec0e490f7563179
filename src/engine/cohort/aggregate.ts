/**
 * Per-scenario figures of a cohort: attempts, pass rate, competency distributions, critical
 * errors and breached standards ranked by frequency, alarm response times, where trainees leave,
 * and each step's reach and choice shares (for the scenario map). Only verified attempts count;
 * pass in deduplicated attempts (dedupeAttempts). Attempts, pass rate and competency spreads are
 * over the attempts that reached their debrief; the others are counted apart (`unfinished`).
 */
import type { DecisionResult } from '../scoring/score.ts';
import { attemptResultText, scoredResult } from '../results/result.ts';
import type { Mode } from '../session/types.ts';
import { own } from '../format/own.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { percentBins, summarise } from './stats.ts';
import {
  isVerified,
  type CohortAttempt,
  type Ranked,
  type ScenarioFigures,
  type StepFigures,
} from './types.ts';

/** The id of the step, event or check a decision was made at. */
export const decisionPlace = (d: DecisionResult): string =>
  d.stepId ?? d.eventId ?? d.checkId ?? '';

/** Whether a scheduled check's decision earned all its points (made in its window). */
const checkDone = (d: DecisionResult): boolean =>
  Object.entries(d.bestPoints).every(([c, p]) => (own(d.points, c) ?? 0) >= p);

/** Counts kept per id: occurrences, and the attempts they occurred in. */
class Tally {
  private readonly map = new Map<string, { count: number; attempts: Set<string>; text?: string }>();
  add(id: string, attempt: string, text?: string): void {
    let t = this.map.get(id);
    if (!t) this.map.set(id, (t = { count: 0, attempts: new Set(), ...(text ? { text } : {}) }));
    t.count++;
    t.attempts.add(attempt);
  }
  /** Most attempts first, then most occurrences, then id. */
  ranked(): Ranked[] {
    return [...this.map.entries()]
      .map(([id, t]) => ({
        id,
        count: t.count,
        attempts: t.attempts.size,
        ...(t.text ? { text: t.text } : {}),
      }))
      .sort((a, b) => b.attempts - a.attempts || b.count - a.count || a.id.localeCompare(b.id));
  }
}

/**
 * Every option id of each step and each event's response in `scenario`, by step or event id
 * (in the scenario's order), so the figures can list options nobody chose with a count of 0.
 */
function optionsByPlace(
  scenario: ScenarioV1,
): Map<string, { kind: 'step' | 'event'; ids: string[] }> {
  const out = new Map<string, { kind: 'step' | 'event'; ids: string[] }>();
  for (const phase of scenario.phases)
    for (const step of phase.steps)
      out.set(step.id, { kind: 'step', ids: step.options.map((o) => o.id) });
  for (const event of scenario.events)
    if (event.respond)
      out.set(event.id, { kind: 'event', ids: event.respond.options.map((o) => o.id) });
  return out;
}

/**
 * Where each step, event and check stands in `scenario`, by id: its steps phase by phase (in the
 * file's order within each), then its events, then its monitoring checks, each in the file's
 * order. The step table lists places in this order.
 */
function scenarioOrder(scenario: ScenarioV1): Map<string, number> {
  const ids = [
    ...scenario.phases.flatMap((p) => p.steps.map((s) => s.id)),
    ...scenario.events.map((e) => e.id),
    ...scenario.protocol.monitoring.map((c) => c.id),
  ];
  return new Map(ids.map((id, i) => [id, i]));
}

/**
 * The figures of one scenario from its attempts (unverified ones are ignored). With the
 * scenario itself (`scenario`, the bundled version of `scenarioId`): every step of it is listed
 * (reach 0 when nobody met it) and every option of each step and event response with a count of 0
 * when nobody chose it; and each alarm signal counts the alarms answered only after the protocol's
 * `alarmResponseMinutes` (`late`, null without the scenario or when the protocol gives none).
 * `steps` are in the scenario's order (steps by phase, then events, then checks: scenarioOrder)
 * with the scenario, and in the order the attempts first met them without it (or for a place the
 * scenario does not name, after the others).
 */
export function scenarioFigures(
  scenarioId: string,
  all: readonly CohortAttempt[],
  scenario?: ScenarioV1,
): ScenarioFigures {
  const attempts = all.filter(isVerified).filter((a) => a.scenarioId === scenarioId);
  const n = attempts.length;
  // Only an attempt that reached its debrief has a result (attemptResult): the attempts, pass
  // rate and score spreads count those; one left before it counts in `unfinished`, where
  // trainees leave, and the decisions made (errors, standards, alarms, the map).
  const finished = attempts.filter((a) => scoredResult(a.report));
  const passed = finished.filter((a) => scoredResult(a.report)?.passed).length;

  const percents = new Map<string, { label: string; values: number[] }>();
  const critical = new Tally();
  const standards = new Tally();
  const leaves = new Tally();
  const alarms = new Map<string, { times: number[]; unanswered: number }>();
  const within = scenario?.protocol.alarmResponseMinutes ?? null;
  const steps = new Map<
    string,
    {
      kind: StepFigures['kind'];
      reached: Set<string>;
      decisions: number;
      options: Map<string | null, number>;
    }
  >();

  for (const a of attempts) {
    const r = a.report;
    if (scoredResult(r))
      for (const c of Object.values(r.competencies)) {
        let p = percents.get(c.id);
        if (!p) percents.set(c.id, (p = { label: c.label, values: [] }));
        if (c.percent !== null) p.values.push(c.percent);
      }
    for (const e of r.criticalErrors)
      critical.add(e.optionId ?? e.eventId ?? e.explanation, a.id, e.explanation);
    for (const al of r.alarmResponses) {
      let s = alarms.get(al.signal);
      if (!s) alarms.set(al.signal, (s = { times: [], unanswered: 0 }));
      if (al.minutes === null) s.unanswered++;
      else s.times.push(al.minutes);
    }
    for (const d of r.decisions) {
      for (const id of d.standards?.breaches ?? []) standards.add(id, a.id);
      const place = decisionPlace(d);
      // A missed event is the same place as the event answered.
      const kind = d.kind === 'missedEvent' ? 'event' : d.kind;
      let s = steps.get(place);
      if (!s)
        steps.set(place, (s = { kind, reached: new Set(), decisions: 0, options: new Map() }));
      s.reached.add(a.id);
      s.decisions++;
      // A scheduled check has no option: it was done on time when it earned its points.
      const option = d.kind === 'check' ? (checkDone(d) ? 'done' : 'not done') : d.optionId;
      s.options.set(option, (s.options.get(option) ?? 0) + 1);
    }
    if (r.status !== 'debrief') {
      const last = r.decisions.at(-1);
      leaves.add(last ? decisionPlace(last) : '', a.id);
    }
  }

  // Options nobody chose, and steps nobody met, listed at 0 (the map draws them all).
  if (scenario)
    for (const [place, o] of optionsByPlace(scenario)) {
      let s = steps.get(place);
      if (!s && o.kind === 'step')
        steps.set(
          place,
          (s = { kind: 'step', reached: new Set(), decisions: 0, options: new Map() }),
        );
      if (s) for (const id of o.ids) if (!s.options.has(id)) s.options.set(id, 0);
    }

  const competencies: ScenarioFigures['competencies'] = {};
  for (const [id, p] of [...percents.entries()].sort(([x], [y]) => x.localeCompare(y)))
    competencies[id] = {
      label: p.label,
      summary: summarise(p.values),
      bins: percentBins(p.values),
    };

  return {
    scenarioId,
    attempts: finished.length,
    unfinished: n - finished.length,
    practice: finished.filter((a) => a.mode === 'practice').length,
    assessment: finished.filter((a) => a.mode === 'assessment').length,
    passed,
    passRate: finished.length ? passed / finished.length : null,
    competencies,
    criticalErrors: critical.ranked(),
    breachedStandards: standards.ranked(),
    alarms: [...alarms.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([signal, s]) => ({
        signal,
        summary: summarise(s.times),
        unanswered: s.unanswered,
        late: within === null ? null : s.times.filter((t) => t > within).length,
      })),
    leaves: leaves.ranked(),
    steps: placesInOrder([...steps.entries()], scenario).map(([id, s]) => ({
      id,
      kind: s.kind,
      reached: s.reached.size,
      reach: n ? s.reached.size / n : 0,
      decisions: s.decisions,
      choices: [...s.options.entries()]
        .map(([optionId, count]) => ({
          optionId,
          count,
          share: s.decisions ? count / s.decisions : 0,
        }))
        .sort((x, y) => y.count - x.count || String(x.optionId).localeCompare(String(y.optionId))),
    })),
  };
}

/** `places` (in the order met) sorted in `scenario`'s order (scenarioOrder); met order without it. */
function placesInOrder<T>(places: [string, T][], scenario?: ScenarioV1): [string, T][] {
  if (!scenario) return places;
  const order = scenarioOrder(scenario);
  const at = (id: string) => order.get(id) ?? order.size;
  // A stable sort: places the scenario does not name keep their met order, after the others.
  return [...places].sort(([x], [y]) => at(x) - at(y));
}

/** The figures of every scenario met in `attempts`, by scenario id. */
export function cohortFigures(attempts: readonly CohortAttempt[]): ScenarioFigures[] {
  const ids = [...new Set(attempts.filter(isVerified).map((a) => a.scenarioId))].sort();
  return ids.map((id) => scenarioFigures(id, attempts));
}

/** The anonymised decisions made at one step: which option, in which attempt (by pseudonym). */
export function decisionsAt(
  attempts: readonly CohortAttempt[],
  scenarioId: string,
  place: string,
  nameOf: (trainee: string) => string,
): DecisionAt[] {
  return attempts
    .filter(isVerified)
    .filter((a) => a.scenarioId === scenarioId)
    .flatMap((a) =>
      a.report.decisions
        .filter((d) => decisionPlace(d) === place)
        .map((decision) => ({
          trainee: nameOf(a.trainee),
          attempt: a.id,
          mode: a.mode,
          finishedAt: a.finishedAt,
          overall: scoredResult(a.report)?.overall ?? null,
          passed: scoredResult(a.report)?.passed ?? null,
          resultText: attemptResultText(a.report),
          decision,
        })),
    );
}

/** One decision made at a step, with the attempt it belongs to. */
export interface DecisionAt {
  /** The trainee as `nameOf` gave it (a pseudonym in the view). */
  trainee: string;
  /** The attempt's id. */
  attempt: string;
  mode: Mode;
  /** When the attempt reached its debrief (ISO 8601), or "" when unknown. */
  finishedAt: string;
  /** The attempt's replayed overall percentage and verdict; null for one left unfinished. */
  overall: number | null;
  passed: boolean | null;
  /** The replayed result in words (attemptResultText): "passed, 92.5%", "left before …". */
  resultText: string;
  decision: DecisionResult;
}
