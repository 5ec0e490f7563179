/** Test helpers: the engine fixture scenario and every shipped scenario, validated. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from '../../../src/engine/format/validate.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { listScenarioFiles } from '../../../src/engine/library.ts';
import { validateCourse } from '../../../src/engine/format/course.ts';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export const FIXTURE_FILE = `${root}tests/fixtures/engine/protocol-gates.json`;

export function loadScenarioFile(file: string): ScenarioV1 {
  const result = validate(readFileSync(file, 'utf8'));
  if (!result.scenario) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new Error(
      `${file} is not a valid scenario: ${errors.map((d) => `${d.code} ${d.path} ${d.message}`).join('; ')}`,
    );
  }
  return result.scenario;
}

/** A fresh copy of the fixture (tests may change their copy). */
export function loadFixture(): ScenarioV1 {
  return loadScenarioFile(FIXTURE_FILE);
}

/** Every shipped scenario file in scenarios/ (not the schema, not the templates). */
export function shippedScenarioFiles(): string[] {
  const dir = `${root}scenarios/`;
  const names = readdirSync(dir).map((name) => `${dir}${name}`);
  return listScenarioFiles(names).map((e) => `${dir}${e.file}`);
}

/**
 * The group a shipped scenario's patient belongs to: the course id when the file is a visit of a
 * shipped course (`scenarios/*.course.json`; the visits of a course share one patient), else the
 * file's own name. Takes and returns plain file names.
 */
export function patientGroupOf(): (file: string) => string {
  const dir = `${root}scenarios/`;
  const group = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.course.json'))) {
    const { course } = validateCourse(readFileSync(dir + name, 'utf8'));
    if (!course) throw new Error(`${name} is not a valid course`);
    for (const v of course.visits) group.set(v.scenario, course.id);
  }
  return (file) => group.get(file.split('/').pop()!) ?? file.split('/').pop()!;
}

/** A visit fixture of tests/fixtures/engine/visit/ by file name, validated. */
export const loadVisitFixture = (name: string): ScenarioV1 =>
  loadScenarioFile(`${root}tests/fixtures/engine/visit/${name}`);

export type SessionSnap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

/**
 * The snapshot after `session.begin` and `events` (a string is a choice of that option id), in
 * assessment mode with seed 5, through the machine's pure transitions.
 */
export function playSession(
  scenario: ScenarioV1,
  ...events: (SessionEvent | string)[]
): SessionSnap {
  let [s] = initialTransition(sessionMachine, { scenario, seed: 5, mode: 'assessment' });
  for (const e of [{ type: 'session.begin' } as SessionEvent, ...events])
    s = transition(
      sessionMachine,
      s,
      typeof e === 'string' ? { type: 'trainee.choose', optionId: e } : e,
    )[0];
  return s;
}
