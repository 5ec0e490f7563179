/**
 * Writes docs/field-reference.md: every field of the scenario format, with its type, whether it is
 * required, its description and its allowed values, generated from the schema's own descriptions
 * (src/engine/format/schema.ts, through the published JSON Schema built from it).
 *
 *   tsx scripts/write-field-reference.ts           write the file
 *   tsx scripts/write-field-reference.ts --check   write nothing; exit 1 when the file is out of date
 */
import { pathToFileURL } from 'node:url';
import { publishedSchema } from '../src/engine/format/json-schema.ts';
import { writeOrCheck } from './generated-file.ts';

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  description?: string;
  type?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  format?: string;
};

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
  allowed: string;
}

const CONDITION_REF = '#/$defs/Condition';

const code = (s: string) => '`' + s + '`';
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const quote = (v: unknown) => code(JSON.stringify(v));

function isEnum(s: JsonSchema): boolean {
  return !!s.anyOf && s.anyOf.length > 0 && s.anyOf.every((v) => v.const !== undefined);
}

function isVariantUnion(s: JsonSchema): boolean {
  return (
    !!s.anyOf && s.anyOf.length > 0 && s.anyOf.every((v) => v.type === 'object' && !!v.properties)
  );
}

function isObject(s: JsonSchema): boolean {
  return s.type === 'object' && !!s.properties;
}

function typeName(s: JsonSchema): string {
  if (s.$ref === CONDITION_REF) return 'condition';
  if (s.const !== undefined) return typeof s.const;
  if (isEnum(s)) return [...new Set(s.anyOf!.map((v) => typeof v.const))].join(' or ');
  if (isVariantUnion(s)) return 'object (one of ' + s.anyOf!.length + ' forms)';
  if (s.anyOf) return [...new Set(s.anyOf.map(typeName))].join(' or ');
  if (s.type === 'array') return 'array of ' + (s.items ? plural(typeName(s.items)) : 'values');
  if (s.type === 'integer') return 'whole number';
  if (s.type === 'object' && s.patternProperties) {
    const value = Object.values(s.patternProperties)[0]!;
    return 'map: id → ' + typeName(value);
  }
  return s.type ?? 'any';
}

function plural(t: string): string {
  if (t === 'object' || t.startsWith('object ')) return 'objects';
  if (t === 'condition') return 'conditions';
  return t + 's';
}

function range(s: JsonSchema): string[] {
  const parts: string[] = [];
  const lo =
    s.minimum !== undefined
      ? String(s.minimum)
      : s.exclusiveMinimum !== undefined
        ? `more than ${s.exclusiveMinimum}`
        : undefined;
  const hi =
    s.maximum !== undefined
      ? String(s.maximum)
      : s.exclusiveMaximum !== undefined
        ? `less than ${s.exclusiveMaximum}`
        : undefined;
  if (lo !== undefined && hi !== undefined) parts.push(`${lo} to ${hi}`);
  else if (lo !== undefined) parts.push(s.minimum !== undefined ? `at least ${lo}` : lo);
  else if (hi !== undefined) parts.push(s.maximum !== undefined ? `at most ${hi}` : hi);
  return parts;
}

function allowed(s: JsonSchema): string {
  if (s.$ref === CONDITION_REF) return 'see [Conditions](#conditions)';
  if (s.const !== undefined) return 'exactly ' + quote(s.const);
  if (isEnum(s)) return s.anyOf!.map((v) => quote(v.const)).join(', ');
  if (s.anyOf && !isVariantUnion(s)) return s.anyOf.map(allowed).filter(Boolean).join('; ');
  const parts: string[] = [...range(s)];
  if (s.type === 'string') {
    if (s.minLength !== undefined && s.maxLength !== undefined)
      parts.push(`${s.minLength}–${s.maxLength} characters`);
    else if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
    else if (s.minLength !== undefined)
      parts.push(`at least ${s.minLength} character${s.minLength === 1 ? '' : 's'}`);
    if (s.pattern !== undefined) parts.push('pattern ' + code(s.pattern));
    if (s.format !== undefined) parts.push(`a ${s.format}`);
  }
  if (s.type === 'array') {
    if (s.minItems !== undefined)
      parts.push(`at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
    if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems} items`);
    if (s.uniqueItems) parts.push('no duplicates');
    if (s.items && !isObject(s.items) && !isVariantUnion(s.items) && s.items.$ref === undefined) {
      const each = allowed(s.items);
      if (each) parts.push('each: ' + each);
    }
  }
  if (s.type === 'object' && s.patternProperties) {
    const [pattern, value] = Object.entries(s.patternProperties)[0]!;
    parts.push('keys: pattern ' + code(pattern));
    const values = allowed(value);
    if (values) parts.push('values: ' + values);
  }
  return parts.join('; ');
}

