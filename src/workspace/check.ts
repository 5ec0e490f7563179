/**
 * Checking a scenario text in the browser, in two stages so that diagnostics never wait for the
 * whole-graph work:
 * 1. `diagnose`: the validator's diagnostics and, when there are no errors, the scenario;
 * 2. `detail`: the analysis (everything `analyze` reports) and the map of whatever parsed (even
 *    a file with errors gets a map).
 * `checkText` does both at once. The workspace loads this module with `import()` (or in the
 * diagnostics worker), so the validator stays out of the player.
 */
import { IncrementalValidator, type Diagnostic } from '../engine/index.ts';
import { FORMAT_VERSION, type ScenarioV1 } from '../engine/index.ts';
import { parseScenarioText } from '../engine/index.ts';
import { SourcePositions, compareDiagnostics, idFileNameFinding } from '../engine/index.ts';
import { normalise } from '../engine/index.ts';
import { buildMap, type ScenarioMap } from './map-model.ts';
import { fullAnalysis, type FullAnalysis } from './full-analysis.ts';

/** Stage 1: what the validator says. */
export interface Diagnosed {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Present only when the scenario has no errors: it can be previewed. */
  scenario?: ScenarioV1;
}

/** Stage 2: the analysis (valid scenarios only) and the map. */
export interface Details {
  analysis?: FullAnalysis;
  /** The map of whatever parsed; absent when the text could not be read as a scenario object. */
  map?: ScenarioMap;
}

export type CheckResult = Diagnosed & Details;

/**
 * Stage 1, plus the document the map is drawn from (not sent between threads): whatever parsed,
 * after the validator's safety checks (size, depth, keys), with the values the format implies,
 * as the validator reads it (even when it has errors). `validator`, when given, is the one that
 * checked the texts before this one: it reads again only what changed.
 */
export function diagnose(
  text: string,
  validator: IncrementalValidator = new IncrementalValidator(),
): Diagnosed & { doc?: unknown } {
  const { diagnostics, scenario, document } = validator.check(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
    ...(scenario ? { scenario } : {}),
    ...(document ? { doc: document } : {}),
  };
}

/** Stage 2 for `text`, already diagnosed as `diagnosed`. */
export function detail(text: string, diagnosed: Diagnosed & { doc?: unknown }): Details {
  const doc = diagnosed.doc;
  let analysis: FullAnalysis | undefined;
  if (diagnosed.scenario) {
    try {
      analysis = fullAnalysis(diagnosed.scenario, text);
    } catch {
      analysis = undefined;
    }
  }
  return {
    ...(analysis ? { analysis } : {}),
    ...(doc ? { map: buildMap(doc, diagnosed.diagnostics) } : {}),
  };
}

/**
 * Adds what only the file's name can tell (the SCENARIO_ID_FILE_NAME warning, by the engine's
 * one rule, as the command line gives it) to a check of `text`, when the file's name is known.
 */
export function withFileName<T extends Diagnosed>(result: T, text: string, file: string): T {
  const id = result.scenario?.id;
  if (typeof id !== 'string') return result;
  const finding = idFileNameFinding(id, file);
  if (!finding) return result;
  const positions = new SourcePositions(text);
  const at = positions.lineColumn(positions.offsetsOf(['/id']).get('/id') ?? 0);
  const diagnostics = [...result.diagnostics, { ...finding, ...at }].sort(compareDiagnostics);
  return { ...result, diagnostics, warnings: result.warnings + 1 };
}

export function checkText(text: string): CheckResult {
  const diagnosed = diagnose(text);
  const { doc: _doc, ...rest } = diagnosed;
  return { ...rest, ...detail(text, diagnosed) };
}

/**
 * What the diagnostics worker sends back: the check without the scenario object when the page
 * can rebuild it from the text itself (a file in the current format is read as parsed), which
 * saves copying the whole scenario between threads on every keystroke.
 */
export type WorkerCheck = CheckResult & { scenarioFromText?: true };

/** A check as sent between threads: without the page's document, maybe without the scenario. */
export type Sent<T> = Omit<T, 'scenario' | 'doc'> & {
  scenario?: ScenarioV1;
  scenarioFromText?: true;
};

/** Leaves out the scenario when the page can rebuild it from the text (see WorkerCheck). */
export function forWorker<T extends Diagnosed & { doc?: unknown }>(result: T): Sent<T> {
  const { doc: _doc, ...plain } = result;
  if (plain.scenario && plain.scenario.formatVersion === FORMAT_VERSION) {
    const { scenario: _scenario, ...rest } = plain;
    return { ...rest, scenarioFromText: true } as Sent<T>;
  }
  return plain as Sent<T>;
}

export function checkForWorker(text: string): WorkerCheck {
  return forWorker(checkText(text));
}

/**
 * The check as the page uses it: the scenario of a `checkForWorker` result is the parse of the
 * checked text (`parsedDoc`, when given, is that parse already made for the forms, and is not
 * changed) with the implied `kind` and `next` filled in, as the validator reads it.
 */
export function completeCheck<T extends { scenarioFromText?: true }>(
  result: T,
  text: string,
  parsedDoc?: unknown,
): Omit<T, 'scenarioFromText'> & { scenario?: ScenarioV1 } {
  if (!result.scenarioFromText) return result;
  const { scenarioFromText: _flag, ...rest } = result;
  let doc = parsedDoc;
  if (doc === undefined) {
    const parsed = parseScenarioText(text);
    doc = parsed.ok ? parsed.value : undefined;
  }
  return doc ? { ...rest, scenario: normalise(doc) as ScenarioV1 } : rest;
}
