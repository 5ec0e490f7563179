/**
 * Playing a course: each visit is a session of its own (its own attempt, scored on its own), and
 * the course's `carry` names what one visit hands to the next. A variable or fact carried by an
 * earlier visit passes through visits that do not declare it.
 */
import type { CourseDef } from '../format/course.ts';
import { VITAL_KEYS, type ScenarioV1 } from '../format/schema.ts';
import type { Report } from '../scoring/score.ts';
import { playHeadless, type HeadlessOptions, type HeadlessResult } from '../play/headless.ts';
import type { CarriedState, SessionContext } from '../session/types.ts';

/** What a finished visit hands to the next, by the course's `carry` (merged over what it received). */
export function carriedFrom(
  context: SessionContext,
  carry: CourseDef['carry'],
  received: CarriedState | null,
): CarriedState {
  const vars = { ...received?.vars };
  for (const id of carry.variables ?? []) if (id in context.vars) vars[id] = context.vars[id]!;
  const facts = { ...received?.facts };
  for (const fact of carry.facts ?? []) if (context.facts[fact]) facts[fact] = true;
  const out: CarriedState = { vars, facts };
  if (carry.lastVitals)
    out.baseline = Object.fromEntries(VITAL_KEYS.map((k) => [k, context.vitals[k]]));
  return out;
}

export interface CourseVisitResult {
  scenarioId: string;
  title: string;
  /** What the earlier visits carried into this one. */
  carriedIn: CarriedState | null;
  run: HeadlessResult;
}

export interface CourseSummary {
  courseId: string;
  visits: {
    scenarioId: string;
    title: string;
    completed: boolean;
    passed: boolean;
    overall: number;
    ending: string | null;
  }[];
  /** Every visit reached an ending. */
  completed: boolean;
  /** Every visit passed on its own. */
  passed: boolean;
}

/**
 * Plays a course headlessly: `scenarios` are its visits' scenarios in order. A visit that does
 * not reach its debrief stops the course there.
 */
export function playCourse(
  course: CourseDef,
  scenarios: readonly ScenarioV1[],
  options: Omit<HeadlessOptions, 'carried' | 'choices'>,
): { visits: CourseVisitResult[]; summary: CourseSummary } {
  const visits: CourseVisitResult[] = [];
  let carried: CarriedState | null = null;
  for (const scenario of scenarios) {
    const run = playHeadless(scenario, { ...options, ...(carried ? { carried } : {}) });
    visits.push({ scenarioId: scenario.id, title: scenario.title, carriedIn: carried, run });
    if (run.view.status !== 'debrief') break;
    carried = carriedFrom(run.snapshot.context, course.carry, carried);
  }
  return {
    visits,
    summary: summarizeCourse(
      course,
      visits.map((v) => ({ title: v.title, report: v.run.report })),
    ),
  };
}

/** The course report: each visit's own result, and whether the course as a whole passed. */
export function summarizeCourse(
  course: CourseDef,
  visits: readonly { title: string; report: Report }[],
): CourseSummary {
  const rows = visits.map(({ title, report }) => ({
    scenarioId: report.scenarioId,
    title,
    completed: report.status === 'debrief',
    passed: report.passed,
    overall: report.overall,
    ending: report.ending?.id ?? null,
  }));
  const complete = rows.length === course.visits.length && rows.every((r) => r.completed);
  return {
    courseId: course.id,
    visits: rows,
    completed: complete,
    passed: complete && rows.every((r) => r.passed),
  };
}
