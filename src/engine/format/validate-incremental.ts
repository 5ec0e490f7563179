/**
 * Validating one text after another, as an editor does: each `check(text)` gives exactly what
 * `validate(text, options)` gives, and is quick when the text differs from the last one checked
 * inside a single step (typing in a step's field, changing an option).
 *
 * After a full validation it keeps the parsed document, its schema errors and where the
 * diagnostics' pointers are (and, once a next text comes, each step's place in the text and each
 * step's schema errors). For a new text it finds the region that changed (the common beginning
 * and end); when that lies inside one step, it
 * - reads only that step's text, by the same safety checks as the whole file (parse.ts);
 * - runs the schema check on that step only (the other steps' schema errors are unchanged);
 * - fills the implied values of that step and of the step before it (whose implied next is its
 *   id) only (normalise.ts);
 * - runs the semantic checks on the whole document, where each step's own checks are run again
 *   only for the steps that changed, moved, or whose context changed (semantic.ts: StepChecks),
 *   and the whole-scenario checks (ids, reachability, timings) always;
 * - places the diagnostics, finding in the text only the pointers it has not placed before (the
 *   others move by the length of the edit).
 * Anything else (an edit outside the steps or across two, a step that no longer reads as an
 * object, an older format, the schema error limit reached) runs the full validation, which
 * reports it. The stages are validate.ts's own, so there is one validator.
 */
import { MAX_BYTES } from './limits.ts';
import { parseObjectFragment, pointerOffsets, stepRanges } from './parse.ts';
import { normaliseStep } from './normalise.ts';
import { MAX_SCHEMA_FINDINGS, schemaErrorFindings, schemaErrors } from './schema-check.ts';
import type { SchemaError } from './schema-check.ts';
import type { StepChecks } from './semantic.ts';
import { conclude, readScenario, type ValidateOptions, type ValidationResult } from './validate.ts';

type Json = Record<string, unknown>;

/** A check's result: `validate`'s, with the document the checks read. */
export interface IncrementalResult extends ValidationResult {
  /**
   * The document as the checks read it (migrated, implied values filled in), whenever the text
   * parsed. Shares unchanged parts with earlier results: do not modify it.
   */
  document?: Json;
  /** Whether only the changed step was read again (for benchmarks and tests). */
  incremental: boolean;
}

/** What the last check read, when it can be built on. */
interface State {
  text: string;
  result: IncrementalResult;
  /** The document as JSON.parse gives it, and with the implied values filled in. */
  parsed: Json;
  doc: Json;
  /** The schema errors, and how many there are. */
  schema: SchemaError[];
  schemaCount: number;
  /** Where the steps are, made when the next text comes (null: the text has no steps array). */
  layout?: Layout | null;
  /** The text offset of each diagnostic's pointer. */
  offsets: Map<string, number>;
}

interface Layout {
  /** Per phase, [start, end) of each step in the text (see stepRanges). */
  ranges: ([number, number][] | undefined)[];
  /** Schema errors outside any step, and those of each step (key "p/s"). */
  rest: SchemaError[];
  stepErrors: Map<string, SchemaError[]>;
}

/** Depth of a step in a scenario: root object, "phases" array, phase object, "steps" array. */
const STEP_DEPTH = 4;
const STEP_POINTER = /^\/phases\/(\d+)\/steps\/(\d+)(?:\/|$)/;

export class IncrementalValidator {
  #last: State | undefined;
  readonly #options: ValidateOptions;
  /** Each step's semantic checks, kept for steps the next text does not change. */
  readonly #steps: StepChecks = new WeakMap();

  constructor(options: ValidateOptions = {}) {
    this.#options = options;
  }

  /** The diagnostics of `text` (and its scenario when it has no errors), as `validate` gives. */
  check(text: string): IncrementalResult {
    const last = this.#last;
    if (last !== undefined) {
      if (text === last.text) return last.result;
      const quick = this.#quick(last, text);
      if (quick !== undefined) return quick;
    }
    return this.#full(text);
  }

