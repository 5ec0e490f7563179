/**
 * Checking a scenario text in the browser: the validator's diagnostics, the scenario when it has
 * no errors, its analysis, and — even when it has errors — the map drawn from whatever parsed.
 * The workspace loads this module with `import()`, so the validator stays out of the player.
 */
import { validate } from '../engine/index.ts';
import type { Diagnostic } from '../engine/index.ts';
import { FORMAT_VERSION, type ScenarioV1 } from '../engine/index.ts';
import { parseScenarioText } from '../engine/index.ts';
import { migrate, normalise } from '../engine/index.ts';
import { analyze, type Analysis } from '../engine/index.ts';
import { buildMap, type ScenarioMap } from './map-model.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Present only when the scenario has no errors: it can be previewed. */
  scenario?: ScenarioV1;
  analysis?: Analysis;
  /** The map of whatever parsed; absent when the text could not be read as a scenario object. */
  map?: ScenarioMap;
}

export function checkText(text: string): CheckResult {
  const { diagnostics, scenario } = validate(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  let doc: unknown = scenario;
  if (!doc) {
    // The validator refused it; draw what parsed, after the same safety checks (size, depth, keys),
    // with the values the format implies, as the validator reads it.
    const parsed = parseScenarioText(text);
    if (parsed.ok) {
      const migrated = migrate(parsed.value);
      doc = normalise(migrated.ok ? migrated.doc : parsed.value);
    }
  }
  let analysis: Analysis | undefined;
  if (scenario) {
    try {
      analysis = analyze(scenario);
    } catch {
      analysis = undefined;
    }
  }
  return {
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
    ...(scenario ? { scenario } : {}),
    ...(analysis ? { analysis } : {}),
    ...(doc ? { map: buildMap(doc, diagnostics) } : {}),
  };
}

/**
 * What the diagnostics worker sends back: the check without the scenario object when the page
 * can rebuild it from the text itself (a file in the current format is read as parsed), which
 * saves copying the whole scenario between threads on every keystroke.
 */
export type WorkerCheck = CheckResult & { scenarioFromText?: true };

export function checkForWorker(text: string): WorkerCheck {
  const result = checkText(text);
  if (result.scenario && result.scenario.formatVersion === FORMAT_VERSION) {
    const { scenario: _scenario, ...rest } = result;
    return { ...rest, scenarioFromText: true };
  }
  return result;
}

/**
 * The check as the page uses it: the scenario of a `checkForWorker` result is the parse of the
 * checked text (`parsedDoc`, when given, is that parse already made for the forms, and is not
 * changed) with the implied `kind` and `next` filled in, as the validator reads it.
 */
export function completeCheck(result: WorkerCheck, text: string, parsedDoc?: unknown): CheckResult {
  if (!result.scenarioFromText) return result;
  const { scenarioFromText: _flag, ...rest } = result;
  let doc = parsedDoc;
  if (doc === undefined) {
    const parsed = parseScenarioText(text);
    doc = parsed.ok ? parsed.value : undefined;
  }
  return doc ? { ...rest, scenario: normalise(doc) as ScenarioV1 } : rest;
}
