import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { IncrementalValidator } from '../../../src/engine/format/validate-incremental.ts';
import { validate, type ValidateOptions } from '../../../src/engine/format/validate.ts';
import { semanticFindings, type StepChecks } from '../../../src/engine/format/semantic.ts';

const dir = new URL('../../../scenarios/', import.meta.url);
const bundled = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.includes('.course.'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

/** The step objects of a text that parses (from jsonc-parser, independent of the validator). */
function stepNodes(text: string): Node[] {
  const errors: unknown[] = [];
  const root = parseTree(text, errors as never);
  if (!root || errors.length > 0) return [];
  const phases = root.children?.find((p) => p.children?.[0]?.value === 'phases')?.children?.[1];
  const out: Node[] = [];
  for (const phase of phases?.children ?? []) {
    const steps = phase.children?.find((p) => p.children?.[0]?.value === 'steps')?.children?.[1];
    for (const step of steps?.children ?? []) out.push(step);
  }
  return out;
}

/** The string values inside a node. */
function strings(node: Node, out: Node[] = []): Node[] {
  if (node.type === 'string' && node.parent?.type !== 'property') out.push(node);
  else if (node.type === 'string' && node.parent?.children?.[1] === node) out.push(node);
  for (const c of node.children ?? []) strings(c, out);
  return out;
}

/** Raw text, mostly breaking the syntax (the quick path must then give way to the full one). */
const SNIPPETS = ['x', ' ', '\n', '"', ',', '{', '}', '[', ']', ':', '1', '-', '\\', 'e999'];
/** Characters typed into a string (a quote or backslash breaks it). */
const TYPED = 'ab Z.,-:{}[]é"\\';
/** Values put in place of a step's value. */
const VALUES = [
  '1',
  '-5',
  '700',
  '1e999',
  'true',
  'null',
  '[]',
  '{}',
  '""',
  '"x"',
  '{"var": "nope", "eq": true}',
  '[{"id": "o1", "text": "t", "next": "nowhere"}]',
];
/** Properties added at the start of one of a step's objects. */
const PROPERTIES = [
  '"a": 1,',
  '"kind": "action",',
  '"kind": "response",',
  '"next": "nowhere",',
  '"endsPhase": true,',
  '"ending": "none",',
  '"__proto__": {},',
  '"constructor": 1,',
  '"atMinute": 500,',
  '"points": {"safety": -3, "nope": 1},',
  '"when": {"var": "nope", "eq": true},',
  '"standards": {"breaches": ["no-such-standard"]},',
  '"dose": {"kind": "infusion", "mgPerKg": 0.5, "minutes": 40},',
];

type Edit = {
  kind: 'type' | 'string' | 'value' | 'property' | 'remove' | 'raw' | 'anywhere' | 'revert';
  at: number;
  size: number;
  pick: number;
};

const edit = fc.record({
  kind: fc.constantFrom<Edit['kind']>(
    'type',
    'type',
    'type',
    'string',
    'string',
    'value',
    'property',
    'remove',
    'raw',
    'anywhere',
    'revert',
  ),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  size: fc.integer({ min: 0, max: 30 }),
  pick: fc.nat(),
});

/** Every node under `node` of the given type. */
function nodes(node: Node, type: Node['type'], out: Node[] = []): Node[] {
  if (node.type === type) out.push(node);
  for (const c of node.children ?? []) nodes(c, type, out);
  return out;
}

const splice = (text: string, at: number, removed: number, inserted: string) =>
  text.slice(0, at) + inserted + text.slice(at + removed);

/** Applies one edit to `text`; `history` holds the texts up to it. */
function apply(text: string, e: Edit, history: string[]): string {
  const steps = stepNodes(text);
  const step = steps.length > 0 ? steps[e.pick % steps.length]! : undefined;
  const pickIn = <T>(list: T[]) => list[(e.pick >> 3) % Math.max(1, list.length)];
  if (e.kind === 'revert') return history.at(-2) ?? text;
  if (!step || e.kind === 'anywhere') {
    const at = Math.floor(e.at * text.length);
    return e.size > 15
      ? splice(text, at, e.size - 15, '')
      : splice(text, at, 0, SNIPPETS[e.pick % SNIPPETS.length]!);
  }
  switch (e.kind) {
    case 'type': {
      const target = pickIn(strings(step));
      if (!target) return text;
      const at = target.offset + 1 + Math.floor(e.at * (target.length - 1));
      return e.size < 5
        ? splice(text, at, Math.min(e.size, target.offset + target.length - 1 - at), '')
        : splice(text, at, 0, TYPED[e.size % TYPED.length]!);
    }
    case 'string': {
      const target = pickIn(strings(step));
      if (!target) return text;
      // Another string of the document: an id of another step, a competency, an empty text…
      const pool = steps.flatMap((s) => strings(s).map((n) => n.value as string));
      const value = e.size === 0 ? '' : (pool[(e.pick * 7 + e.size) % pool.length] ?? 'x');
      return splice(text, target.offset, target.length, JSON.stringify(value));
    }
    case 'value': {
      const values = nodes(step, 'property').map((n) => n.children![1]!);
      const target = pickIn(values);
      if (!target) return text;
      return splice(text, target.offset, target.length, VALUES[e.size % VALUES.length]!);
    }
    case 'property': {
      const target = pickIn(nodes(step, 'object'));
      if (!target || !target.children?.length) return text;
      return splice(text, target.offset + 1, 0, PROPERTIES[e.size % PROPERTIES.length]!);
    }
    case 'remove': {
      // A property and the comma after it (or before it, for the last one).
      const target = pickIn(nodes(step, 'property'));
      if (!target) return text;
      const after = text.indexOf(',', target.offset + target.length);
      const close = text.slice(target.offset + target.length).search(/[}\]]/);
      const end = after >= 0 && after - target.offset - target.length < close ? after + 1 : -1;
      return end >= 0
        ? splice(text, target.offset, end - target.offset, '')
        : splice(text, target.offset, target.length, '"removed": 0');
    }
    default: {
      const at = step.offset + Math.floor(e.at * step.length);
      return e.size > 15
        ? splice(text, at, Math.min(e.size - 15, step.offset + step.length - at), '')
        : splice(text, at, 0, SNIPPETS[e.pick % SNIPPETS.length]!);
    }
  }
}

