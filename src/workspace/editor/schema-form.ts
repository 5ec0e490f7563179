/**
 * Reading the format definition (the TypeBox schema in `src/engine/format/schema.ts`, which is
 * plain JSON Schema) as form fields. The editor's forms are generated from it node by node, so a
 * field added to the format appears in the editor with its description as help text.
 *
 * Every schema node is one of the `FieldKind`s below; `classify` returns `unknown` for anything
 * else, and a unit test walks the whole format to prove no node is unknown.
 */
import { Condition, Scenario } from '../../engine/index.ts';

export type Schema = Record<string, unknown> & { description?: string };

export type Field =
  | { kind: 'object'; properties: { key: string; schema: Schema; required: boolean }[] }
  | { kind: 'array'; item: Schema; minItems: number; maxItems: number }
  | { kind: 'choice'; values: (string | number | boolean)[] }
  | { kind: 'constant'; value: string | number | boolean }
  | { kind: 'string'; maxLength?: number; pattern?: string; multiline: boolean }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'record'; value: Schema }
  | { kind: 'variants'; variants: Schema[] }
  | { kind: 'unknown'; reason: string };

/** The scenario's root schema. */
export const ROOT = Scenario as unknown as Schema;

/**
 * Schemas that `$ref` can name: every definition with an `$id` inside the format (so a new
 * shared or recursive definition resolves without a change here), and the condition.
 */
const REGISTRY: Record<string, Schema> = (() => {
  const found: Record<string, Schema> = {
    [String((Condition as Schema).$id)]: Condition as unknown as Schema,
  };
  const seen = new Set<object>();
  const collect = (node: unknown) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const id = (node as Schema).$id;
    if (typeof id === 'string' && node !== ROOT) found[id] ??= node as Schema;
    for (const v of Object.values(node)) collect(v);
  };
  collect(ROOT);
  return found;
})();

/** Follows a `$ref` to its definition, keeping the referring node's description. */
export function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = REGISTRY[ref];
  if (!target) return schema;
  return schema.description ? { ...target, description: schema.description } : target;
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const literal = (s: Schema): s is Schema & { const: string | number | boolean } =>
  ['string', 'number', 'boolean'].includes(typeof s.const);

/** What kind of form field a schema node is. */
export function classify(input: Schema): Field {
  const schema = resolve(input);
  if (typeof schema.$ref === 'string')
    return { kind: 'unknown', reason: `unresolved reference ${schema.$ref}` };
  if (literal(schema)) return { kind: 'constant', value: schema.const };
  if (Array.isArray(schema.enum)) return { kind: 'choice', values: schema.enum as string[] };
  if (Array.isArray(schema.anyOf)) {
    const variants = schema.anyOf.filter(isSchema);
    if (variants.every(literal)) return { kind: 'choice', values: variants.map((v) => v.const) };
    return { kind: 'variants', variants };
  }
  switch (schema.type) {
    case 'object': {
      const props = isSchema(schema.properties) ? schema.properties : undefined;
      const patterns = isSchema(schema.patternProperties) ? schema.patternProperties : undefined;
      if (!props && patterns) {
        const value = Object.values(patterns)[0];
        return isSchema(value)
          ? { kind: 'record', value }
          : { kind: 'unknown', reason: 'record without a value schema' };
      }
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      return {
        kind: 'object',
        properties: Object.entries(props ?? {})
          .filter((e): e is [string, Schema] => isSchema(e[1]))
          .map(([key, s]) => ({ key, schema: s, required: required.has(key) })),
      };
    }
    case 'array':
      return isSchema(schema.items) && !Array.isArray(schema.items)
        ? {
            kind: 'array',
            item: schema.items,
            minItems: num(schema.minItems) ?? 0,
            maxItems: num(schema.maxItems) ?? Infinity,
          }
        : { kind: 'unknown', reason: 'array without an item schema' };
    case 'string': {
      const maxLength = num(schema.maxLength);
      return {
        kind: 'string',
        ...(maxLength !== undefined ? { maxLength } : {}),
        ...(typeof schema.pattern === 'string' ? { pattern: schema.pattern } : {}),
        multiline: (maxLength ?? 0) > 300,
      };
    }
    case 'number':
    case 'integer': {
      const min = num(schema.minimum) ?? num(schema.exclusiveMinimum);
      const max = num(schema.maximum) ?? num(schema.exclusiveMaximum);
      return {
        kind: 'number',
        integer: schema.type === 'integer',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    }
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: 'unknown', reason: `type ${String(schema.type)}` };
  }
}

