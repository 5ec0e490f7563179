/**
 * How long a scenario file is per step, before and after the values the format implies (an
 * option's `kind` that its `action` implies, a step option's `next` naming the step written after
 * its own: normalise.ts) are left out. "Written out" counts one line for each implied value the
 * file leaves out (the usual layout, one property a line); "left out" is the file after `tidy`
 * (tidy.ts), so the figures before and after tidying a file stay comparable.
 */
import { hasTarget, impliedNext } from '../format/normalise.ts';
import { tidy } from '../format/tidy.ts';
import { parseLoose } from '../format/text-edit.ts';
import type { ScenarioV1 } from '../format/schema.ts';

export interface LineCount {
  lines: number;
  steps: number;
  /** Lines that hold only an implied `kind` or `next` (what `tidy` removes). */
  removable: number;
  /** Implied `kind` and `next` values the file already leaves out. */
  leftOut: number;
  linesPerStep: number;
  /** Lines per step once the removable lines are gone. */
  linesPerStepImplied: number;
  /** Lines per step with every implied value written out, one line each. */
  linesPerStepWrittenOut: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const countOf = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Implied `kind` and `next` values that `doc` (the file as written) leaves out. */
function leftOutIn(doc: unknown): number {
  if (!isObject(doc)) return 0;
  let n = 0;
  const kind = (o: unknown) => (isObject(o) && !Object.hasOwn(o, 'kind') ? 1 : 0);
  for (const phase of list(isObject(doc) ? doc.phases : undefined)) {
    const steps = list(isObject(phase) ? phase.steps : undefined);
    steps.forEach((step, s) => {
      for (const o of list(isObject(step) ? step.options : undefined)) {
        n += kind(o);
        if (isObject(o) && !hasTarget(o) && impliedNext(steps, s) !== undefined) n++;
      }
    });
  }
  for (const event of list(doc.events))
    if (isObject(event) && isObject(event.respond))
      for (const o of list(event.respond.options)) n += kind(o);
  return n;
}

/** Counts lines in `text`, the file `scenario` was validated from. */
export function countLines(text: string, scenario: ScenarioV1): LineCount {
  const lines = countOf(text);
  const steps = scenario.phases.reduce((n, p) => n + p.steps.length, 0);
  const removable = lines - countOf(tidy(text).text);
  const leftOut = leftOutIn(parseLoose(text));
  const perStep = (n: number) => (steps === 0 ? 0 : round1(n / steps));
  return {
    lines,
    steps,
    removable,
    leftOut,
    linesPerStep: perStep(lines),
    linesPerStepImplied: perStep(lines - removable),
    linesPerStepWrittenOut: perStep(lines + leftOut),
  };
}
