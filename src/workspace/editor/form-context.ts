/**
 * What every generated form field needs from the editor: the document, a way to change it, the
 * ids a reference field can choose from, and which sections are open.
 */
import type { Change, JSONPath } from '../../engine/index.ts';

export interface FormContext {
  /** The lenient parse of the current text. */
  doc(): unknown;
  /** Applies changes as one undoable edit (`group` merges typing in one field). */
  apply(changes: Change[], label: string, group?: string): void;
  /** Ids the field at `path` can refer to, or undefined when it is not a reference. */
  choices(path: JSONPath): string[] | undefined;
  /** Ids the keys of the record at `path` can be, or undefined. */
  keyChoices(path: JSONPath): string[] | undefined;
  isOpen(pointer: string): boolean;
  setOpen(pointer: string, open: boolean): void;
  /** Every id in the document, for making fresh ones. */
  takenIds(): Set<string>;
}

/** The JSON pointer of a path (`/phases/0/steps/1`), as diagnostics give it. */
export function toPointer(path: JSONPath): string {
  return path.map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A path from a JSON pointer (array indexes as numbers where the text is all digits). */
export function fromPointer(pointer: string): JSONPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A DOM id for the input of the field at `path`. */
export function fieldId(path: JSONPath): string {
  return `field${toPointer(path).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

/** A readable label from a property name: `minObservationMinutes` → "Min observation minutes". */
export function labelOf(key: string | number): string {
  if (typeof key === 'number') return `${key + 1}`;
  const words = key
    .replace(/^\$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A one-line summary of a value, for a collapsed section's heading. */
export function summaryOf(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null || typeof value !== 'object') return value === undefined ? '' : String(value);
  const v = value as Record<string, unknown>;
  for (const k of ['id', 'title', 'label', 'name', 'text', 'instrument'])
    if (typeof v[k] === 'string') {
      const s = v[k] as string;
      return s.length > 60 ? `${s.slice(0, 57)}…` : s;
    }
  return '';
}
