/**
 * Reading scenario text safely: size, encoding, nesting depth, JSON syntax and forbidden keys
 * are checked before anything else looks at the content. Also maps JSON pointers to lines and
 * columns for diagnostics.
 */
import { parse as parseLoose, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { error, escapeSegment, pointer, splitPointer, type Finding } from './diagnostics.ts';

import { MAX_BYTES, MAX_DEPTH } from './limits.ts';

export { MAX_BYTES, MAX_DEPTH };
/** Keys refused anywhere in a scenario: they could pollute object prototypes in other tools. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** A finding with the text offset it was found at (syntax-level findings know their offset). */
export type PlacedFinding = Finding & { offset: number };

export type ParseResult =
  | { ok: true; value: Record<string, unknown>; text: string }
  | { ok: false; findings: PlacedFinding[]; text: string };

const fail = (text: string, ...findings: PlacedFinding[]): ParseResult => ({
  ok: false,
  findings,
  text,
});

/**
 * Turns raw bytes into text, refusing what is not UTF-8 JSON: UTF-16 (with or without a byte
 * order mark), binary files with NUL bytes, and invalid UTF-8. A UTF-8 byte order mark is dropped.
 */
export function decodeBytes(bytes: Uint8Array): { text: string } | { finding: PlacedFinding } {
  if (bytes.length > MAX_BYTES) return { finding: fileTooLarge(bytes.length) };
  const bom16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) return { finding: encoding(0, 'The file is UTF-16 encoded.') };
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      finding: encoding(
        nul,
        'The file contains NUL bytes (UTF-16 without a byte order mark, or a binary file).',
      ),
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { finding: encoding(0, 'The file is not valid UTF-8.') };
  }
}

/** The finding for a scenario of `size` bytes, over MAX_BYTES. */
export function fileTooLarge(size: number): PlacedFinding {
  return {
    ...error(
      'FILE_TOO_LARGE',
      '',
      `The scenario is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BYTES / 1024 / 1024} MB.`,
      'Split the scenario, or shorten long texts.',
    ),
    offset: 0,
  };
}

function encoding(offset: number, message: string): PlacedFinding {
  return { ...error('ENCODING', '', message, 'Save the file as UTF-8 text.'), offset };
}

/**
 * Parses scenario text into a plain object, or returns the reason it cannot be read.
 * Never throws, and never builds objects with prototype-polluting keys.
 */
