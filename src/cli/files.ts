/** Finding and reading scenario files for the CLI: simple globs (* ? **), directories, UTF-8. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  decodeBytes,
  fileTooLarge,
  MAX_BYTES,
  type Diagnostic,
  type PlacedFinding,
} from '../engine/index.ts';

const isGlob = (s: string) => /[*?]/.test(s);
const SKIP_DIRS = new Set(['node_modules', '.git']);

function segmentPattern(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Files matching a glob pattern made of path segments with *, ? and **. */
async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 0 && !isGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const out: string[] = [];
  // Work list of (directory, remaining segments); no recursion.
  const work: [string, string[]][] = [[base, parts]];
  const seen = new Set<string>();
  while (work.length > 0) {
    const [dir, rest] = work.pop()!;
    const key = `${dir}\u0000${rest.join('/')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [head, ...tail] = rest;
    if (head === undefined) continue;
    if (head === '**') {
      work.push([dir, tail]);
      for (const e of await entries(dir)) {
        if (e.isDirectory() && !SKIP_DIRS.has(e.name)) work.push([path.join(dir, e.name), rest]);
      }
      continue;
    }
    const re = segmentPattern(head);
    for (const e of await entries(dir)) {
      if (!re.test(e.name)) continue;
      const full = path.join(dir, e.name);
      if (tail.length === 0) {
        if (e.isFile()) out.push(full);
      } else if (e.isDirectory()) work.push([full, tail]);
    }
  }
  return out;
}

export interface Expansion {
  files: string[];
  /** Arguments that matched nothing. */
  unmatched: string[];
}

/**
 * Turns CLI arguments into file paths. Globs and directories list .json files, leaving out
 * *.schema.json; a plain file name is kept as it is (and reported later if unreadable).
 */
export async function expandArguments(args: string[]): Promise<Expansion> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    let found: string[];
    if (isGlob(arg)) {
      found = await expandGlob(arg);
    } else {
      const info = await stat(arg).catch(() => undefined);
      if (info?.isDirectory()) found = await expandGlob(path.join(arg, '**', '*.json'));
      else {
        files.push(arg);
        continue;
      }
    }
    found = found.filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
    if (found.length === 0) unmatched.push(arg);
    files.push(...found);
  }
  return { files: [...new Set(files)], unmatched };
}

export type ReadResult =
  | { kind: 'text'; text: string }
  /** Refused before parsing (size, encoding): one error about the whole file. */
  | { kind: 'refused'; diagnostic: Diagnostic }
  | { kind: 'unreadable'; reason: string };

function refused({ offset: _offset, ...finding }: PlacedFinding): ReadResult {
  return { kind: 'refused', diagnostic: { ...finding, line: 1, column: 1 } };
}

/** Reads a scenario file as UTF-8 text, refusing oversized or wrongly encoded files. */
export async function readScenarioFile(file: string): Promise<ReadResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { kind: 'unreadable', reason: 'it is a directory' };
    // Checked before reading, so a huge file is never loaded.
    if (info.size > MAX_BYTES) return refused(fileTooLarge(info.size));
    const decoded = decodeBytes(new Uint8Array(await readFile(file)));
    return 'text' in decoded ? { kind: 'text', text: decoded.text } : refused(decoded.finding);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : (code ?? 'unknown error');
    return { kind: 'unreadable', reason };
  }
}

/** File names under an audio directory (empty when it does not exist). */
export async function listAudioFiles(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isFile()).map((e) => e.name);
}
