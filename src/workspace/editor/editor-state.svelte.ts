/**
 * The scenario being edited: its text (the one source of truth), the undo history, the file it
 * came from, and the working copy kept in this browser after every edit. Forms read `doc` (a
 * lenient parse of the text) and write through `apply`, which turns each change into a minimal
 * text edit.
 */
import { EditHistory } from './history.ts';
import { applyChanges, type Change } from '../../engine/index.ts';
import { keepImpliedNext } from './implied-next.ts';
import { threeWayMerge } from './three-way-merge.ts';
import { fileNameForId, parseScenarioText } from '../../engine/index.ts';
import {
  discardWorkingCopy,
  keepWorkingCopy,
  type KeyValueStore,
  type Origin,
} from './working-copy.ts';

const UNREADABLE = {
  base: 'the text you started from',
  mine: 'your version',
  disk: "the file's new version",
} as const;

/** A value as shown in a merge message: JSON, cut short. */
function shown(value: unknown): string {
  if (value === undefined) return 'removed';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function readDoc(text: string): unknown {
  const parsed = parseScenarioText(text);
  return parsed.ok ? parsed.value : null;
}

export class EditorState {
  name = $state('');
  origin = $state<Origin>('file');
  text = $state('');
  /** The text as opened or last saved: what the file on disk is believed to hold. */
  base = $state('');
  /** Bumped on every change, so views can key on it. */
  version = $state(0);
  /** Set when the working copy could not be kept locally. */
  storageProblem = $state('');
  /**
   * What the forms show: the parsed text, or null when it cannot be read safely (not JSON, too
   * deep, too large, a prototype-polluting key). The same safety checks as the validator's.
   */
  readonly doc = $derived(readDoc(this.text));
  readonly #history = new EditHistory('');
  readonly #store: KeyValueStore | null;

  constructor(store: KeyValueStore | null) {
    this.#store = store;
  }

  get dirty(): boolean {
    void this.version;
    return this.text !== this.base;
  }
  get canUndo(): boolean {
    void this.version;
    return this.#history.canUndo;
  }
  get canRedo(): boolean {
    void this.version;
    return this.#history.canRedo;
  }
  get undoLabel(): string | undefined {
    void this.version;
    return this.#history.undoLabel;
  }
  get redoLabel(): string | undefined {
    void this.version;
    return this.#history.redoLabel;
  }

  /** Starts editing `text` (opened, new, copied or restored); `base` defaults to `text`. */
  open(name: string, text: string, origin: Origin, base = text): void {
    this.#history.reset(text);
    this.name = name;
    this.origin = origin;
    this.text = text;
    this.base = base;
    this.#changed();
  }

  /**
   * Applies `changes` as one undoable edit. `group` merges consecutive edits (typing in one
   * field) into one undo step. Returns an error message when the change cannot be made.
   */
  apply(changes: Change[], label: string, group?: string): string | null {
    try {
      // A step inserted, moved or deleted must not silently redirect an option's implied next.
      changes = keepImpliedNext(this.doc, changes);
      if (this.#history.apply(changes, label, group)) {
        this.text = this.#history.text;
        this.#changed();
      }
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  undo(): void {
    if (this.#history.undo()) {
      this.text = this.#history.text;
      this.#changed();
    }
  }

  redo(): void {
    if (this.#history.redo()) {
      this.text = this.#history.text;
      this.#changed();
    }
  }

  /** The file now holds the current text (a new scenario or copy is then a file like any other). */
  saved(name = this.name): void {
    this.name = name;
    if (this.origin === 'template' || this.origin === 'copy') this.origin = 'file';
    this.base = this.text;
    this.#history.markSaved();
    this.#changed();
  }

  /**
   * Merges with a newer copy of the file (a three-way merge over `base`, the text the file held
   * when editing started): the instructor's changes (base → text) are applied to `disk` as
   * minimal edits, so both sides' changes are kept. Returns null when merged (the result is one
   * undoable step, still unsaved), or why it could not be: when both changed the same value
   * differently, nothing changes here and the message names each conflict, so the instructor's
   * version is never dropped silently.
   */
  merge(disk: string): string | null {
    const result = threeWayMerge(this.base, this.text, disk);
    if (!result.ok)
      return 'unreadable' in result
        ? `Cannot merge: ${UNREADABLE[result.unreadable]} is not valid JSON. Keep your version or reload the file.`
        : `Cannot merge: you and the file on disk both changed ${result.conflicts
            .map(
              (c) =>
                `${c.path.join('.') || 'the whole file'} (on disk: ${shown(c.disk)}; yours: ${shown(c.mine)})`,
            )
            .join(
              ', ',
            )}. Your version is unchanged here: keep it (save over the file) or reload the file.`;
    let merged: string;
    try {
      merged = applyChanges(disk, result.changes);
    } catch (e) {
      return `Your edits do not fit the file's new version: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.#history.reset(disk);
    this.base = disk;
    this.text = disk;
    if (merged !== disk) {
      this.#history.apply(result.changes, 'merge with the file on disk');
      this.text = this.#history.text;
    }
    this.#changed();
    return null;
  }

  /**
   * Drops the edits: the text goes back to `base` (the file as opened or last saved, or the
   * template or original a new scenario or copy started from), as one undoable step, so Undo
   * brings the edits back. The kept working copy is dropped (and kept again by an undo).
   */
  discard(): void {
    if (this.#history.replace(this.base, 'discard changes')) {
      this.text = this.#history.text;
      this.#changed();
    }
    this.flush();
    if (this.#store) discardWorkingCopy(this.#store);
  }

  /**
   * Called with the new text synchronously on every change (before the page re-renders), so the
   * diagnostics worker starts checking it at once.
   */
  onchange: ((text: string) => void) | null = null;

  #changed(): void {
    this.#followId();
    this.version++;
    this.onchange?.(this.text);
    if (!this.#store) return;
    // Typing fast in a large file writes the copy once per pause, and at once when the page hides.
    if (this.#pendingKeep === null && typeof window !== 'undefined') {
      this.#pendingKeep = setTimeout(() => this.flush(), 250);
      return;
    }
    if (typeof window === 'undefined') this.flush();
  }

  /**
   * A new scenario or copy (never saved to a file) is named after its id, so the suggested file
   * name, the download and the command line's file agree with it (the SCENARIO_ID_FILE_NAME
   * rule). A file opened or saved keeps its own name.
   */
  #followId(): void {
    if (this.origin !== 'template' && this.origin !== 'copy') return;
    const doc = this.doc as { id?: unknown } | null;
    const name = fileNameForId(doc?.id);
    if (name && name !== this.name) this.name = name;
  }

  #pendingKeep: ReturnType<typeof setTimeout> | null = null;

  /** Writes the working copy now (or drops it when there is nothing unsaved). */
  flush(): void {
    if (this.#pendingKeep !== null) clearTimeout(this.#pendingKeep);
    this.#pendingKeep = null;
    if (!this.#store) return;
    if (this.text === this.base) {
      discardWorkingCopy(this.#store);
      this.storageProblem = '';
      return;
    }
    this.storageProblem =
      keepWorkingCopy(this.#store, {
        name: this.name,
        origin: this.origin,
        text: this.text,
        base: this.base,
      }) ?? '';
  }
}
