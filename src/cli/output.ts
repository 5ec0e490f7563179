/** Printing diagnostics like a compiler: `file:line:col severity CODE message (hint)`. */
import type { Diagnostic } from '../engine/index.ts';

/** One line per diagnostic; control characters in the file name and scenario text are shown escaped. */
export function formatDiagnostic(
  file: string,
  d: Pick<Diagnostic, 'line' | 'column' | 'severity' | 'code' | 'message' | 'hint'>,
): string {
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${clean(file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${clean(d.message)}${clean(hint)}`;
}

/** Removes terminal control characters so scenario text cannot drive the terminal. */
export function clean(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
