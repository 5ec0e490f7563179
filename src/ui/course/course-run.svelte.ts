/**
 * A course being played in the player: its progress (the visits' attempts, kept on this device
 * after every event like a scenario's saved attempt) and where it stands, replayed from them by
 * the engine. Sessions for its visits save into the course's progress, not the scenario's.
 */
import {
  newCourseProgress,
  parseCourseProgress,
  serializeCourseProgress,
  withVisitAttempt,
  type CourseDef,
  type CourseProgress,
  type CourseState,
  type Mode,
  type ScenarioV1,
} from '../../engine/index.ts';
import { newSeed } from '../loader.ts';
import { Session } from '../session.svelte.ts';
import { clearCourse, saveCourseText, savedCourseText } from '../storage.ts';

export class CourseRun {
  readonly course: CourseDef;
  readonly scenarios: readonly ScenarioV1[];
  /** Where the course stands; null when it has not been started (or was discarded). */
  state = $state.raw<CourseState | null>(null);
  /** Why the saved progress could not be used (it is kept until the trainee starts afresh). */
  broken = $state.raw<string | null>(null);
  #progress: CourseProgress | null = null;

  constructor(course: CourseDef, scenarios: readonly ScenarioV1[]) {
    this.course = course;
    this.scenarios = scenarios;
    const text = savedCourseText(course.id);
    if (text === null) return;
    const parsed = parseCourseProgress(text, course, scenarios);
    if (!parsed.ok) {
      this.broken = parsed.message;
      return;
    }
    this.state = parsed.state;
    this.#progress = {
      saveVersion: 1,
      courseId: course.id,
      mode: parsed.state.mode,
      visits: JSON.parse(text).visits as string[],
    };
  }

  get total(): number {
    return this.course.visits.length;
  }

  /** Starts the course afresh in `mode` (any progress is discarded). */
  start(mode: Mode): void {
    this.#progress = newCourseProgress(this.course, mode);
    this.broken = null;
    this.#write();
    this.refresh();
  }

  /** Forgets the progress (also a damaged one). */
  discard(): void {
    clearCourse(this.course.id);
    this.#progress = null;
    this.state = null;
    this.broken = null;
  }

  /** Re-derives where the course stands from its progress (after a visit ends, say). */
  refresh(): void {
    if (!this.#progress) return;
    const parsed = parseCourseProgress(
      serializeCourseProgress(this.#progress),
      this.course,
      this.scenarios,
    );
    if (parsed.ok) this.state = parsed.state;
    else this.broken = parsed.message;
  }

  /** The visit in progress, resumed from its attempt; null when none is unfinished. */
  resumeVisit(): Session | null {
    const state = this.state;
    const visit = state?.visits[state.current];
    if (!state || !visit || visit.finished) return null;
    return new Session({
      scenario: this.scenarios[state.current]!,
      seed: visit.attempt.seed,
      mode: visit.attempt.mode,
      attempt: visit.attempt,
      store: this.#store(state.current),
    });
  }

  /** Begins the next visit with what the visits before it carry; null when there is none. */
  startVisit(): Session | null {
    const state = this.state;
    if (!state || state.current >= this.total || state.visits[state.current]) return null;
    const index = state.current;
    const session = new Session({
      scenario: this.scenarios[index]!,
      seed: newSeed(),
      mode: state.mode,
      ...(state.carriedNext ? { carried: state.carriedNext } : {}),
      store: this.#store(index),
    });
    session.send({ type: 'session.begin' });
    session.saveNow();
    this.refresh();
    return session;
  }

  /** The last finished visit, read-only (for its debrief); null when none is finished. */
  lastFinished(): { index: number; session: Session } | null {
    const visits = this.state?.visits ?? [];
    let index = visits.length - 1;
    while (index >= 0 && !visits[index]!.finished) index--;
    if (index < 0) return null;
    const visit = visits[index]!;
    const session = new Session({
      scenario: this.scenarios[index]!,
      seed: visit.attempt.seed,
      mode: visit.attempt.mode,
      attempt: visit.attempt,
      persist: false,
    });
    return { index, session };
  }

  #store(index: number) {
    return {
      save: (text: string) => {
        if (!this.#progress) return;
        this.#progress = withVisitAttempt(this.#progress, index, text);
        this.#write();
      },
      // Ending a visit forgets it: the course resumes with that visit not yet started.
      clear: () => {
        if (!this.#progress) return;
        this.#progress = { ...this.#progress, visits: this.#progress.visits.slice(0, index) };
        this.#write();
        this.refresh();
      },
    };
  }

  #write(): void {
    if (this.#progress) saveCourseText(this.course.id, serializeCourseProgress(this.#progress));
  }
}
