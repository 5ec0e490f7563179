/**
 * Saving the edited text back to a file, by the best way the browser offers:
 *
 * 1. a file handle from the File System Access API (the file was opened or saved with it);
 * 2. the author loop (`npm run author -- FILE`), whose server writes the file on this computer;
 * 3. "Save as" with the File System Access API's save picker;
 * 4. a download.
 *
 * A file changed on disk since it was opened is never overwritten silently: the save reports a
 * conflict with the text now on disk, and the instructor chooses to merge or reload.
 */
import { AUTHOR_SAVE_URL } from '../author-mode.ts';
import { fingerprint } from './working-copy.ts';

export type SaveOutcome =
  | { kind: 'saved'; how: 'file' | 'author' | 'download'; name: string }
  | { kind: 'conflict'; disk: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The parts of the File System Access API used here (not in every browser's types). */
export interface FileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}
interface PickerWindow {
  showOpenFilePicker?: (options?: unknown) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options?: unknown) => Promise<FileHandle>;
}

const TYPES = [{ description: 'Scenario file', accept: { 'application/json': ['.json'] } }];

export const canPickFiles = (w: object = globalThis): boolean =>
  typeof (w as PickerWindow).showOpenFilePicker === 'function';

export const canSaveAs = (w: object = globalThis): boolean =>
  typeof (w as PickerWindow).showSaveFilePicker === 'function';

/** Opens a file with the File System Access API; null when cancelled or unavailable. */
export async function pickFile(): Promise<{ handle: FileHandle; text: string } | null> {
  const w = globalThis as PickerWindow;
  if (!w.showOpenFilePicker) return null;
  try {
    const [handle] = await w.showOpenFilePicker({ types: TYPES, multiple: false });
    if (!handle) return null;
    return { handle, text: await (await handle.getFile()).text() };
  } catch {
    return null;
  }
}

/** Writes to a handle, unless the file no longer holds `base` (then: a conflict). */
export async function saveToHandle(
  handle: FileHandle,
  text: string,
  base: string,
): Promise<SaveOutcome> {
  try {
    const disk = await (await handle.getFile()).text();
    if (disk !== base && disk !== text) return { kind: 'conflict', disk };
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    return { kind: 'saved', how: 'file', name: handle.name };
  } catch (e) {
    return {
      kind: 'failed',
      message: `The file could not be written: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Asks where to save (File System Access API); null when the browser has no save picker. */
export async function saveAs(
  name: string,
  text: string,
): Promise<{ outcome: SaveOutcome; handle?: FileHandle } | null> {
  const w = globalThis as PickerWindow;
  if (!w.showSaveFilePicker) return null;
  let handle: FileHandle;
  try {
    handle = await w.showSaveFilePicker({ suggestedName: name, types: TYPES });
  } catch {
    return { outcome: { kind: 'cancelled' } };
  }
  try {
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    return { outcome: { kind: 'saved', how: 'file', name: handle.name }, handle };
  } catch (e) {
    return {
      outcome: {
        kind: 'failed',
        message: `The file could not be written: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
}

/**
 * Saves through the author server. `base` is the text the editor believes the file holds; the
 * server refuses (409, with the file's text) when the file holds something else.
 */
export async function saveToAuthor(text: string, base: string): Promise<SaveOutcome> {
  try {
    const response = await fetch(AUTHOR_SAVE_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, base: fingerprint(base) }),
    });
    if (response.status === 409) return { kind: 'conflict', disk: await response.text() };
    if (!response.ok)
      return {
        kind: 'failed',
        message: `The author server refused the save: ${await response.text()}`,
      };
    let name = 'scenario.json';
    try {
      name = decodeURIComponent(response.headers.get('x-scenario-name') ?? name);
    } catch {
      // keep the default
    }
    return { kind: 'saved', how: 'author', name };
  } catch (e) {
    return {
      kind: 'failed',
      message: `The author server did not answer: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Offers the text as a download named `name`. */
export function download(name: string, text: string): SaveOutcome {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'saved', how: 'download', name };
}
