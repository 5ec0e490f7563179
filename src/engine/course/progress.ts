/**
 * A course in progress, as a host keeps it: the course id, the mode chosen for the whole course,
 * and the saved attempts of the visits played so far, in order (the last may be unfinished).
 * Everything else (where the trainee is, what each visit carried, each visit's result) is derived
 * by replaying those attempts, so the logs stay the whole truth.
 */
import type { CourseDef } from '../format/course.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { parseAttempt, restoreAttempt } from '../attempt/parse.ts';
import type { Attempt } from '../attempt/types.ts';
import type { Report } from '../scoring/score.ts';
import type { CarriedState, Mode } from '../session/types.ts';
import { carriedFrom, summarizeCourse, type CourseSummary } from './play.ts';

export const COURSE_SAVE_VERSION = 1;

/** The saved form of a course in progress. */
export interface CourseProgress {
  saveVersion: 1;
  courseId: string;
  mode: Mode;
  /** Each visit's attempt so far (its save text, see serializeAttempt), in course order. */
  visits: string[];
}

/** One visit as the course stands: its attempt replayed and scored. */
export interface CourseVisitState {
  scenarioId: string;
  title: string;
  attempt: Attempt;
  report: Report;
  /** The visit reached its debrief. */
  finished: boolean;
}

/** Where a course stands, derived from its progress. */
export interface CourseState {
  mode: Mode;
  /** The visits started so far, in order. */
  visits: CourseVisitState[];
  /**
   * The visit to play now (0-based): the unfinished one, or the next one to start. Equals the
   * number of visits when every visit is finished.
   */
  current: number;
  /** What the finished visits carry into the next one (null before the first is finished). */
  carriedNext: CarriedState | null;
  /** Every visit of the course is finished. */
  complete: boolean;
  summary: CourseSummary;
}

export type ParseCourseProgressResult =
  { ok: true; state: CourseState } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The save text of a course in progress (stable key order). */
export function serializeCourseProgress(progress: CourseProgress): string {
  return JSON.stringify({
    saveVersion: progress.saveVersion,
    courseId: progress.courseId,
    mode: progress.mode,
    visits: progress.visits,
  });
}

/** A new course in `mode`, no visit started. */
export function newCourseProgress(course: CourseDef, mode: Mode): CourseProgress {
  return { saveVersion: COURSE_SAVE_VERSION, courseId: course.id, mode, visits: [] };
}

/** The progress with visit `index`'s attempt replaced (or added after the last). */
export function withVisitAttempt(
  progress: CourseProgress,
  index: number,
  attemptText: string,
): CourseProgress {
  const visits = progress.visits.slice(0, index);
  visits[index] = attemptText;
  return { ...progress, visits };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Checks saved course progress against the course and its visits' scenarios (in course order)
 * and derives where it stands. Never throws: garbage, a save of another course, a visit attempt
 * that does not parse (see parseAttempt), a visit started before the one before it finished, or
 * carried state that is not what the earlier visits hand on all give a message saying what is
 * wrong.
 */
export function parseCourseProgress(
  text: string,
  course: CourseDef,
  scenarios: readonly ScenarioV1[],
): ParseCourseProgressResult {
  const damaged = (why: string): ParseCourseProgressResult => ({
    ok: false,
    message: `The saved progress through this course is damaged (${why}).`,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return damaged('it is not JSON');
  }
  if (!isObject(value)) return damaged('it is not a course save');
  if (value.saveVersion !== COURSE_SAVE_VERSION)
    return damaged(`unknown save version ${JSON.stringify(value.saveVersion)}`);
  if (value.courseId !== course.id) return damaged('it belongs to another course');
  if (value.mode !== 'practice' && value.mode !== 'assessment') return damaged('unknown mode');
  const texts = value.visits;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string'))
    return damaged('its visits are not a list of attempts');
  if (texts.length > course.visits.length) return damaged('it has more visits than the course');
  const progress: CourseProgress = {
    saveVersion: COURSE_SAVE_VERSION,
    courseId: course.id,
    mode: value.mode,
    visits: texts as string[],
  };
  try {
    return courseState(progress, course, scenarios);
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  }
}

function courseState(
  progress: CourseProgress,
  course: CourseDef,
  scenarios: readonly ScenarioV1[],
): ParseCourseProgressResult {
  const visits: CourseVisitState[] = [];
  let carried: CarriedState | null = null;
  for (const [i, text] of progress.visits.entries()) {
    const scenario = scenarios[i];
    if (!scenario) return { ok: false, message: `Visit ${i + 1} of the course is missing.` };
    const parsed = parseAttempt(text, scenario);
    if (!parsed.ok)
      return { ok: false, message: `Visit ${i + 1} (${scenario.title}): ${parsed.message}` };
    const attempt = parsed.attempt;
    if (i > 0 && !visits[i - 1]!.finished)
      return {
        ok: false,
        message: `The saved progress through this course is damaged (visit ${i + 1} was started before visit ${i} ended).`,
      };
    if (attempt.mode !== progress.mode || !same(attempt.carried, carried))
      return {
        ok: false,
        message: `The saved progress through this course is damaged (visit ${i + 1} does not start from what the earlier visits carried).`,
      };
    const { snapshot, report } = restoreAttempt(scenario, attempt);
    const finished = report.status === 'debrief';
    visits.push({ scenarioId: scenario.id, title: scenario.title, attempt, report, finished });
    if (finished) carried = carriedFrom(snapshot.context, course.carry, carried);
  }
  const last = visits.at(-1);
  const current = last && !last.finished ? visits.length - 1 : visits.length;
  return {
    ok: true,
    state: {
      mode: progress.mode,
      visits,
      current,
      carriedNext: visits.length > 0 && last!.finished ? carried : null,
      complete: current === course.visits.length,
      summary: summarizeCourse(
        course,
        visits.filter((v) => v.finished).map((v) => ({ title: v.title, report: v.report })),
      ),
    },
  };
}
