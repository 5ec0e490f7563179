/**
 * The list of bundled scenarios, from the modules the host found in `scenarios/`.
 * Pure: the host supplies the module map (Vite's import.meta.glob, or files read by the CLI).
 */
export interface ScenarioEntry {
  /** File name without folder, e.g. "trd-sublingual-first-session.json". */
  file: string;
  /** The scenario id, taken from the file name. */
  id: string;
}

/**
 * Turns a `{ path: module }` map into a sorted list, skipping the schema, templates and course
 * files (`*.course.json`: a course lists scenario files, it is not one).
 */
export function listScenarioFiles(paths: Iterable<string>): ScenarioEntry[] {
  const entries: ScenarioEntry[] = [];
  for (const path of paths) {
    const file = path.split('/').pop() ?? path;
    if (!file.endsWith('.json') || file.endsWith('.schema.json')) continue;
    if (file.endsWith('.course.json')) continue;
    if (path.includes('/templates/')) continue;
    entries.push({ file, id: file.slice(0, -'.json'.length) });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}
