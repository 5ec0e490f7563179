/**
 * Minimal text edits to a scenario file. Every change the editor makes is computed with
 * jsonc-parser's `modify` and applied with `applyEdits`, so formatting, key order and untouched
 * lines stay exactly as they were: a diff after an edit shows only what changed.
 */
import {
  applyEdits,
  findNodeAtLocation,
  getNodeValue,
  modify,
  parse,
  parseTree,
  visit,
  type FormattingOptions,
  type JSONPath,
  type Node,
} from 'jsonc-parser';

export type { JSONPath };

/** One change to the document, by JSON path (property names and array indexes). */
export type Change =
  | { kind: 'set'; path: JSONPath; value: unknown }
  | { kind: 'remove'; path: JSONPath }
  /** Inserts `value` into the array at `path` before `index` (the array's length appends). */
  | { kind: 'insert'; path: JSONPath; index: number; value: unknown }
  /** Moves the array item at `from` to position `to` (both indexes into the array at `path`). */
  | { kind: 'move'; path: JSONPath; from: number; to: number }
  /** Renames the property at `path` to `to` in place: its value and its position stay. */
  | { kind: 'renameKey'; path: JSONPath; to: string };

/** The indentation and line ending the file already uses (two spaces and LF when unclear). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  const indent = indented?.[1] ?? '  ';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

/** Reads the value at `path` in the tolerant parse of `text` (undefined when absent). */
export function valueAt(doc: unknown, path: JSONPath): unknown {
  let cur: unknown = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** Parses leniently (comments, trailing commas): what the forms show. */
export function parseLoose(text: string): unknown {
  return parse(text, [], { allowTrailingComma: true, disallowComments: false });
}

/**
 * Applies one change and returns the new text. Only the bytes of the changed value (and the
 * separators around it) differ. Throws when the path leads through something that is not an
 * object or array, with the path in the message.
 */
export function applyChange(text: string, change: Change): string {
  const formattingOptions = detectFormatting(text);
  // jsonc-parser re-formats the lines around an edit; the values there that the change did not
  // touch get their own text back.
  const edit = (path: JSONPath, value: unknown, isArrayInsertion = false) =>
    keepUntouchedFormatting(
      text,
      applyEdits(text, modify(text, path, value, { formattingOptions, isArrayInsertion })),
      path.slice(0, -1),
    );
  switch (change.kind) {
    case 'set': {
      // Typing replaces one literal by another: splice it in place without re-formatting.
      const v = change.value;
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) {
        const range = literalRange(text, change.path);
        if (range)
          return (
            text.slice(0, range.offset) +
            JSON.stringify(v) +
            text.slice(range.offset + range.length)
          );
      }
      return edit(change.path, change.value);
    }
    case 'remove':
      return edit(change.path, undefined);
    case 'insert':
      return edit([...change.path, change.index], change.value, true);
    case 'move': {
      const { path, from, to } = change;
      if (from === to) return text;
      const list = valueAt(parseLoose(text), path);
      if (!Array.isArray(list) || from < 0 || from >= list.length || to < 0 || to >= list.length)
        throw new Error(`Cannot move item ${from} to ${to} in /${path.join('/')}.`);
      const removed = applyChange(text, { kind: 'remove', path: [...path, from] });
      const moved = applyChange(removed, { kind: 'insert', path, index: to, value: list[from] });
      // The moved item keeps its own text (a one-line object stays on one line).
      return keepUntouchedFormatting(text, moved, path);
    }
    case 'renameKey':
      return renameKey(text, change.path, change.to);
  }
}

/**
 * `text` with the name of the property at `path` replaced by `to`; nothing else changes. Throws
 * when there is no such property, or its object already has one named `to` (a JSON object
 * holds each name once), with the path in the message.
 */
function renameKey(text: string, path: JSONPath, to: string): string {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const property = root && findNodeAtLocation(root, path)?.parent;
  const name = property?.type === 'property' ? property.children?.[0] : undefined;
  if (!property || !name) throw new Error(`There is no property /${path.join('/')} to rename.`);
  if (property.parent?.children?.some((p) => p.children?.[0]?.value === to))
    throw new Error(`/${path.slice(0, -1).join('/')} already has a property "${to}".`);
  return text.slice(0, name.offset) + JSON.stringify(to) + text.slice(name.offset + name.length);
}

