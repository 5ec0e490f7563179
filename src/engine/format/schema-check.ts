/**
 * Schema errors from TypeBox turned into diagnostics with plain messages and "did you mean"
 * hints. Uses TypeBox's interpreter (no generated code, so it runs under a strict CSP).
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { Condition, Scenario, Step } from './schema.ts';
import { error, splitPointer, warning, type Finding } from './diagnostics.ts';
import { closest, didYouMean } from './suggest.ts';

if (!FormatRegistry.Has('uri')) {
  FormatRegistry.Set('uri', (v) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(v));
}

const REFERENCES = [Condition];
/** Stop collecting schema errors after this many (a wholly wrong file would list thousands). */
export const MAX_SCHEMA_FINDINGS = 500;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const lastSegment = (path: string) => splitPointer(path).at(-1) ?? 'the document';
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
const label = (path: string) => (path === '' ? 'The scenario' : `"${lastSegment(path)}"`);

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function deref(schema: TSchema): TSchema {
  const ref = (schema as { $ref?: string }).$ref;
  if (ref !== undefined) return REFERENCES.find((r) => r.$id === ref) ?? schema;
  return schema;
}

function literalValues(schema: TSchema): unknown[] | undefined {
  const variants = (schema.anyOf as TSchema[] | undefined)?.map(deref);
  if (!variants || !variants.every((v) => 'const' in v)) return undefined;
  return variants.map((v) => v.const);
}

/** A schema error at its JSON pointer, before it is worded as a finding. */
export interface SchemaError {
  path: string;
  error: ValueError;
}

/** All schema findings for a parsed document. */
export function schemaFindings(doc: unknown): Finding[] {
  return schemaErrorFindings(schemaErrors(doc));
}

/**
 * The schema errors of a parsed document (at most MAX_SCHEMA_FINDINGS), or of one step of it
 * when `at` gives the step's pointer (e.g. "/phases/2/steps/7"): a step's errors are the ones the
 * whole document's check finds under that pointer, as long as neither reaches the limit.
 */
export function schemaErrors(value: unknown, at?: string): SchemaError[] {
  const schema = at === undefined ? Scenario : Step;
  // Checking is about twice as fast as listing errors; list them only when there are some.
  if (Value.Check(schema, REFERENCES, value)) return [];
  const raw: SchemaError[] = [];
  collect(schema, value, at ?? '', raw);
  return raw;
}

/**
 * The findings for a document's schema errors (in any order: each is worded with the others
 * about the same object), with a warning when they reached the limit.
 */
export function schemaErrorFindings(raw: SchemaError[]): Finding[] {
  if (raw.length === 0) return [];
  const findings = toFindings(raw);
  if (raw.length >= MAX_SCHEMA_FINDINGS) {
    findings.push(
      warning(
        'TOO_MANY_ERRORS',
        '',
        `Only the first ${MAX_SCHEMA_FINDINGS} schema errors are listed.`,
        'Fix these and validate again; is this file really a scenario?',
      ),
    );
  }
  return findings;
}

function collect(
  schema: TSchema,
  value: unknown,
  prefix: string,
  out: { path: string; error: ValueError }[],
): void {
  for (const e of Value.Errors(schema, REFERENCES, value)) {
    if (out.length >= MAX_SCHEMA_FINDINGS) return;
    const path = prefix + e.path;
    // A missing property is reported once, as missing, not again for its type.
    if (e.value === undefined && e.type !== ValueErrorType.ObjectRequiredProperty) continue;
    if (e.type === ValueErrorType.Union && isObject(e.value)) {
      const variants = (deref(e.schema).anyOf as TSchema[] | undefined)?.map(deref) ?? [];
      const objectVariants = variants.filter((v) => v.type === 'object');
      if (objectVariants.length > 0) {
        collect(pickVariant(objectVariants, e.value), e.value, path, out);
        continue;
      }
    }
    out.push({ path, error: e });
  }
}