/** The schema of the value at `path` under `schema` (following arrays, records and variants). */
export function schemaAt(
  schema: Schema,
  path: (string | number)[],
  value: unknown,
): Schema | undefined {
  let s: Schema | undefined = schema;
  let v = value;
  for (const key of path) {
    if (!s) return undefined;
    const f = classify(s);
    if (f.kind === 'variants') {
      s = f.variants[matchVariant(f.variants, v)];
      if (!s) return undefined;
      const g = classify(s);
      s = g.kind === 'object' ? g.properties.find((p) => p.key === key)?.schema : undefined;
    } else if (f.kind === 'object') s = f.properties.find((p) => p.key === key)?.schema;
    else if (f.kind === 'array') s = f.item;
    else if (f.kind === 'record') s = f.value;
    else return undefined;
    v =
      v !== null && typeof v === 'object'
        ? (v as Record<string | number, unknown>)[key]
        : undefined;
  }
  return s;
}

const typeOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

/** Which of a union's variants `value` is (the first that fits; 0 when none does). */
export function matchVariant(variants: Schema[], value: unknown): number {
  const fits = (s: Schema): boolean => {
    const f = classify(s);
    switch (f.kind) {
      case 'object': {
        if (typeOf(value) !== 'object') return false;
        const keys = Object.keys(value as object);
        const known = new Set(f.properties.map((p) => p.key));
        return (
          keys.every((k) => known.has(k)) &&
          f.properties.every((p) => !p.required || keys.includes(p.key))
        );
      }
      case 'number':
        return typeof value === 'number';
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'constant':
        return value === f.value;
      case 'choice':
        return f.values.includes(value as string);
      default:
        return false;
    }
  };
  const i = variants.findIndex(fits);
  return i < 0 ? 0 : i;
}

/** A short name for a variant, for the "which kind" select: its distinguishing key or type. */
export function variantLabel(schema: Schema): string {
  const f = classify(schema);
  if (f.kind === 'object') {
    const key = f.properties.find((p) => p.required)?.key ?? f.properties[0]?.key ?? 'object';
    return schema.description ? `${key}: ${schema.description}` : key;
  }
  return f.kind === 'constant' ? String(f.value) : f.kind;
}

/**
 * A new value that fits `schema`: required properties filled, the minimum number of items,
 * numbers at their minimum (or 0), text as a placeholder. Ids are `new` (the editor replaces
 * them with fresh ones).
 */
export function defaultValue(input: Schema, key?: string | number): unknown {
  const f = classify(input);
  switch (f.kind) {
    case 'object':
      return Object.fromEntries(
        f.properties.filter((p) => p.required).map((p) => [p.key, defaultValue(p.schema, p.key)]),
      );
    case 'array':
      return Array.from({ length: f.minItems }, () => defaultValue(f.item));
    case 'choice':
      return f.values[0];
    case 'constant':
      return f.value;
    case 'string':
      if (key === 'id') return 'new';
      return f.pattern ? '' : 'Write this text.';
    case 'number':
      return (
        Math.max(f.min ?? 0, Math.min(0, f.max ?? 0)) +
        (f.min !== undefined && input.exclusiveMinimum !== undefined ? 1 : 0)
      );
    case 'boolean':
      return false;
    case 'record':
      return {};
    case 'variants':
      return defaultValue(f.variants[0]!);
    case 'unknown':
      return null;
  }
}

/**
 * Calls `visit` on every node reachable from `schema`, at every place it is used; the inside of
 * each `$ref` is walked once (a recursive condition would otherwise never end).
 */
export function walkSchema(
  schema: Schema,
  visit: (node: Schema, where: string) => void,
  where = '',
  seen = new Set<string>(),
): void {
  visit(schema, where);
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) return;
    seen.add(schema.$ref);
  }
  const f = classify(schema);
  switch (f.kind) {
    case 'object':
      for (const p of f.properties) walkSchema(p.schema, visit, `${where}/${p.key}`, seen);
      break;
    case 'array':
      walkSchema(f.item, visit, `${where}/*`, seen);
      break;
    case 'record':
      walkSchema(f.value, visit, `${where}/{key}`, seen);
      break;
    case 'variants':
      f.variants.forEach((v, i) => walkSchema(v, visit, `${where}|${i}`, seen));
      break;
    default:
      break;
  }
}