const valueKey = (node: Node) => JSON.stringify(getNodeValue(node));

/**
 * `after` with the text of each value directly inside the object or array at `parent` that
 * holds the same value as one in `before` (a property of the same name, or an array item equal
 * to one not matched yet) replaced by that value's text in `before`: an edit's re-formatting of
 * the lines around it never reaches values the edit did not change. Values at the same depth
 * keep their indentation, so the file stays consistently indented. Returns `after` unchanged
 * when `parent` is not the same kind of container in both.
 */
export function keepUntouchedFormatting(before: string, after: string, parent: JSONPath): string {
  if (before === after) return after;
  const options = { allowTrailingComma: true, disallowComments: false };
  const root0 = parseTree(before, [], options);
  const root1 = parseTree(after, [], options);
  const a = root0 && findNodeAtLocation(root0, parent);
  const b = root1 && findNodeAtLocation(root1, parent);
  if (!a || !b || a.type !== b.type || (a.type !== 'object' && a.type !== 'array')) return after;
  const valueOf = (child: Node) => (a.type === 'object' ? child.children?.[1] : child);
  /** A child's matching key: its property name (in an object) and its value's text. */
  const keyOf = (child: Node, v: Node) =>
    a.type === 'object' ? `${String(child.children?.[0]?.value)}\u0000${valueKey(v)}` : valueKey(v);
  const replacements: { offset: number; length: number; text: string }[] = [];
  const unmatched = new Map<string, Node[]>();
  for (const child of a.children ?? []) {
    const v = valueOf(child);
    if (!v) continue;
    const key = keyOf(child, v);
    unmatched.set(key, [...(unmatched.get(key) ?? []), v]);
  }
  for (const child of b.children ?? []) {
    const v = valueOf(child);
    if (!v) continue;
    const key = keyOf(child, v);
    const original = unmatched.get(key)?.shift();
    if (!original) continue;
    const was = before.slice(original.offset, original.offset + original.length);
    if (after.slice(v.offset, v.offset + v.length) !== was)
      replacements.push({ offset: v.offset, length: v.length, text: was });
  }
  let out = after;
  for (const r of replacements.sort((x, y) => y.offset - x.offset))
    out = out.slice(0, r.offset) + r.text + out.slice(r.offset + r.length);
  return out;
}

const samePath = (a: JSONPath, b: JSONPath) =>
  a.length === b.length && a.every((k, i) => k === b[i]);
const isPrefix = (a: JSONPath, b: JSONPath) =>
  a.length <= b.length && a.every((k, i) => k === b[i]);

/**
 * Where the literal (string, number, boolean or null) at `path` is in `text`, or null when the
 * path holds an object or array, or nothing. Scans only as far as the literal, skipping the
 * contents of objects and arrays off the path.
 */
export function literalRange(
  text: string,
  path: JSONPath,
): { offset: number; length: number } | null {
  let found: { offset: number; length: number } | null = null;
  const stop = {};
  try {
    visit(
      text,
      {
        onObjectBegin: (_o, _l, _sl, _sc, at) => isPrefix(at(), path),
        onArrayBegin: (_o, _l, _sl, _sc, at) => isPrefix(at(), path),
        // jsonc-parser resumes the skipped callbacks only when end visitors are given.
        onObjectEnd: () => {},
        onArrayEnd: () => {},
        onLiteralValue: (_v, offset, length, _sl, _sc, at) => {
          if (samePath(at(), path)) {
            found = { offset, length };
            throw stop;
          }
        },
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found;
}

/** Applies changes in order. */
export function applyChanges(text: string, changes: readonly Change[]): string {
  return changes.reduce(applyChange, text);
}

/** The one replacement that turns `before` into `after` (common prefix and suffix kept). */
export interface Splice {
  offset: number;
  removed: string;
  inserted: string;
}

export function spliceBetween(before: string, after: string): Splice {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return {
    offset: start,
    removed: before.slice(start, before.length - end),
    inserted: after.slice(start, after.length - end),
  };
}

export function applySplice(text: string, s: Splice): string {
  return text.slice(0, s.offset) + s.inserted + text.slice(s.offset + s.removed.length);
}

export function invertSplice(s: Splice): Splice {
  return { offset: s.offset, removed: s.inserted, inserted: s.removed };
}