/** The object variant of a union that the author most likely meant. */
function pickVariant(variants: TSchema[], value: Json): TSchema {
  const keys = Object.keys(value);
  let best = variants[0]!;
  let bestScore = -Infinity;
  for (const v of variants) {
    const props = (v.properties ?? {}) as Record<string, unknown>;
    const required = (v.required ?? []) as string[];
    // The variant's distinguishing (first required) key weighs most.
    let score = 0;
    for (const k of keys) {
      if (k in props) score += required.includes(k) ? 10 : 1;
      else if (
        closest(
          k,
          required.filter((r) => !(r in value)),
        ) !== undefined
      )
        score += 5;
    }
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

/** The object schemas a property's value may take (through references and unions). */
function objectSchemas(schema: TSchema): TSchema[] {
  const s = deref(schema);
  if (s.type === 'object' && s.properties !== undefined) return [s];
  return ((s.anyOf as TSchema[] | undefined) ?? []).flatMap(objectSchemas);
}

/**
 * Where an unknown key belongs one level down, e.g. "trigger.atMinute" for an "atMinute"
 * written directly on an event. Undefined when no property's object holds such a key.
 */
function nestedHome(parent: TSchema, key: string): string | undefined {
  const props = (parent.properties ?? {}) as Record<string, TSchema>;
  for (const [name, child] of Object.entries(props)) {
    if (objectSchemas(child).some((o) => Object.hasOwn(o.properties as object, key)))
      return `${name}.${key}`;
  }
  return undefined;
}

function toFindings(raw: { path: string; error: ValueError }[]): Finding[] {
  // Missing properties per parent object, so a misspelt key can explain a missing one.
  const missing = new Map<string, Set<string>>();
  for (const { path, error: e } of raw) {
    if (e.type === ValueErrorType.ObjectRequiredProperty) {
      const parent = parentOf(path);
      if (!missing.has(parent)) missing.set(parent, new Set());
      missing.get(parent)!.add(lastSegment(path));
    }
  }
  const explained = new Set<string>();
  const findings: Finding[] = [];
  for (const { path, error: e } of raw) {
    if (e.type === ValueErrorType.ObjectAdditionalProperties) {
      const key = lastSegment(path);
      if (e.schema.patternProperties !== undefined) {
        findings.push(
          error(
            'SCHEMA_PATTERN',
            path,
            `"${key}" is not a valid id here.`,
            "Ids start with a letter, then letters, digits, '-' or '_'.",
          ),
        );
        continue;
      }
      const parent = parentOf(path);
      const absent = missing.get(parent);
      let hint: string | undefined;
      const nearMissing = absent ? closest(key, absent) : undefined;
      if (nearMissing !== undefined) {
        explained.add(`${parent}/${nearMissing}`);
        hint = `Did you mean "${nearMissing}"?`;
      } else {
        const allowed = Object.keys((e.schema.properties ?? {}) as object);
        const nested = nestedHome(e.schema, key);
        const guess = nested !== undefined ? `Did you mean "${nested}"?` : didYouMean(key, allowed);
        const list = allowed.length > 0 ? `Allowed here: ${allowed.join(', ')}.` : undefined;
        hint = [guess, list].filter((x) => x !== undefined).join(' ') || undefined;
      }
      findings.push(error('SCHEMA_UNKNOWN_PROPERTY', path, `Unknown property "${key}".`, hint));
    }
  }
  for (const { path, error: e } of raw) {
    if (e.type === ValueErrorType.ObjectAdditionalProperties) continue;
    if (e.type === ValueErrorType.ObjectRequiredProperty) {
      if (explained.has(path)) continue;
      const description = e.schema.description as string | undefined;
      findings.push(
        error(
          'SCHEMA_REQUIRED',
          path,
          `Missing required property "${lastSegment(path)}".`,
          description ? `${lastSegment(path)}: ${description}` : undefined,
        ),
      );
      continue;
    }
    findings.push(convert(path, e));
  }
  return findings;
}

/** Type errors: what the value must be. */
const EXPECTED_TYPE: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'a string',
  [ValueErrorType.Number]: 'a number',
  [ValueErrorType.Integer]: 'a whole number',
  [ValueErrorType.Boolean]: 'true or false',
  [ValueErrorType.Object]: 'an object',
  [ValueErrorType.Array]: 'an array',
};

/** Range errors: how the limit is worded, and the schema keyword holding it. */
const BOUND: Partial<Record<ValueErrorType, [string, string]>> = {
  [ValueErrorType.NumberMinimum]: ['at least', 'minimum'],
  [ValueErrorType.IntegerMinimum]: ['at least', 'minimum'],
  [ValueErrorType.NumberMaximum]: ['at most', 'maximum'],
  [ValueErrorType.IntegerMaximum]: ['at most', 'maximum'],
  [ValueErrorType.NumberExclusiveMinimum]: ['more than', 'exclusiveMinimum'],
  [ValueErrorType.IntegerExclusiveMinimum]: ['more than', 'exclusiveMinimum'],
  [ValueErrorType.NumberExclusiveMaximum]: ['less than', 'exclusiveMaximum'],
  [ValueErrorType.IntegerExclusiveMaximum]: ['less than', 'exclusiveMaximum'],
};

function convert(path: string, e: ValueError): Finding {
  const s = e.schema;
  const what = label(path);
  const got = describeValue(e.value);
  const expected = EXPECTED_TYPE[e.type];
  if (expected !== undefined)
    return error('SCHEMA_TYPE', path, `${what} must be ${expected}, not ${got}.`);
  const bound = BOUND[e.type];
  if (bound !== undefined) {
    const [words, keyword] = bound;
    return error(
      'SCHEMA_RANGE',
      path,
      `${what} must be ${words} ${s[keyword]}; got ${String(e.value)}.`,
    );
  }
  switch (e.type) {
    case ValueErrorType.Literal:
      return error('SCHEMA_ENUM', path, `${what} must be ${JSON.stringify(s.const)}, not ${got}.`);
    case ValueErrorType.Union: {
      const values = literalValues(s);
      if (values) {
        const hint =
          typeof e.value === 'string'
            ? (didYouMean(e.value, values.map(String)) ?? clockHint(path, e.value))
            : undefined;
        return error(
          'SCHEMA_ENUM',
          path,
          `${what} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}; got ${got}.`,
          hint,
        );
      }
      const types = ((s.anyOf as TSchema[] | undefined) ?? []).map(
        (v) => deref(v).type as string | undefined,
      );
      if (types.every((t) => t !== undefined && t !== 'object')) {
        return error(
          'SCHEMA_TYPE',
          path,
          `${what} must be a ${[...new Set(types)].join(' or ')}, not ${got}.`,
        );
      }
      return error(
        'SCHEMA_TYPE',
        path,
        `${what} must be an object, not ${got}.`,
        s.description as string | undefined,
      );
    }
    case ValueErrorType.StringMinLength:
      return error(
        'SCHEMA_LENGTH',
        path,
        s.minLength === 1
          ? `${what} must not be empty.`
          : `${what} must have at least ${s.minLength} characters.`,
      );
    case ValueErrorType.StringMaxLength:
      return error(
        'SCHEMA_LENGTH',
        path,
        `${what} must have at most ${s.maxLength} characters.`,
        'Shorten the text.',
      );
    case ValueErrorType.ArrayMinItems:
      return error(
        'SCHEMA_LENGTH',
        path,
        `${what} must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}.`,
      );
    case ValueErrorType.ArrayMaxItems:
      return error('SCHEMA_LENGTH', path, `${what} must have at most ${s.maxItems} items.`);
    case ValueErrorType.ArrayUniqueItems:
      return error('SCHEMA_UNIQUE', path, `${what} lists the same item more than once.`);
    case ValueErrorType.StringPattern:
      return error(
        'SCHEMA_PATTERN',
        path,
        `${what} is not in the expected form: ${got}.`,
        s.description as string | undefined,
      );
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringFormatUnknown:
      return error('SCHEMA_FORMAT', path, `${what} must be a ${s.format}; got ${got}.`);
    default:
      return error(
        'SCHEMA_INVALID',
        path,
        `${what}: ${e.message}.`,
        s.description as string | undefined,
      );
  }
}

/** Why `"from": "recheck"` is refused outside a step: only a step's minute counts from the rest. */
function clockHint(path: string, value: string): string | undefined {
  if (value !== 'recheck' || !path.endsWith('/from')) return undefined;
  return 'Only a step\'s "atMinute" counts from the end of the rest ("from": "recheck"); count this one from arrival ("from": "arrival") or from the dose.';
}
