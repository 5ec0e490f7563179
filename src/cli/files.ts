/** Finding and reading scenario files for the CLI: simple globs (* ? **), directories, UTF-8. */
import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
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

/** What a file that cannot be read is, in words (from the error's code). */
function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return code ?? (e instanceof Error ? e.message : 'unknown error');
}

/** What a file system entry is, for one that is not a regular file. */
function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'it is a directory';
  if (info.isFIFO()) return 'it is a named pipe, not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device, not a regular file';
  if (info.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

export type BytesResult =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads at most `limit` bytes of a regular file. Anything else (a named pipe, /dev/zero, a
 * directory, a socket) is refused without reading, so it can neither block nor fill memory; the
 * file is opened non-blocking and checked again on the open handle, and a file that grows past
 * `limit` while it is read is reported as too large rather than read on.
 */
export async function readRegularFile(file: string, limit: number): Promise<BytesResult> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { kind: 'unreadable', reason: kindOf(info) };
    if (info.size > limit) return { kind: 'tooLarge', size: info.size };
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { kind: 'unreadable', reason: kindOf(opened) };
      const buffer = new Uint8Array(limit + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > limit) return { kind: 'tooLarge', size: Math.max(length, opened.size) };
      return { kind: 'bytes', bytes: buffer.subarray(0, length) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { kind: 'unreadable', reason: reasonOf(e) };
  }
}

/** Reads a scenario file as UTF-8 text, refusing oversized or wrongly encoded files. */
export async function readScenarioFile(file: string): Promise<ReadResult> {
  const read = await readRegularFile(file, MAX_BYTES);
  if (read.kind === 'unreadable') return read;
  if (read.kind === 'tooLarge') return refused(fileTooLarge(read.size));
  const decoded = decodeBytes(read.bytes);
  return 'text' in decoded ? { kind: 'text', text: decoded.text } : refused(decoded.finding);
}

/** File names under an audio directory (empty when it does not exist). */
export async function listAudioFiles(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isFile()).map((e) => e.name);
}