  #full(text: string): IncrementalResult {
    const reading = readScenario(text, this.#options, this.#steps);
    const result: IncrementalResult = {
      ...reading.result,
      ...(reading.document ? { document: reading.document } : {}),
      incremental: false,
    };
    this.#last = undefined;
    const current = reading.current;
    if (current && reading.document && current.schema.length < MAX_SCHEMA_FINDINGS) {
      this.#last = {
        text,
        result,
        parsed: current.parsed,
        doc: reading.document,
        schema: current.schema,
        schemaCount: current.schema.length,
        offsets: current.offsets,
      };
    }
    return result;
  }

  /** Where the steps of the last text are, and its schema errors by step (made once). */
  #layout(last: State): Layout | null {
    if (last.layout !== undefined) return last.layout;
    const ranges = stepRanges(last.text);
    if (ranges === undefined) return (last.layout = null);
    const rest: SchemaError[] = [];
    const stepErrors = new Map<string, SchemaError[]>();
    for (const e of last.schema) {
      const m = STEP_POINTER.exec(e.path);
      if (!m) rest.push(e);
      else {
        const key = `${m[1]}/${m[2]}`;
        const list = stepErrors.get(key);
        if (list) list.push(e);
        else stepErrors.set(key, [e]);
      }
    }
    return (last.layout = { ranges, rest, stepErrors });
  }

  #quick(last: State, text: string): IncrementalResult | undefined {
    if (text.length > MAX_BYTES || text.charCodeAt(0) === 0xfeff) return undefined;
    const old = last.text;
    const start = commonPrefix(old, text);
    const tail = commonSuffix(old, text, Math.min(old.length, text.length) - start);
    const oldEnd = old.length - tail;
    const delta = text.length - old.length;
    const layout = this.#layout(last);
    if (layout === null) return undefined;
    const found = findStep(layout.ranges, start, oldEnd);
    if (found === undefined) return undefined;
    const [p, s] = found;
    const [from, to] = layout.ranges[p]![s]!;
    const newTo = to + delta;
    const step = parseObjectFragment(text.slice(from, newTo), STEP_DEPTH);
    if (step === undefined) return undefined;

    // The parsed document with the new step, sharing everything else with the last one.
    const oldPhases = last.parsed.phases as unknown[];
    const oldPhase = oldPhases[p] as Json;
    const steps = [...(oldPhase.steps as unknown[])];
    steps[s] = step;
    const phase = { ...oldPhase, steps };
    const phases = [...oldPhases];
    phases[p] = phase;
    const parsed = { ...last.parsed, phases };

    const stepPointer = `/phases/${p}/steps/${s}`;
    const key = `${p}/${s}`;
    const errors = schemaErrors(step, stepPointer);
    const schemaCount =
      last.schemaCount - (layout.stepErrors.get(key)?.length ?? 0) + errors.length;
    if (schemaCount >= MAX_SCHEMA_FINDINGS) return undefined;
    const stepErrors = new Map(layout.stepErrors);
    if (errors.length > 0) stepErrors.set(key, errors);
    else stepErrors.delete(key);
    const allErrors = [...layout.rest, ...[...stepErrors.values()].flat()];

    // The implied values: only this step's can change, and the step's before it (whose implied
    // next is this step's id).
    const docPhases = [...(last.doc.phases as unknown[])];
    const docSteps = [...((docPhases[p] as Json).steps as unknown[])];
    docSteps[s] = normaliseStep(steps, s);
    if (s > 0) docSteps[s - 1] = normaliseStep(steps, s - 1);
    docPhases[p] = { ...phase, steps: docSteps };
    const doc = { ...last.doc, phases: docPhases };

    const locate = (paths: string[]): Map<string, number> => {
      const out = new Map<string, number>();
      const inStep: string[] = [];
      const unknown: string[] = [];
      for (const path of paths) {
        if (path === stepPointer || path.startsWith(stepPointer + '/')) {
          inStep.push(path);
          continue;
        }
        const at = last.offsets.get(path);
        if (at === undefined || (at >= start && at < oldEnd)) unknown.push(path);
        else out.set(path, at >= oldEnd ? at + delta : at);
      }
      if (inStep.length > 0)
        for (const [k, v] of pointerOffsets(text, inStep, from, stepPointer)) out.set(k, v);
      if (unknown.length > 0) for (const [k, v] of pointerOffsets(text, unknown)) out.set(k, v);
      return out;
    };
    const { result: validation, offsets } = conclude(
      text,
      doc,
      schemaErrorFindings(allErrors),
      this.#options,
      locate,
      this.#steps,
    );
    const result: IncrementalResult = { ...validation, document: doc, incremental: true };

    // The steps after the edited one moved by the edit's length.
    const ranges = layout.ranges;
    ranges[p]![s] = [from, newTo];
    for (let k = s + 1; k < ranges[p]!.length; k++) shift(ranges[p]![k]!, delta);
    for (let q = p + 1; q < ranges.length; q++) for (const r of ranges[q] ?? []) shift(r, delta);
    this.#last = {
      text,
      result,
      parsed,
      doc,
      schema: allErrors,
      schemaCount,
      layout: { ranges, rest: layout.rest, stepErrors },
      offsets,
    };
    return result;
  }
}

function shift(range: [number, number], delta: number): void {
  range[0] += delta;
  range[1] += delta;
}

const CHUNK = 4096;

/** Length of the longest common beginning of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Whole chunks first (string comparison is native), then character by character.
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common end of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  while (
    k + CHUNK <= limit &&
    a.slice(a.length - k - CHUNK, a.length - k) === b.slice(b.length - k - CHUNK, b.length - k)
  )
    k += CHUNK;
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** The [phase, step] indexes of the step whose range holds [start, end], if any. */
function findStep(
  ranges: ([number, number][] | undefined)[],
  start: number,
  end: number,
): [number, number] | undefined {
  for (let p = 0; p < ranges.length; p++) {
    const steps = ranges[p];
    if (!steps || steps.length === 0) continue;
    if (start < steps[0]![0] || start > steps[steps.length - 1]![1]) continue;
    let lo = 0;
    let hi = steps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (steps[mid]![0] <= start) lo = mid;
      else hi = mid - 1;
    }
    const [from, to] = steps[lo]!;
    return from <= start && end <= to ? [p, lo] : undefined;
  }
  return undefined;
}