export function parseScenarioText(input: string): ParseResult {
  if (input.length > MAX_BYTES) return fail(input, fileTooLarge(input.length));
  // A UTF-8 byte order mark is harmless; replace it by a space so offsets stay the same.
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  if (text.trim() === '') {
    return fail(text, {
      ...error('EMPTY_FILE', '', 'The file is empty.', 'Start from the example in the README.'),
      offset: 0,
    });
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return fail(
      text,
      encoding(
        nul,
        'The text contains NUL characters (UTF-16 without a byte order mark, or a binary file).',
      ),
    );
  }
  const { deep, keys } = scanStructure(text);
  if (deep >= 0) {
    return fail(text, {
      ...error(
        'TOO_DEEP',
        '',
        `Objects and arrays are nested more than ${MAX_DEPTH} levels deep.`,
        'A scenario never needs this much nesting; check for a generated or corrupted file.',
      ),
      offset: deep,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(text, ...syntaxFindings(text, e));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return fail(text, {
      ...error(
        'NOT_AN_OBJECT',
        '',
        `The file holds ${kind}; a scenario is a JSON object.`,
        'Wrap the scenario in { … }.',
      ),
      offset: Math.max(0, text.length - text.trimStart().length),
    });
  }
  const shape = walkValue(value);
  // JSON.parse keeps the last of duplicate keys: fewer keys in the value than in the text means
  // some were dropped. Only then (or for a number too large to be finite) is the text walked
  // again, with locations.
  if (shape.keys !== keys || shape.nonFinite) {
    const found = findDuplicatesAndNonFinite(text);
    if (found.length > 0) return fail(text, ...found);
  }
  const forbidden = shape.forbidden ? findForbiddenKeys(value) : [];
  if (forbidden.length > 0) {
    return fail(
      text,
      ...forbidden.map((path) => ({
        ...error(
          'FORBIDDEN_KEY',
          path,
          `The key "${splitPointer(path).at(-1)}" is not allowed in a scenario.`,
          'Rename or remove it: keys such as __proto__, constructor and prototype are refused for safety.',
        ),
        offset: -1,
      })),
    );
  }
  return { ok: true, value: value as Record<string, unknown>, text };
}

/**
 * Reads one JSON object that sits `outer` containers deep inside a scenario text, by the same
 * safety checks as `parseScenarioText` (nesting depth, forbidden keys, duplicate keys, numbers
 * that are not finite). Returns the object, or undefined for anything those checks or JSON
 * syntax would refuse, or a value that is not an object: the caller then reads the whole text,
 * which locates the problem.
 */
export function parseObjectFragment(
  text: string,
  outer: number,
): Record<string, unknown> | undefined {
  if (text.indexOf('\u0000') >= 0) return undefined;
  const { deep, keys } = scanStructure(text, outer);
  if (deep >= 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const shape = walkValue(value);
  if (shape.keys !== keys || shape.nonFinite || shape.forbidden) return undefined;
  return value as Record<string, unknown>;
}

/**
 * One linear scan, no recursion: the offset of the first bracket nested deeper than MAX_DEPTH
 * (or -1), and how many object keys the text holds (strings followed by a colon). `outer` is how
 * many containers hold the text (0 for a whole file).
 */
function scanStructure(text: string, outer = 0): { deep: number; keys: number } {
  let depth = outer;
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 0x3a) keys++;
      else i--; // look at this character again
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return { deep: i, keys };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { deep: -1, keys };
}

/**
 * Duplicate keys in one object (JSON.parse silently keeps the last) and numbers too large to be
 * finite (1e999 reads as Infinity), each at its place in the text.
 */
function findDuplicatesAndNonFinite(text: string): PlacedFinding[] {
  const found: PlacedFinding[] = [];
  const objects: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => {
      objects.push(new Map());
    },
    onObjectEnd: () => {
      objects.pop();
    },
    onObjectProperty: (key, offset, _length, _line, _column, pathOf) => {
      const seen = objects[objects.length - 1];
      if (seen === undefined) return;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, offset);
        return;
      }
      const path = pointer(...pathOf(), key);
      found.push({
        ...error(
          'DUPLICATE_KEY',
          path,
          `The key "${key}" appears twice in the same object; only the last one would count.`,
          'Remove one of them, or merge their values.',
        ),
        offset,
      });
    },
    onLiteralValue: (value: unknown, offset, length, _line, _column, pathOf) => {
      if (typeof value !== 'number' || Number.isFinite(value)) return;
      found.push({
        ...error(
          'NUMBER_NOT_FINITE',
          pointer(...pathOf()),
          `The number ${text.slice(offset, offset + length)} is too large to be represented.`,
          'Use an ordinary number; no scenario value needs more than a few digits.',
        ),
        offset,
      });
    },
  });
  return found;
}

