/**
 * Checks a course against its visits' scenario files: every visit file exists and is a valid
 * scenario, the kinds of visit come in the order of a course of treatment, every carried variable
 * is set by one visit and declared by a later one (else its value reaches no visit), and every
 * variable a visit reads that an earlier visit sets is carried. Pure: the host reads the files and
 * validates each visit; this places the findings in the course file's text.
 *
 * The order rule: an `integration` visit follows a `dosing` visit (it is "a day or more after a
 * dosing visit"), and a `preparation` visit comes before the first `dosing` visit.
 */
import { error, warning, type Diagnostic, type Finding } from '../format/diagnostics.ts';
import type { CourseDef } from '../format/course.ts';
import type { ScenarioV1 } from '../format/schema.ts';
import { closest } from '../format/suggest.ts';
import { place } from '../format/validate.ts';

/** What the host found of one visit's file. */
export type CourseVisitFile =
  | { kind: 'missing'; reason: string }
  /** The file is there but does not validate: its errors (at least one). */
  | { kind: 'invalid'; errors: Diagnostic[] }
  | { kind: 'ok'; scenario: ScenarioV1 };

/** The variables a scenario reads in conditions (`var`) and writes in effects (`set`, `add`). */
export function variableUse(scenario: ScenarioV1): { reads: Set<string>; writes: Set<string> } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const stack: unknown[] = [scenario.phases, scenario.events ?? [], scenario.visit ?? {}];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    if (typeof record.var === 'string') reads.add(record.var);
    for (const [key, inner] of Object.entries(record)) {
      if (key === 'effects' && typeof inner === 'object' && inner !== null) {
        const effects = inner as Record<string, unknown>;
        for (const written of [effects.set, effects.add])
          if (typeof written === 'object' && written !== null)
            for (const id of Object.keys(written)) writes.add(id);
      }
      stack.push(inner);
    }
  }
  return { reads, writes };
}

const kindOf = (s: ScenarioV1) => s.visit?.kind ?? 'dosing';

/**
 * The course's cross-file diagnostics, placed in `courseText`. `visits` are in course order, one
 * per `course.visits` entry. Order and carry checks use only the visits that validate.
 */
export function checkCourseVisits(
  courseText: string,
  course: CourseDef,
  visits: readonly CourseVisitFile[],
): Diagnostic[] {
  const findings: Finding[] = [];
  const ok: { index: number; scenario: ScenarioV1 }[] = [];
  visits.forEach((v, i) => {
    const at = `/visits/${i}/scenario`;
    const file = course.visits[i]!.scenario;
    if (v.kind === 'missing')
      findings.push(
        error(
          'COURSE_VISIT_MISSING',
          at,
          `The visit file "${file}" cannot be read (${v.reason}).`,
          'Visit files are named relative to the course file and sit in the same folder.',
        ),
      );
    else if (v.kind === 'invalid') {
      const first = v.errors[0]!;
      findings.push(
        error(
          'COURSE_VISIT_INVALID',
          at,
          `The visit file "${file}" has ${v.errors.length} error${v.errors.length === 1 ? '' : 's'}; the first, at ${first.line}:${first.column}, is ${first.code}: ${first.message}`,
          `Validate "${file}" on its own to see them all.`,
        ),
      );
    } else ok.push({ index: i, scenario: v.scenario });
  });

  // Kinds in the order of a course of treatment.
  const firstDosing = ok.find((v) => kindOf(v.scenario) === 'dosing')?.index ?? Infinity;
  for (const { index, scenario } of ok) {
    const kind = kindOf(scenario);
    const at = `/visits/${index}/scenario`;
    if (kind === 'integration' && index < firstDosing)
      findings.push(
        warning(
          'COURSE_VISIT_ORDER',
          at,
          `Visit ${index + 1} is an integration visit, but no dosing visit comes before it.`,
          'An integration visit follows a dosing visit: put a dosing visit before it, or make it a preparation visit.',
        ),
      );
    if (kind === 'preparation' && index > firstDosing)
      findings.push(
        warning(
          'COURSE_VISIT_ORDER',
          at,
          `Visit ${index + 1} is a preparation visit, but visit ${firstDosing + 1} before it is a dosing visit.`,
          'Preparation comes before the first dose: move it before the dosing visit, or make it an integration visit.',
        ),
      );
  }

  // The carry checks need every visit: one that cannot be read may declare, set or read anything.
  if (ok.length < visits.length) return place(courseText, findings);

  // Carried variables: set by some visit, and reaching a later visit that declares them.
  const declared = ok.map(({ index, scenario }) => ({
    index,
    ids: new Set(scenario.variables.map((v) => v.id)),
    ...variableUse(scenario),
  }));
  const allDeclared = new Set(declared.flatMap((d) => [...d.ids]));
  const carried = course.carry.variables ?? [];
  carried.forEach((id, k) => {
    const at = `/carry/variables/${k}`;
    const holders = declared.filter((d) => d.ids.has(id));
    if (holders.length === 0) {
      const near = closest(id, allDeclared);
      findings.push(
        error(
          'COURSE_CARRY_UNKNOWN',
          at,
          `The course carries "${id}", which no visit declares.`,
          near
            ? `Did you mean "${near}"?`
            : 'Declare it in the variables of the visits that set and read it, or remove it.',
        ),
      );
      return;
    }
    const setter = holders.find((d) => d.writes.has(id));
    if (!setter || !holders.some((d) => d.index > setter.index))
      findings.push(
        warning(
          'COURSE_CARRY_UNUSED',
          at,
          setter
            ? `The course carries "${id}", but no visit after visit ${setter.index + 1} (which sets it) declares it, so the value reaches no visit.`
            : `The course carries "${id}", but no visit sets it.`,
          setter
            ? 'Declare it in the later visits that read it, or stop carrying it.'
            : 'Set it in an earlier visit (`effects.set`), or stop carrying it.',
        ),
      );
  });

  // Variables a visit reads, an earlier visit sets, and the course does not carry.
  const carriedSet = new Set(carried);
  const reported = new Set<string>();
  for (const d of declared) {
    for (const id of d.reads) {
      if (carriedSet.has(id) || d.writes.has(id) || reported.has(id)) continue;
      const setter = declared.find((e) => e.index < d.index && e.writes.has(id));
      if (!setter) continue;
      reported.add(id);
      findings.push(
        warning(
          'COURSE_CARRY_MISSING',
          course.carry.variables ? '/carry/variables' : '/carry',
          `Visit ${d.index + 1} reads "${id}", which visit ${setter.index + 1} sets, but the course does not carry it: visit ${d.index + 1} always starts with its initial value.`,
          `Add "${id}" to carry.variables.`,
        ),
      );
    }
  }
  return place(courseText, findings);
}
