/**
 * Opening a bundled course: its card from the build-time catalogue, its file (a lazy raw chunk),
 * the course format check, and each visit's scenario (opened like any scenario). Every failure
 * comes back as a message for the trainee, never as an exception.
 */
import type { CourseDef, Diagnostic, ScenarioV1 } from '../../engine/index.ts';
import { validateCourse } from '../../engine/index.ts';
import { openScenario } from '../loader.ts';
import { loadCourseCards } from './course-cards.ts';

const files = import.meta.glob<string>('/scenarios/*.course.json', {
  query: '?raw',
  import: 'default',
});

export type OpenedCourse =
  | { ok: true; course: CourseDef; scenarios: ScenarioV1[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

/** Reads and checks course `id` and opens its visits, in course order. */
export async function openCourse(id: string): Promise<OpenedCourse> {
  const fail = (message: string, diagnostics: Diagnostic[] = []): OpenedCourse => ({
    ok: false,
    message,
    diagnostics,
  });
  try {
    const card = (await loadCourseCards()).find((c) => c.id === id);
    const load = card && files[`/scenarios/${card.file}`];
    if (!load) return fail(`There is no bundled course called "${id}".`);
    const { course, diagnostics } = validateCourse(await load());
    if (!course) return fail(`The course "${id}" has errors and cannot be played.`, diagnostics);
    const opened = await Promise.all(
      course.visits.map((v) => openScenario(v.scenario.replace(/\.json$/, ''))),
    );
    const scenarios: ScenarioV1[] = [];
    for (const [i, o] of opened.entries()) {
      if (!o.ok)
        return fail(`Visit ${i + 1} of the course cannot be played: ${o.message}`, o.diagnostics);
      scenarios.push(o.scenario);
    }
    return { ok: true, course, scenarios };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
