/**
 * Undo and redo over the scenario text. Each entry keeps only the one splice that turns the text
 * before into the text after (not whole copies), plus the changes that made it, so the edits
 * since the last save can be replayed onto a newer copy of the file (a merge).
 */
import {
  applyChanges,
  applySplice,
  invertSplice,
  literalRange,
  spliceBetween,
  type Change,
  type Splice,
} from '../../engine/index.ts';

export interface HistoryEntry {
  label: string;
  splice: Splice;
  changes: Change[];
  /** Consecutive entries with the same group (typing in one field) merge into one. */
  group?: string;
}

const LIMIT = 500;

const samePath = (a: Change, b: Change) =>
  a.kind === 'set' && b.kind === 'set' && a.path.join('\u0000') === b.path.join('\u0000');

interface LiteralWrite {
  path: Change['path'];
  offset: number;
  /** The literal's JSON text, as written at `offset`. */
  literal: string;
  /** The text right after the write. */
  text: string;
}

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/** The JSON text of a string, number, boolean or null; null for anything else. */
function literalText(value: unknown): string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  return typeof value === 'number' && Number.isFinite(value) ? JSON.stringify(value) : null;
}

/**
 * One splice for two in a row: `first` turned some text T0 into `middle`, `second` turns
 * `middle` into T2; the result turns T0 into T2. Works on the touched region only.
 */
export function composeSplices(middle: string, first: Splice, second: Splice): Splice {
  const start = Math.min(first.offset, second.offset);
  const end = Math.max(first.offset + first.inserted.length, second.offset + second.removed.length);
  return {
    offset: start,
    removed:
      middle.slice(start, first.offset) +
      first.removed +
      middle.slice(first.offset + first.inserted.length, end),
    inserted:
      middle.slice(start, second.offset) +
      second.inserted +
      middle.slice(second.offset + second.removed.length, end),
  };
}

export class EditHistory {
  text: string;
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];
  /** How many entries of `done` the saved file contains; -1 when an undo went past the save. */
  private savedDepth = 0;

  constructor(text: string) {
    this.text = text;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get undoLabel(): string | undefined {
    return this.done.at(-1)?.label;
  }
  get redoLabel(): string | undefined {
    return this.undone.at(-1)?.label;
  }

  /**
   * Applies `changes` as one undoable edit labelled `label`. Returns false (and records
   * nothing) when the text does not change. Throws what `applyChanges` throws.
   */
  apply(changes: Change[], label: string, group?: string): boolean {
    const before = this.text;
    const typed = this.#literalSplice(changes);
    const after = typed ? applySplice(before, typed) : applyChanges(before, changes);
    this.#typed =
      typed && changes[0]
        ? { path: changes[0].path, offset: typed.offset, literal: typed.inserted, text: after }
        : null;
    if (after === before) return false;
    const splice = typed ?? spliceBetween(before, after);
    // An edit after undoing past the save can never lead back to the saved text by redo.
    if (this.savedDepth > this.done.length) this.savedDepth = -1;
    const last = this.done.at(-1);
    if (group !== undefined && last?.group === group && this.savedDepth !== this.done.length) {
      last.splice = composeSplices(before, last.splice, splice);
      last.changes = [
        ...last.changes.filter((c) => !changes.some((n) => samePath(c, n))),
        ...changes,
      ];
    } else {
      this.done.push({
        label,
        splice,
        changes,
        ...(group ? { group } : {}),
      });
      if (this.done.length > LIMIT) {
        this.done.shift();
        if (this.savedDepth >= 0) this.savedDepth--;
      }
    }
    this.undone = [];
    this.text = after;
    return true;
  }

  /**
   * Replaces the whole text with `text` as one undoable edit (discarding changes: the text goes
   * back to where it started, and Undo brings the changes back). Returns false when the text is
   * already `text`. The entry records no structured changes, only its splice.
   */
  replace(text: string, label: string): boolean {
    const before = this.text;
    this.#typed = null;
    if (text === before) return false;
    if (this.savedDepth > this.done.length) this.savedDepth = -1;
    this.done.push({ label, splice: spliceBetween(before, text), changes: [] });
    if (this.done.length > LIMIT) {
      this.done.shift();
      if (this.savedDepth >= 0) this.savedDepth--;
    }
    this.undone = [];
    this.text = text;
    return true;
  }

  /** The literal the last edit wrote, while the text is still what that edit made. */
  #typed: LiteralWrite | null = null;

  /**
   * A change that sets one literal where a literal is (typing in a field) replaces exactly that
   * literal's characters, as `applyChange` does. The literal is found by scanning the text once;
   * while the same path is typed into and nothing else changed the text, the place the last
   * keystroke wrote is reused, so a keystroke costs no scan of a large file.
   * Returns null for any other change.
   */
  #literalSplice(changes: Change[]): Splice | null {
    const change = changes.length === 1 ? changes[0] : undefined;
    if (change?.kind !== 'set') return null;
    const literal = literalText(change.value);
    if (literal === null) return null;
    const last = this.#typed;
    if (
      last &&
      last.text === this.text &&
      sameKeys(last.path, change.path) &&
      this.text.startsWith(last.literal, last.offset)
    )
      return { offset: last.offset, removed: last.literal, inserted: literal };
    const range = literalRange(this.text, change.path);
    if (!range) return null;
    return {
      offset: range.offset,
      removed: this.text.slice(range.offset, range.offset + range.length),
      inserted: literal,
    };
  }

  undo(): boolean {
    this.#typed = null;
    const entry = this.done.pop();
    if (!entry) return false;
    this.text = applySplice(this.text, invertSplice(entry.splice));
    this.undone.push(entry);
    return true;
  }

  redo(): boolean {
    this.#typed = null;
    const entry = this.undone.pop();
    if (!entry) return false;
    this.text = applySplice(this.text, entry.splice);
    const { label, splice, changes } = entry;
    this.done.push({ label, splice, changes });
    return true;
  }

  /** The current text is what the file now holds. */
  markSaved(): void {
    this.savedDepth = this.done.length;
  }

  /** True when the text differs from the last save (or the text the history started from). */
  get dirty(): boolean {
    return this.savedDepth !== this.done.length;
  }

  /**
   * The changes made since the last save, in order, or null when they cannot be replayed
   * (an undo went back past the save).
   */
  changesSinceSave(): Change[] | null {
    if (this.savedDepth < 0 || this.savedDepth > this.done.length) return null;
    return this.done.slice(this.savedDepth).flatMap((e) => e.changes);
  }

  /** Starts over from `text` with no history (a newly opened or reloaded file). */
  reset(text: string): void {
    this.#typed = null;
    this.text = text;
    this.done = [];
    this.undone = [];
    this.savedDepth = 0;
  }
}
