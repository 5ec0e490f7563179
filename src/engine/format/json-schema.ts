/**
 * The published JSON Schema (draft 2020-12) built from the TypeBox definitions: the recursive
 * Condition moves under "$defs" and references to it point there.
 */
import { Condition, Scenario } from './schema.ts';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === '$ref' && v === Condition.$id ? `#/$defs/${Condition.$id}` : rewriteRefs(v);
  }
  return out;
}

/** The JSON Schema object of the current scenario format. */
export function publishedSchema(): Record<string, unknown> {
  // JSON round trip drops TypeBox's symbol-keyed metadata.
  const scenario = JSON.parse(JSON.stringify(Scenario)) as Record<string, unknown>;
  const { $id: _conditionId, ...condition } = JSON.parse(JSON.stringify(Condition)) as Record<
    string,
    unknown
  >;
  const { $id, ...rest } = scenario;
  return {
    $schema: DIALECT,
    $id,
    ...(rewriteRefs(rest) as Record<string, unknown>),
    $defs: { [String(Condition.$id)]: rewriteRefs(condition) },
  };
}

/** The schema file's text: pretty-printed, with a final newline. */
export function publishedSchemaText(): string {
  return JSON.stringify(publishedSchema(), null, 2) + '\n';
}
