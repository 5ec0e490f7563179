/**
 * Undo and redo over the scenario text. Each entry keeps only the one splice that turns the text
 * before into the text after (not whole copies), plus the changes that made it, so the edits
 * since the last save can be replayed onto a newer copy of the file (a merge).
 */
import {
  applyChanges,
  applySplice,
  invertSplice,
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
    const after = applyChanges(before, changes);
    if (after === before) return false;
    // An edit after undoing past the save can never lead back to the saved text by redo.
    if (this.savedDepth > this.done.length) this.savedDepth = -1;
    const last = this.done.at(-1);
    if (group !== undefined && last?.group === group && this.savedDepth !== this.done.length) {
      const original = applySplice(before, invertSplice(last.splice));
      last.splice = spliceBetween(original, after);
      last.changes = [
        ...last.changes.filter((c) => !changes.some((n) => samePath(c, n))),
        ...changes,
      ];
    } else {
      this.done.push({
        label,
        splice: spliceBetween(before, after),
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

  undo(): boolean {
    const entry = this.done.pop();
    if (!entry) return false;
    this.text = applySplice(this.text, invertSplice(entry.splice));
    this.undone.push(entry);
    return true;
  }

  redo(): boolean {
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
    this.text = text;
    this.done = [];
    this.undone = [];
    this.savedDepth = 0;
  }
}
