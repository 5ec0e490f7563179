/**
 * validate(text) → every diagnostic about a scenario file, and the scenario itself when it has
 * no errors. Pure and synchronous; never throws on any input.
 *
 * The stages (read, migrate, schema, fill the implied values, semantic checks, place in the text)
 * are also run by the incremental validator (validate-incremental.ts) through `readScenario` and
 * `conclude`, so both give the same diagnostics by the same rules.
 */
import type { ScenarioV1 } from './schema.ts';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.ts';
import { parseScenarioText, pointerOffsets, SourcePositions, type PlacedFinding } from './parse.ts';
import { migrate } from './migrate.ts';
import { normalise } from './normalise.ts';
import { schemaErrorFindings, schemaErrors, type SchemaError } from './schema-check.ts';
import { semanticFindings, type SemanticOptions, type StepChecks } from './semantic.ts';

export type ValidateOptions = SemanticOptions;

export interface ValidationResult {
  /** All diagnostics, in the order they appear in the text. */
  diagnostics: Diagnostic[];
  /** The scenario, present only when there are no errors (warnings are allowed). */
  scenario?: ScenarioV1;
}

export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  return readScenario(text, options).result;
}

type Json = Record<string, unknown>;

/** One validation with what it read on the way. */
export interface Reading {
  result: ValidationResult;
  /**
   * The document the checks read (migrated, implied values filled in), whenever the text parsed;
   * when the format is too new, the parsed document with the implied values filled in.
   */
  document?: Json;
  /**
   * Present when the text is in the current format (nothing migrated): the parsed document as
   * JSON.parse gives it, its schema errors, and where each diagnostic's pointer is in the text.
   */
  current?: { parsed: Json; schema: SchemaError[]; offsets: Map<string, number> };
}

/**
 * Validates `text`, keeping what the incremental validator builds on (`steps` keeps each step's
 * semantic checks for its next run).
 */
export function readScenario(
  text: string,
  options: ValidateOptions = {},
  steps?: StepChecks,
): Reading {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { result: { diagnostics: place(parsed.text, parsed.findings) } };
  const migrated = migrate(parsed.value);
  if (!migrated.ok)
    return {
      result: { diagnostics: place(parsed.text, migrated.findings) },
      document: normalise(parsed.value),
    };
  const schema = schemaErrors(migrated.doc);
  // Implied values (an option's kind, a step option's next) are filled before the semantic
  // checks, so they check, and the engine plays, what the author meant.
  const doc = normalise(migrated.doc);
  const { result, offsets } = conclude(
    parsed.text,
    doc,
    [...migrated.findings, ...schemaErrorFindings(schema)],
    options,
    undefined,
    steps,
  );
  const current = migrated.doc === parsed.value && migrated.findings.length === 0;
  return {
    result,
    document: doc,
    ...(current ? { current: { parsed: parsed.value, schema, offsets } } : {}),
  };
}

/**
 * The last stages, for a document that parsed: its semantic findings joined to `findings` (the
 * migration's and the schema's), placed in `text`. `locate` finds the text offsets of pointers
 * (by default by reading the text); `steps` keeps each step's semantic checks between runs.
 * Also returns the offset found for each diagnostic's pointer.
 */
export function conclude(
  text: string,
  doc: Json,
  findings: Finding[],
  options: ValidateOptions,
  locate?: (paths: string[]) => Map<string, number>,
  steps?: StepChecks,
): { result: ValidationResult; offsets: Map<string, number> } {
  const all = [...findings, ...semanticFindings(doc, options, steps)];
  const { diagnostics, offsets } = placeFindings(text, all, locate);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return {
    result: failed ? { diagnostics } : { diagnostics, scenario: doc as unknown as ScenarioV1 },
    offsets,
  };
}

/** Gives every finding its line and column, and sorts them by position. */
export function place(text: string, findings: (Finding | PlacedFinding)[]): Diagnostic[] {
  return placeFindings(text, findings).diagnostics;
}

function placeFindings(
  text: string,
  findings: (Finding | PlacedFinding)[],
  locate: (paths: string[]) => Map<string, number> = (paths) => pointerOffsets(text, paths),
): { diagnostics: Diagnostic[]; offsets: Map<string, number> } {
  if (findings.length === 0) return { diagnostics: [], offsets: new Map() };
  const positions = new SourcePositions(text);
  const unplaced = findings.filter((f) => !('offset' in f) || f.offset < 0).map((f) => f.path);
  const offsets = unplaced.length > 0 ? locate([...new Set(unplaced)]) : new Map<string, number>();
  const placed = findings.map((f) => {
    const known = 'offset' in f && f.offset >= 0 ? f.offset : undefined;
    const { line, column } = positions.lineColumn(known ?? offsets.get(f.path) ?? 0);
    const { offset: _offset, ...rest } = f as PlacedFinding;
    return { ...rest, line, column } as Diagnostic;
  });
  return { diagnostics: placed.sort(compareDiagnostics), offsets };
}
