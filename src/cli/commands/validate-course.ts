/**
 * `validate` of a course file (`*.course.json`, or any file whose top-level `kind` is "course"):
 * the course format, then its visit files (beside it), each validated as a scenario, and the
 * checks across them (see checkCourseVisits).
 */
import path from 'node:path';
import {
  checkCourseVisits,
  compareDiagnostics,
  validate,
  validateCourse,
  type CourseVisitFile,
  type Diagnostic,
} from '../../engine/index.ts';
import { readScenarioFile } from '../files.ts';

/** Whether a file is a course: by its name, or by a top-level `"kind": "course"`. */
export function isCourseFile(file: string, text: string): boolean {
  if (file.endsWith('.course.json')) return true;
  try {
    const value = JSON.parse(text) as unknown;
    return (
      typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'course'
    );
  } catch {
    return false;
  }
}

/** Every diagnostic of course file `file` (text `text`), visits included. */
export async function checkCourseFile(
  file: string,
  text: string,
  knownAudioFiles: string[],
): Promise<Diagnostic[]> {
  const { diagnostics, course } = validateCourse(text);
  if (!course) return diagnostics;
  const visits: CourseVisitFile[] = [];
  for (const visit of course.visits) {
    const read = await readScenarioFile(path.join(path.dirname(file), visit.scenario));
    if (read.kind === 'unreadable') visits.push({ kind: 'missing', reason: read.reason });
    else if (read.kind === 'refused') visits.push({ kind: 'invalid', errors: [read.diagnostic] });
    else {
      const result = validate(read.text, { knownAudioFiles });
      visits.push(
        result.scenario
          ? { kind: 'ok', scenario: result.scenario }
          : {
              kind: 'invalid',
              errors: result.diagnostics.filter((d) => d.severity === 'error'),
            },
      );
    }
  }
  return [...diagnostics, ...checkCourseVisits(text, course, visits)].sort(compareDiagnostics);
}
