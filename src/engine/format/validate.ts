/**
 * validate(text) → every diagnostic about a scenario file, and the scenario itself when it has
 * no errors. Pure and synchronous; never throws on any input.
 */
import type { ScenarioV1 } from './schema.ts';
import { compareDiagnostics, type Diagnostic, type Finding } from './diagnostics.ts';
import { parseScenarioText, SourcePositions, type PlacedFinding } from './parse.ts';
import { migrate } from './migrate.ts';
import { normalise } from './normalise.ts';
import { schemaFindings } from './schema-check.ts';
import { semanticFindings, type SemanticOptions } from './semantic.ts';

export type ValidateOptions = SemanticOptions;

export interface ValidationResult {
  /** All diagnostics, in the order they appear in the text. */
  diagnostics: Diagnostic[];
  /** The scenario, present only when there are no errors (warnings are allowed). */
  scenario?: ScenarioV1;
}

export function validate(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { diagnostics: place(parsed.text, parsed.findings) };
  const migrated = migrate(parsed.value);
  if (!migrated.ok) return { diagnostics: place(parsed.text, migrated.findings) };
  const schema = schemaFindings(migrated.doc);
  // Implied values (an option's kind, a step option's next) are filled before the semantic
  // checks, so they check, and the engine plays, what the author meant.
  const doc = normalise(migrated.doc);
  const findings: Finding[] = [...migrated.findings, ...schema, ...semanticFindings(doc, options)];
  const diagnostics = place(parsed.text, findings);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics } : { diagnostics, scenario: doc as unknown as ScenarioV1 };
}

/** Gives every finding its line and column, and sorts them by position. */
export function place(text: string, findings: (Finding | PlacedFinding)[]): Diagnostic[] {
  if (findings.length === 0) return [];
  const positions = new SourcePositions(text);
  const unplaced = findings.filter((f) => !('offset' in f) || f.offset < 0).map((f) => f.path);
  const offsets = unplaced.length > 0 ? positions.offsetsOf(unplaced) : new Map<string, number>();
  const placed = findings.map((f) => {
    const known = 'offset' in f && f.offset >= 0 ? f.offset : undefined;
    const { line, column } = positions.lineColumn(known ?? offsets.get(f.path) ?? 0);
    const { offset: _offset, ...rest } = f as PlacedFinding;
    return { ...rest, line, column } as Diagnostic;
  });
  return placed.sort(compareDiagnostics);
}
