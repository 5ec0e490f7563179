/**
 * The scenario id should be its file's name (attempts and results are stored under the id, and
 * a file is found by its name): one rule, used by the command line and the workspace alike.
 */
import type { Finding } from './diagnostics.ts';
import { Scenario } from './schema.ts';

const ID = new RegExp(Scenario.properties.id.pattern ?? '^$');

/**
 * The file name a scenario with this id should be saved as (`<id>.json`), or null when `id` is
 * not a valid scenario id (not a string, or not lowercase words joined by hyphens), so no name
 * is made from a half-typed or hostile id.
 */
export function fileNameForId(id: unknown): string | null {
  return typeof id === 'string' && id.length <= 80 && ID.test(id) ? `${id}.json` : null;
}

/**
 * The SCENARIO_ID_FILE_NAME warning (at `/id`) when `id` differs from the name of `file` (a
 * file name or path, with / or \ separators) without its `.json` extension; null when they agree.
 */
export function idFileNameFinding(id: string, file: string): Finding | null {
  const base = file.split(/[\\/]/).at(-1) ?? file;
  const name = base.replace(/\.json$/i, '');
  if (name === id) return null;
  return {
    severity: 'warning',
    code: 'SCENARIO_ID_FILE_NAME',
    path: '/id',
    message: `The scenario id "${id}" differs from the file name "${base}".`,
    hint: `Make the id "${name}", or rename the file to "${id}.json".`,
  };
}
