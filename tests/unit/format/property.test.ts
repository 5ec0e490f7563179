import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { minimalText } from './fixture-files.ts';

const base = JSON.parse(minimalText()) as unknown;

/** Every path to a value in the document. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const ALL_PATHS = paths(base).filter((p) => p.length > 0);

type Mutation = {
  path: (string | number)[];
  kind: 'delete' | 'replace' | 'rename';
  value: unknown;
  key: string;
};

function apply(doc: unknown, m: Mutation) {
  type Node = Record<string | number, unknown> | undefined;
  const parent = m.path.slice(0, -1).reduce<Node>((o, k) => o?.[k] as Node, doc as Node);
  const last = m.path[m.path.length - 1]!;
  if (parent === null || typeof parent !== 'object') return;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) (parent as unknown[]).splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'replace') parent[last] = m.value;
  else if (!Array.isArray(parent)) {
    parent[m.key] = parent[last];
    delete parent[last];
  }
}

const mutation = fc.record({
  path: fc.constantFrom(...ALL_PATHS),
  kind: fc.constantFrom('delete', 'replace', 'rename') as fc.Arbitrary<Mutation['kind']>,
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('prep-vitals', 'safety', 'ending-complete', -1, 1e9, '', true),
  ),
  key: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('nxt', 'next', 'endsPhase', 'ending', 'when', 'id'),
  ),
});

describe('validate never throws', { timeout: 60_000 }, () => {
  it('on random mutations of a valid scenario', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (mutations, pretty) => {
          const doc = structuredClone(base);
          for (const m of mutations) apply(doc, m);
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          const result = validate(text, { knownAudioFiles: ['patient-nervous.ogg'] });
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          // Either accepted, or explained with located diagnostics.
          expect(errors.length === 0).toBe(result.scenario !== undefined);
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on random text cut out of a valid scenario', () => {
    const text = minimalText();
    fc.assert(
      fc.property(
        fc.nat(text.length),
        fc.nat(text.length),
        fc.string({ maxLength: 5 }),
        (a, b, insert) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          const result = validate(text.slice(0, from) + insert + text.slice(to));
          expect(Array.isArray(result.diagnostics)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON objects, locating every diagnostic inside the text', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })),
        fc.boolean(),
        (doc, pretty) => {
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          const lines = text.split('\n');
          for (const d of validate(text).diagnostics) {
            expect(d.line).toBeLessThanOrEqual(lines.length);
            expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