describe('incremental validation', () => {
  it('gives exactly what a full validation gives, after any sequence of edits (seeded)', () => {
    let quick = 0;
    let checks = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.boolean(),
        fc.array(edit, { minLength: 5, maxLength: 25 }),
        (which, withAudio, edits) => {
          const options: ValidateOptions = withAudio ? { knownAudioFiles: ['breath.ogg'] } : {};
          const validator = new IncrementalValidator(options);
          let text = bundled[which]!;
          const history = [text];
          for (const e of [undefined, ...edits]) {
            if (e) {
              text = apply(text, e, history);
              history.push(text);
            }
            const incremental = validator.check(text);
            const full = validate(text, options);
            expect(incremental.diagnostics).toEqual(full.diagnostics);
            expect(incremental.scenario).toEqual(full.scenario);
            checks++;
            if (incremental.incremental) quick++;
          }
        },
      ),
      { seed: 20261130, numRuns: 40 },
    );
    // The edits inside a step mostly take the quick path, so the comparison above covers it.
    expect(quick).toBeGreaterThan(checks / 5);
  }, 120_000);

  it('reads only the changed step while an author types in a step', () => {
    const text = bundled[0]!;
    const step = stepNodes(text)[3]!;
    const field = strings(step)[1]!;
    const validator = new IncrementalValidator();
    validator.check(text);
    let typed = '';
    for (const c of 'Breathe slowly with me.') {
      typed += c;
      const value = JSON.stringify((field.value as string) + ' ' + typed);
      const next = text.slice(0, field.offset) + value + text.slice(field.offset + field.length);
      const result = validator.check(next);
      expect(result.incremental).toBe(true);
      expect(result.diagnostics).toEqual(validate(next).diagnostics);
    }
  });

  it('keeps the document of a text with errors, for the map', () => {
    const doc = JSON.parse(bundled[0]!) as { title: unknown };
    doc.title = 7;
    const result = new IncrementalValidator().check(JSON.stringify(doc));
    expect(result.scenario).toBeUndefined();
    expect(result.document).toMatchObject({ title: 7 });
  });
});

describe('semantic checks kept per step', () => {
  it('are checked again when what a step refers to changes, though the step object is the same', () => {
    const doc = JSON.parse(bundled[0]!) as Record<string, unknown[]>;
    const cache: StepChecks = new WeakMap();
    expect(semanticFindings(doc, {}, cache)).toEqual(semanticFindings(doc));
    // The same step objects, without the first competency, reference and ending.
    const changed = {
      ...doc,
      competencies: doc.competencies!.slice(1),
      references: doc.references!.slice(1),
      endings: doc.endings!.slice(1),
    };
    const fresh = semanticFindings(changed);
    expect(fresh.length).toBeGreaterThan(0);
    expect(semanticFindings(changed, {}, cache)).toEqual(fresh);
  });
});
