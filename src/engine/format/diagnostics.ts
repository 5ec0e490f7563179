/**
 * Diagnostics: what the validator reports about a scenario file.
 *
 * Every diagnostic names the place it is about twice: as a JSON pointer (`path`, stable for
 * tools) and as a 1-based line and column in the text (for people and editors).
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** A stable UPPER_SNAKE code, documented in docs/diagnostics.md. */
  code: string;
  /** JSON pointer (RFC 6901) of the value the diagnostic is about; "" is the whole document. */
  path: string;
  /** 1-based line of that value (or of its nearest existing ancestor). */
  line: number;
  /** 1-based column of that value (or of its nearest existing ancestor). */
  column: number;
  message: string;
  hint?: string;
}

/** A diagnostic before it has been placed in the text. */
export type Finding = Omit<Diagnostic, 'line' | 'column'>;

export const error = (code: string, path: string, message: string, hint?: string): Finding =>
  hint === undefined
    ? { severity: 'error', code, path, message }
    : { severity: 'error', code, path, message, hint };

export const warning = (code: string, path: string, message: string, hint?: string): Finding =>
  hint === undefined
    ? { severity: 'warning', code, path, message }
    : { severity: 'warning', code, path, message, hint };

/** Escapes one segment of a JSON pointer. */
export const escapeSegment = (segment: string | number): string =>
  String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** Builds a JSON pointer from segments. */
export const pointer = (...segments: (string | number)[]): string =>
  segments.length === 0 ? '' : '/' + segments.map(escapeSegment).join('/');

/** Splits a JSON pointer into its unescaped segments. */
export function splitPointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders diagnostics by position, then errors before warnings, then code, path, message and
 * hint: a total order, so the same diagnostics found in any order are listed the same way.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    order(a.code, b.code) ||
    order(a.path, b.path) ||
    order(a.message, b.message) ||
    order(a.hint ?? '', b.hint ?? '')
  );
}
