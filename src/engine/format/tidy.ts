/**
 * Tidying a scenario file: the values the format implies (normalise.ts), written out where they
 * could be left out, are removed from the text with the smallest edit, so every other line stays
 * exactly as it was. Removed:
 * - a step or event-response option's `kind` equal to the one its `action` implies
 *   (`impliedKind`);
 * - a step option's `next` naming the step written after its own in the phase (`impliedNext`),
 *   when the option has no `endsPhase` or `ending`.
 * The caller checks that the file is a valid scenario in the current format first; the tidied
 * text then reads as the same scenario (tests/unit/format/tidy.test.ts proves it for the
 * bundled scenarios).
 */
import { parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { impliedKind, impliedNext } from './normalise.ts';
import { SourcePositions } from './parse.ts';
import { parseLoose } from './text-edit.ts';

/** One written value the format implies. */
export interface ImpliedValue {
  /** The property's path, e.g. ['phases', 0, 'steps', 2, 'options', 1, 'next']. */
  path: JSONPath;
  key: 'kind' | 'next';
  value: string;
  /** Where the property starts in the text (1-based line and column). */
  line: number;
  column: number;
}

export interface TidyResult {
  /** The text without the implied values (the same text when there were none). */
  text: string;
  /** What was removed, in the order it appears in the text. */
  removed: ImpliedValue[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const has = (o: Json, k: string) => Object.hasOwn(o, k);

/** The paths of the written `kind` and `next` values that equal what the format implies. */
export function impliedValuePaths(doc: unknown): JSONPath[] {
  if (!isObject(doc)) return [];
  const paths: JSONPath[] = [];
  const kindOf = (o: Json, at: JSONPath) => {
    if (has(o, 'kind') && o.kind === impliedKind(o)) paths.push([...at, 'kind']);
  };
  list(doc.phases).forEach((phase, p) => {
    if (!isObject(phase)) return;
    const steps = list(phase.steps);
    steps.forEach((step, s) => {
      if (!isObject(step)) return;
      const following = impliedNext(steps, s);
      list(step.options).forEach((o, k) => {
        if (!isObject(o)) return;
        const at: JSONPath = ['phases', p, 'steps', s, 'options', k];
        kindOf(o, at);
        const otherTarget = has(o, 'endsPhase') || has(o, 'ending');
        if (!otherTarget && following !== undefined && o.next === following)
          paths.push([...at, 'next']);
      });
    });
  });
  list(doc.events).forEach((event, e) => {
    if (!isObject(event) || !isObject(event.respond)) return;
    list(event.respond.options).forEach((o, k) => {
      if (isObject(o)) kindOf(o, ['events', e, 'respond', 'options', k]);
    });
  });
  return paths;
}

/** The property node (key and value) at `path`, if the text has one. */
function propertyAt(root: Node, path: JSONPath): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else {
      if (node.type !== 'object') return undefined;
      const prop: Node | undefined = node.children?.find((c) => c.children?.[0]?.value === segment);
      if (segment === path[path.length - 1]) return prop;
      node = prop?.children?.[1];
    }
  }
  return undefined;
}

/** Whether the text between two properties is only a comma and white space (no comment). */
const plainGap = (text: string, from: number, to: number) => /^[\s,]*$/.test(text.slice(from, to));

/**
 * Removes the implied values from `text` (JSON with the scenario's usual layout; comments and
 * trailing commas are read too). Each run of removed properties in an object is cut from its
 * first property to the start of the next kept one (so a property alone on its line takes its
 * line with it), or, at the end of the object, from the end of the kept property before it (so
 * no trailing comma is left). Pure; the text is not checked as a scenario here.
 */
export function tidy(text: string): TidyResult {
  const paths = impliedValuePaths(parseLoose(text));
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (paths.length === 0 || root === undefined) return { text, removed: [] };
  const positions = new SourcePositions(text);
  const removed: ImpliedValue[] = [];
  /** Property nodes to remove (with their paths), grouped by the object that holds them. */
  const byObject = new Map<Node, Map<Node, JSONPath>>();
  for (const path of paths) {
    const prop = propertyAt(root, path);
    const value = prop?.children?.[1];
    if (!prop?.parent || value?.type !== 'string') continue;
    const gone = byObject.get(prop.parent) ?? new Map<Node, JSONPath>();
    gone.set(prop, path);
    byObject.set(prop.parent, gone);
  }
  const cuts: [number, number][] = [];
  for (const [object, gone] of byObject) {
    const props = object.children ?? [];
    for (let i = 0; i < props.length;) {
      if (!gone.has(props[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < props.length && gone.has(props[j + 1]!)) j++;
      const first = props[i]!;
      const last = props[j]!;
      const end = last.offset + last.length;
      const after = props[j + 1];
      const before = props[i - 1];
      let cut: [number, number] | undefined;
      if (after) cut = [first.offset, after.offset];
      else if (before) cut = [before.offset + before.length, end];
      else cut = [first.offset, end];
      // A comment between the properties stays, and so do they: the file is left as written.
      const gaps = props.slice(i, j + 1).every((p, k, run) => {
        const next = run[k + 1] ?? after;
        return next === undefined || plainGap(text, p.offset + p.length, next.offset);
      });
      if (
        gaps &&
        (after || !before || plainGap(text, before.offset + before.length, first.offset))
      ) {
        cuts.push(cut);
        for (const p of props.slice(i, j + 1)) {
          const path = gone.get(p)!;
          const key = path[path.length - 1] as 'kind' | 'next';
          const value = p.children![1]!.value as string;
          removed.push({ path, key, value, ...positions.lineColumn(p.offset) });
        }
      }
      i = j + 1;
    }
  }
  cuts.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [from, to] of cuts) out = out.slice(0, from) + out.slice(to);
  removed.sort((a, b) => a.line - b.line || a.column - b.column);
  return { text: out, removed };
}