function description(s: JsonSchema): string {
  const own = s.description ?? '';
  if (
    s.type === 'array' &&
    s.items &&
    (isObject(s.items) || isVariantUnion(s.items)) &&
    s.items.description
  ) {
    return own ? `${own} Each item: ${s.items.description}` : s.items.description;
  }
  return own;
}

/** "A time trigger." → "a time trigger". */
function formName(s: JsonSchema): string {
  const d = (s.description ?? 'one form').replace(/\.$/, '');
  return d.charAt(0).toLowerCase() + d.slice(1);
}

/** Walks one schema node, adding its row and the rows of its fields. */
class Walker {
  rows: Row[] = [];
  /** Field groups already listed, shared by all walkers of one document: fields → first path. */
  constructor(private seen = new Map<string, string>()) {}

  walk(s: JsonSchema, path: string, required: boolean, context = ''): void {
    const desc = description(s);
    this.rows.push({
      path,
      type: typeName(s) + context,
      required,
      description: desc,
      allowed: allowed(s),
    });
    this.children(s, path);
  }

  private children(s: JsonSchema, path: string): void {
    if (s.$ref !== undefined) return;
    if (isObject(s)) return this.fields(s, path);
    if (isVariantUnion(s)) {
      for (const variant of s.anyOf!) this.fields(variant, path, `, in ${formName(variant)}`);
      return;
    }
    if (s.type === 'array' && s.items) {
      if (isObject(s.items) || isVariantUnion(s.items)) this.children(s.items, path + '[]');
      return;
    }
    if (s.type === 'object' && s.patternProperties) {
      const value = Object.values(s.patternProperties)[0]!;
      if (isObject(value)) this.fields(value, path + '.<id>');
    }
  }

  private fields(s: JsonSchema, path: string, context = ''): void {
    // A group of fields met before (e.g. the vital-sign limits) is listed once, then referred to.
    const key = JSON.stringify(s.properties);
    const first = this.seen.get(key);
    if (first !== undefined && Object.keys(s.properties!).length > 2) {
      this.rows.push({
        path: path + '.*',
        type: '',
        required: false,
        description: `The same fields as ${code(first)}.`,
        allowed: '',
      });
      return;
    }
    if (first === undefined) this.seen.set(key, path);
    const required = new Set(s.required ?? []);
    for (const [name, child] of Object.entries(s.properties!)) {
      this.walk(child, path ? `${path}.${name}` : name, required.has(name), context);
    }
  }
}

function table(rows: Row[]): string {
  const lines = [
    '| Field | Type | Required | Description | Allowed values |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${code(r.path)} | ${cell(r.type)} | ${r.type ? (r.required ? 'yes' : 'no') : ''} | ${cell(r.description)} | ${cell(r.allowed)} |`,
    );
  }
  return lines.join('\n');
}

/** The field reference as Markdown, for the given published schema. */
export function renderFieldReference(schema: JsonSchema = publishedSchema() as JsonSchema): string {
  const out: string[] = [
    '# Scenario field reference',
    '',
    '<!-- Generated by scripts/write-field-reference.ts from the scenario schema. Do not edit by hand: run `npm run docs:fields`. -->',
    '',
    "Every field of a scenario file (format version 1), generated from the descriptions in the format's",
    'schema. Paths use `.` for fields, `[]` for the items of a list and `<id>` for the keys of a map.',
    '"Required" is about the field inside its parent: an optional object can still have required fields.',
    'How the engine plays these fields is in [the session rules](session-rules.md); how to write a',
    'scenario step by step is in [the authoring guide](authoring.md).',
    '',
  ];
  const root = schema;
  const required = new Set(root.required ?? []);
  const entries = Object.entries(root.properties ?? {});
  const simple = entries.filter(
    ([, s]) => !isObject(s) && !(s.type === 'array' && s.items && isObject(s.items)),
  );
  const groups = entries.filter((e) => !simple.includes(e));

  const seen = new Map<string, string>();
  out.push('## Top level', '');
  const top = new Walker(seen);
  for (const [name, s] of simple) top.walk(s, name, required.has(name));
  out.push(table(top.rows), '');

  for (const [name, s] of groups) {
    out.push(`## ${code(name)}`, '');
    const w = new Walker(seen);
    w.walk(s, name, required.has(name));
    out.push(table(w.rows), '');
  }

  const condition = schema.$defs?.Condition;
  if (condition?.anyOf) {
    out.push(
      '## Conditions',
      '',
      (condition.description ?? '') +
        ' A condition is an object in one of the forms below; `when` fields (options, events) hold one.',
      '',
    );
    for (const form of condition.anyOf) {
      out.push(`### ${form.description ?? 'Form'}`, '');
      const w = new Walker(seen);
      const req = new Set(form.required ?? []);
      for (const [name, s] of Object.entries(form.properties ?? {})) w.walk(s, name, req.has(name));
      out.push(table(w.rows), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeOrCheck('docs/field-reference.md', renderFieldReference(), 'npm run docs:fields');
}
