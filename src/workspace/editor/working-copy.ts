/**
 * The working copy kept in this browser until it is saved or discarded, so nothing is lost on a
 * reload: the file's name, the edited text, and the text it was opened or last saved as (the
 * base a merge starts from). Kept in localStorage under one key.
 */

export const WORKING_COPY_KEY = 'kap-workspace-working-copy';

export type Origin = 'file' | 'author' | 'template' | 'copy';

export interface WorkingCopy {
  name: string;
  origin: Origin;
  text: string;
  /** The text as opened or last saved. */
  base: string;
}

/** Minimal storage interface (localStorage in the browser, a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ORIGINS: readonly Origin[] = ['file', 'author', 'template', 'copy'];

/** The kept working copy, or null when there is none or it cannot be read. */
export function loadWorkingCopy(store: KeyValueStore): WorkingCopy | null {
  let raw: string | null;
  try {
    raw = store.getItem(WORKING_COPY_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<WorkingCopy>;
    if (
      typeof v.name === 'string' &&
      typeof v.text === 'string' &&
      typeof v.base === 'string' &&
      ORIGINS.includes(v.origin as Origin)
    )
      return { name: v.name, origin: v.origin as Origin, text: v.text, base: v.base };
  } catch {
    // unreadable: treated as none
  }
  return null;
}

/**
 * Keeps `copy`. Returns an error message when the browser refuses (storage full or disabled),
 * or null when it was kept.
 */
export function keepWorkingCopy(store: KeyValueStore, copy: WorkingCopy): string | null {
  try {
    store.setItem(WORKING_COPY_KEY, JSON.stringify(copy));
    return null;
  } catch (e) {
    return `The working copy could not be kept in this browser (${e instanceof Error ? e.message : String(e)}); save the file to keep your changes.`;
  }
}

export function discardWorkingCopy(store: KeyValueStore): void {
  try {
    store.removeItem(WORKING_COPY_KEY);
  } catch {
    // nothing kept
  }
}

/** A short content fingerprint (FNV-1a, 32 bits, hex) to tell whether a file changed on disk. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
