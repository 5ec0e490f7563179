/**
 * `run <course file> [--strategy best|worst|random] [--seed N] [--vitals [N]] [--json]`: plays
 * every visit of a course in order through the engine's playCourse (each visit a session of its
 * own, what the course carries handed on), then prints each visit's report and the course
 * summary. A course with errors (its own or its visits') is not played: the errors are printed
 * as `validate` prints them. Exit code 0 when every visit reached its debrief, else 1.
 */
import path from 'node:path';
import {
  playCourse,
  validate,
  validateCourse,
  type CarriedState,
  type ScenarioV1,
  type Strategy,
} from '../../engine/index.ts';
import { listAudioFiles, readScenarioFile } from '../files.ts';
import type { Io } from '../io.ts';
import { clean, formatDiagnostic, plural } from '../output.ts';
import { describeError, visitOutput } from '../run-report.ts';
import { checkCourseFile } from './validate-course.ts';

export interface CourseRunOptions {
  seed: number;
  strategy: Strategy;
  vitalsEvery: number | undefined;
}

/** Plays course file `file` (text `text`) and prints its reports; returns the exit code. */
export async function runCourse(
  file: string,
  text: string,
  options: CourseRunOptions,
  io: Io,
  output: { json: boolean; audioDir: string },
): Promise<number> {
  const knownAudioFiles = await listAudioFiles(output.audioDir);
  const errors = (await checkCourseFile(file, text, knownAudioFiles)).filter(
    (d) => d.severity === 'error',
  );
  const course = validateCourse(text).course;
  if (errors.length > 0 || !course) {
    for (const d of errors) io.err(formatDiagnostic(file, d));
    io.err(
      `${plural(errors.length, 'error')}: fix them before running this course (see \`validate\`).`,
    );
    return 1;
  }
  const scenarios: ScenarioV1[] = [];
  const files: string[] = [];
  for (const visit of course.visits) {
    const visitFile = path.join(path.dirname(file), visit.scenario);
    const read = await readScenarioFile(visitFile);
    // checkCourseFile has read and validated every visit: these hold.
    const scenario =
      read.kind === 'text' ? validate(read.text, { knownAudioFiles }).scenario : null;
    if (!scenario) {
      io.err(`${clean(visitFile)}: cannot read this visit's scenario`);
      return 2;
    }
    scenarios.push(scenario);
    files.push(visitFile);
  }
  const { seed, strategy, vitalsEvery } = options;
  const { visits, summary } = playCourse(course, scenarios, { seed, mode: 'assessment', strategy });
  const played = visits.map((v, i) => ({
    file: files[i]!,
    carriedIn: v.carriedIn,
    ...visitOutput(scenarios[i]!, v.run, { seed, strategy, vitalsEvery }),
  }));
  if (output.json) {
    io.out(
      JSON.stringify(
        {
          courseId: course.id,
          seed,
          strategy,
          visits: played.map((p) => ({ file: p.file, carriedIn: p.carriedIn, ...p.json })),
          summary,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`Course ${course.id}: ${plural(course.visits.length, 'visit')}`];
    played.forEach((p, i) => {
      lines.push('', `=== Visit ${i + 1} of ${course.visits.length}: ${p.file}`);
      lines.push(`Carried in: ${describeCarried(p.carriedIn)}`, '');
      lines.push(...p.lines);
    });
    if (visits.length < course.visits.length)
      lines.push(
        '',
        `The course stopped after visit ${visits.length}: it did not reach its debrief.`,
      );
    lines.push('', 'Course summary:');
    summary.visits.forEach((v, i) =>
      lines.push(
        `  ${i + 1}. ${v.title} (${v.scenarioId}): ${v.completed ? `ending ${v.ending ?? '-'}` : 'not finished'}, ${v.overall}% — ${v.passed ? 'passed' : 'failed'}`,
      ),
    );
    lines.push(
      `Course: ${summary.completed ? 'every visit reached an ending' : 'not completed'} — ${summary.passed ? 'PASSED' : 'FAILED'}`,
    );
    for (const line of lines) io.out(clean(line));
  }
  const last = visits.at(-1);
  if (last?.run.error) for (const line of describeError(last.run)) io.err(clean(line));
  return summary.completed ? 0 : 1;
}

/** What an earlier visit handed to this one, in words. */
function describeCarried(carried: CarriedState | null): string {
  if (!carried) return 'nothing (first visit)';
  const parts: string[] = [];
  const vars = Object.entries(carried.vars ?? {});
  if (vars.length > 0) parts.push(`variables ${vars.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  const facts = Object.entries(carried.facts ?? {}).filter(([, v]) => v);
  if (facts.length > 0) parts.push(`facts ${facts.map(([k]) => k).join(', ')}`);
  const b = carried.baseline;
  if (b && Object.keys(b).length > 0)
    parts.push(
      `baseline ${Object.entries(b)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  return parts.length > 0 ? parts.join('; ') : 'nothing';
}