function syntaxFindings(text: string, cause: unknown): PlacedFinding[] {
  const errors: ParseError[] = [];
  parseLoose(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const seen = new Set<number>();
  const distinct = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
  const findings = distinct.slice(0, 20).map((e) => ({
    ...error(
      'JSON_SYNTAX',
      '',
      syntaxMessage(printParseErrorCode(e.error)),
      syntaxHint(printParseErrorCode(e.error)),
    ),
    offset: e.offset,
  }));
  if (findings.length > 0) return findings;
  // The lenient parser accepted what JSON.parse refused (e.g. a raw control character).
  const match = /position (\d+)/.exec(cause instanceof Error ? cause.message : '');
  return [
    {
      ...error(
        'JSON_SYNTAX',
        '',
        'The text is not valid JSON.',
        'Check for raw tabs or line breaks inside strings.',
      ),
      offset: match ? Number(match[1]) : 0,
    },
  ];
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'Invalid number.',
  PropertyNameExpected: 'A property name in double quotes was expected.',
  ValueExpected: 'A value was expected.',
  ColonExpected: 'A colon was expected.',
  CommaExpected: 'A comma was expected.',
  CloseBraceExpected: 'A closing brace "}" was expected.',
  CloseBracketExpected: 'A closing bracket "]" was expected.',
  EndOfFileExpected: 'The JSON should end here.',
  InvalidCommentToken: 'Comments are not allowed in JSON.',
  UnexpectedEndOfComment: 'Comments are not allowed in JSON.',
  UnexpectedEndOfString: 'The string is not closed.',
  UnexpectedEndOfNumber: 'The number is incomplete.',
  InvalidUnicode: 'Invalid unicode escape.',
  InvalidEscapeCharacter: 'Invalid escape character in a string.',
  InvalidCharacter: 'Invalid character in a string (raw line breaks and tabs must be escaped).',
};

function syntaxMessage(code: string): string {
  return `JSON syntax error: ${SYNTAX_MESSAGES[code] ?? code}`;
}

function syntaxHint(code: string): string | undefined {
  if (code === 'CommaExpected') return 'Separate items and properties with commas.';
  if (code === 'PropertyNameExpected' || code === 'ValueExpected')
    return 'JSON allows no trailing commas, and property names need double quotes.';
  if (code === 'InvalidCommentToken') return 'Move comments into a "description"-like text field.';
  return undefined;
}

/**
 * One iterative walk of the parsed value: whether a forbidden key occurs, how many object keys
 * it holds, and whether a number is not finite. Tracks no paths.
 */
function walkValue(root: unknown): { forbidden: boolean; keys: number; nonFinite: boolean } {
  let forbidden = false;
  let keys = 0;
  let nonFinite = false;
  const stack: unknown[] = [root];
  const note = (v: unknown) => {
    if (typeof v === 'object' && v !== null) stack.push(v);
    else if (typeof v === 'number' && !Number.isFinite(v)) nonFinite = true;
  };
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const v of value) note(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        keys++;
        if (FORBIDDEN_KEYS.has(key)) forbidden = true;
        note((value as Record<string, unknown>)[key]);
      }
    }
  }
  return { forbidden, keys, nonFinite };
}

/** Pointers of every forbidden key, found by an iterative walk (no recursion). */
function findForbiddenKeys(root: unknown): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, path: [...path, i] });
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          found.push(pointer(...path, key));
          continue;
        }
        const v = (value as Record<string, unknown>)[key];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, path: [...path, key] });
      }
    }
  }
  return found.sort();
}

