/**
 * A Vite plugin that serves `virtual:scenario-catalogue`: the library's cards for the bundled
 * scenarios (title, summary, route, visit kind, difficulty, content warnings, estimated minutes),
 * read from `scenarios/*.json` at build time, in the recommended order, with the visits of each
 * course (`scenarios/*.course.json`) kept together in course order, and the courses' own cards
 * (the named export `courses`). The library imports it
 * lazily as one small chunk, so it never downloads or parses a scenario file; a scenario loads
 * only when opened. In the dev server a change to a scenario file reloads the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { catalogueModule } from '../src/engine/presentation/catalogue.ts';
import { listScenarioFiles } from '../src/engine/library.ts';
import { validateCourse, type CourseDef } from '../src/engine/format/course.ts';
import { courseCard } from '../src/engine/presentation/course-catalogue.ts';

const ID = 'virtual:scenario-catalogue';
const RESOLVED = `\0${ID}`;

export function catalogue(dir = 'scenarios'): Plugin {
  const folder = resolve(dir);
  return {
    name: 'kap-scenario-catalogue',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const names = readdirSync(folder);
      const files = listScenarioFiles(names.map((f) => `/${dir}/${f}`));
      for (const f of files) this.addWatchFile(join(folder, f.file));
      // A course that does not validate orders nothing and is not listed; its own check reports it.
      const courses = names
        .filter((f) => f.endsWith('.course.json'))
        .flatMap((f): { file: string; course: CourseDef }[] => {
          this.addWatchFile(join(folder, f));
          const { course } = validateCourse(readFileSync(join(folder, f), 'utf8'));
          return course ? [{ file: f, course }] : [];
        });
      const texts = files.map((f) => ({
        id: f.id,
        text: readFileSync(join(folder, f.file), 'utf8'),
      }));
      return catalogueModule(
        texts,
        courses.map(({ course }) => ({
          visits: course.visits.map((v) => v.scenario.replace(/\.json$/, '')),
        })),
        courses.map(({ file, course }) => courseCard(course, file, texts)),
      );
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(folder) || !file.endsWith('.json')) return;
      const mod = server.moduleGraph.getModuleById(RESOLVED);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
  };
}
