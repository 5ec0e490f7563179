/**
 * A trainee's progress over their verified attempts: each competency's trend (per scenario and
 * overall), the standards they breached and how often, alarm response times, time on task, and
 * the scenarios not yet tried in the library's recommended order. Practice and assessment are
 * told apart on every point.
 */
import type { Mode } from '../session/types.ts';
import { scoredResult } from '../results/result.ts';
import { summarise } from './stats.ts';
import {
  isVerified,
  type CohortAttempt,
  type Ranked,
  type Summary,
  type VerifiedAttempt,
} from './types.ts';

export interface TrendPoint {
  attempt: string;
  finishedAt: string;
  mode: Mode;
  /** The competency's percentage (0–100), or the overall score for the "overall" trend. */
  percent: number;
}

export interface ScenarioProgress {
  scenarioId: string;
  attempts: number;
  practice: number;
  assessment: number;
  passed: number;
  /** Overall score per attempt, oldest first. */
  overall: TrendPoint[];
  /** Per competency id: its percentage per attempt, oldest first (attempts without one skipped). */
  competencies: Record<string, CompetencyTrend>;
}

/** One competency's trend, grouped by its id. */
export interface CompetencyTrend {
  /** The first name met for it. */
  label: string;
  /** Every name the attempts give this id, in the order first met (scenarios may differ). */
  labels: string[];
  points: TrendPoint[];
}

export interface Progress {
  attempts: number;
  practice: number;
  assessment: number;
  scenarios: ScenarioProgress[];
  /**
   * Per competency id over all scenarios: percentage per attempt, oldest first. Grouped by id,
   * so one trend may combine differently named competencies (`labels` lists every name).
   */
  competencies: Record<string, CompetencyTrend>;
  overall: TrendPoint[];
  breachedStandards: Ranked[];
  /** Response times (simulated minutes) per alarm signal, and alarms never answered. */
  alarms: { signal: string; summary: Summary; unanswered: number }[];
  /** Simulated minutes over all attempts, split by mode. */
  timeOnTask: { practice: number; assessment: number };
  /** Scenario ids of the catalogue not yet attempted, in the catalogue's (recommended) order. */
  notTried: string[];
  /** Verified attempts left before their debrief: no result, so not in the figures above. */
  unfinished: number;
}

const byTime = (a: VerifiedAttempt, b: VerifiedAttempt) =>
  a.finishedAt.localeCompare(b.finishedAt) || a.id.localeCompare(b.id);

function point(a: VerifiedAttempt, percent: number): TrendPoint {
  return { attempt: a.id, finishedAt: a.finishedAt, mode: a.mode, percent };
}

function trends(list: readonly VerifiedAttempt[]) {
  const competencies: Record<string, CompetencyTrend> = {};
  for (const a of list)
    for (const c of Object.values(a.report.competencies)) {
      if (c.percent === null) continue;
      const t = (competencies[c.id] ??= { label: c.label, labels: [], points: [] });
      if (!t.labels.includes(c.label)) t.labels.push(c.label);
      t.points.push(point(a, c.percent));
    }
  return { competencies, overall: list.map((a) => point(a, a.report.overall)) };
}

/**
 * The progress of one trainee from their attempts (unverified ones are ignored), with
 * `catalogue` the scenario ids in the library's recommended order. An attempt left before its
 * debrief has no result: it is counted apart (`unfinished`), not in the trends, the counts or the
 * time on task, but its breached standards and alarms count and its scenario has been tried.
 */
export function traineeProgress(
  attempts: readonly CohortAttempt[],
  catalogue: readonly string[],
): Progress {
  const verified = attempts.filter(isVerified);
  const list = verified.filter((a) => scoredResult(a.report)).sort(byTime);
  const tried = new Set(verified.map((a) => a.scenarioId));
  const ids = [...new Set(list.map((a) => a.scenarioId))];
  const order = (id: string) => (catalogue.includes(id) ? catalogue.indexOf(id) : Infinity);
  ids.sort((x, y) => order(x) - order(y) || x.localeCompare(y));

  const standards = new Map<string, { count: number; attempts: Set<string> }>();
  const alarms = new Map<string, { times: number[]; unanswered: number }>();
  const timeOnTask = { practice: 0, assessment: 0 };
  // As in the cohort view, a decision or alarm met before leaving still counts.
  for (const a of verified) {
    if (scoredResult(a.report)) timeOnTask[a.mode] += a.simulatedMinutes;
    for (const d of a.report.decisions)
      for (const id of d.standards?.breaches ?? []) {
        let s = standards.get(id);
        if (!s) standards.set(id, (s = { count: 0, attempts: new Set() }));
        s.count++;
        s.attempts.add(a.id);
      }
    for (const al of a.report.alarmResponses) {
      let s = alarms.get(al.signal);
      if (!s) alarms.set(al.signal, (s = { times: [], unanswered: 0 }));
      if (al.minutes === null) s.unanswered++;
      else s.times.push(al.minutes);
    }
  }

  return {
    attempts: list.length,
    practice: list.filter((a) => a.mode === 'practice').length,
    assessment: list.filter((a) => a.mode === 'assessment').length,
    scenarios: ids.map((scenarioId) => {
      const mine = list.filter((a) => a.scenarioId === scenarioId);
      return {
        scenarioId,
        attempts: mine.length,
        practice: mine.filter((a) => a.mode === 'practice').length,
        assessment: mine.filter((a) => a.mode === 'assessment').length,
        passed: mine.filter((a) => a.report.passed).length,
        ...trends(mine),
      };
    }),
    ...trends(list),
    breachedStandards: [...standards.entries()]
      .map(([id, s]) => ({ id, count: s.count, attempts: s.attempts.size }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    alarms: [...alarms.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([signal, s]) => ({ signal, summary: summarise(s.times), unanswered: s.unanswered })),
    timeOnTask,
    notTried: catalogue.filter((id) => !tried.has(id)),
    unfinished: verified.length - list.length,
  };
}