/** Maps offsets and JSON pointers of a syntactically valid JSON text to 1-based lines and columns. */
export class SourcePositions {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of a text offset. */
  lineColumn(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /**
   * Text offsets of many JSON pointers in one pass: for an object property, the offset of its
   * key; for an array item, of the item. A pointer that does not exist gets the offset of its
   * nearest existing ancestor. Subtrees no pointer enters are skipped without being parsed.
   */
  offsetsOf(paths: Iterable<string>): Map<string, number> {
    return pointerOffsets(this.text, paths);
  }
}

/**
 * Text offsets of JSON pointers, as `SourcePositions.offsetsOf`, inside the value that starts at
 * `start` in `text` and whose pointer is `root`; every path must be `root` or below it.
 */
export function pointerOffsets(
  text: string,
  paths: Iterable<string>,
  start = 0,
  root = '',
): Map<string, number> {
  const wanted = new Set<string>([root]);
  const requested = [...paths];
  for (const p of requested) {
    for (let i = p.indexOf('/', root.length + 1); i > 0; i = p.indexOf('/', i + 1))
      wanted.add(p.slice(0, i));
    wanted.add(p);
  }
  const found = scanPointers(text, wanted, start, root);
  const out = new Map<string, number>();
  for (const p of requested) {
    let q = p;
    while (!found.has(q) && q.length > root.length) q = q.slice(0, q.lastIndexOf('/'));
    out.set(p, found.get(q) ?? start);
  }
  return out;
}

/**
 * Where each step is in a valid scenario text: per entry of "phases" (by index), the [start, end)
 * offsets of each entry of its "steps", or undefined when that phase is not an object with a
 * "steps" array. Undefined when the text has no "phases" array. Linear in the text length.
 */
export function stepRanges(text: string): ([number, number][] | undefined)[] | undefined {
  const root = skipSpace(text, 0);
  const phases = propertyValueAt(text, root, 'phases');
  if (phases < 0 || text.charCodeAt(phases) !== 0x5b) return undefined;
  return itemRanges(text, phases).map(([at]) => {
    const steps = propertyValueAt(text, at, 'steps');
    return steps >= 0 && text.charCodeAt(steps) === 0x5b ? itemRanges(text, steps) : undefined;
  });
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset of the value of `key` in the object starting at `at` (the last such key), or -1. */
function propertyValueAt(text: string, at: number, key: string): number {
  if (text.charCodeAt(at) !== 0x7b) return -1;
  let found = -1;
  let i = skipSpace(text, at + 1);
  while (i < text.length && text.charCodeAt(i) === 0x22) {
    const end = skipString(text, i);
    const raw = text.slice(i + 1, end - 1);
    const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
    i = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    if (name === key) found = i;
    i = skipSpace(text, skipValue(text, i));
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return found;
}

/** [start, end) of each item of the array starting at `at`. */
function itemRanges(text: string, at: number): [number, number][] {
  const out: [number, number][] = [];
  let i = skipSpace(text, at + 1);
  while (i < text.length && text.charCodeAt(i) !== 0x5d) {
    const end = skipValue(text, i);
    if (end <= i) break; // not valid JSON: never loop
    out.push([i, end]);
    i = skipSpace(text, end);
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return out;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Index just past the string starting at `i` (a double quote). */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

/** Index just past the value starting at `i`, without looking inside it. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j)) && !',]}'.includes(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) j = skipString(text, j) - 1;
    else if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
  }
  return text.length;
}

/**
 * Walks valid JSON text and records where each wanted pointer is. Only containers whose pointer
 * is wanted are entered. Iterative, linear in the text length.
 */
function scanPointers(
  text: string,
  wanted: Set<string>,
  start: number,
  root: string,
): Map<string, number> {
  const found = new Map<string, number>();
  const skipWs = (i: number) => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  let i = skipWs(start);
  found.set(root, i);
  // Each frame: the container's pointer, whether it is an array, and the next item index.
  const frames: { path: string; array: boolean; index: number }[] = [];
  const open = (path: string, at: number) => {
    frames.push({ path, array: text.charCodeAt(at) === 0x5b, index: 0 });
    return at + 1;
  };
  if (text.charCodeAt(i) !== 0x7b && text.charCodeAt(i) !== 0x5b) return found;
  i = open(root, i);
  while (frames.length > 0 && i < text.length) {
    i = skipWs(i);
    const frame = frames[frames.length - 1]!;
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      frames.pop();
      i++;
      continue;
    }
    let path: string;
    let at: number;
    if (frame.array) {
      path = `${frame.path}/${frame.index++}`;
      at = i;
    } else {
      const end = skipString(text, i);
      const raw = text.slice(i + 1, end - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
      path = `${frame.path}/${escapeSegment(key)}`;
      at = i;
      i = skipWs(end);
      i = skipWs(i + 1); // the colon
    }
    if (!wanted.has(path)) {
      i = skipValue(text, i);
      continue;
    }
    found.set(path, at);
    const v = text.charCodeAt(i);
    i = v === 0x7b || v === 0x5b ? open(path, i) : skipValue(text, i);
  }
  return found;
}
