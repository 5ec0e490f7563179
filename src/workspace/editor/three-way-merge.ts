/**
 * A three-way merge of a scenario file: the text the file held when editing started (`base`),
 * the instructor's edited text (`mine`) and the file's new text on disk (`disk`). The
 * instructor's changes (base → mine, value by value) are replayed onto the disk text as minimal
 * text edits, so the disk's own changes and formatting stay. Where both changed the same value
 * differently, nothing is merged: the conflicts are returned, by path, and the caller keeps the
 * instructor's text.
 */
import { parseScenarioText, type Change, type JSONPath } from '../../engine/index.ts';

export type MergeResult =
  | { ok: true; changes: Change[] }
  | { ok: false; conflicts: { path: JSONPath; disk: unknown; mine: unknown }[] }
  | { ok: false; unreadable: 'base' | 'mine' | 'disk' };

const ABSENT = Symbol('absent');
type Value = unknown | typeof ABSENT;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
    );
  }
  return false;
}

function at(doc: unknown, path: JSONPath): Value {
  let cur: unknown = doc;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number' && key < cur.length) cur = cur[key];
    else if (isObject(cur) && typeof key === 'string' && Object.hasOwn(cur, key)) cur = cur[key];
    else return ABSENT;
  }
  return cur;
}

/**
 * The changes from `before` to `after`, value by value: objects key by key, arrays of the same
 * length item by item, anything else (an array that grew or shrank) replaced whole.
 */
function diff(before: unknown, after: unknown, path: JSONPath, out: Change[]): void {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before))
      if (!Object.hasOwn(after, key)) out.push({ kind: 'remove', path: [...path, key] });
    for (const [key, value] of Object.entries(after))
      if (!Object.hasOwn(before, key)) out.push({ kind: 'set', path: [...path, key], value });
      else diff(before[key], value, [...path, key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    after.forEach((value, i) => diff(before[i], value, [...path, i], out));
    return;
  }
  if (!equal(before, after)) out.push({ kind: 'set', path, value: after });
}

/** True when every array on the way to `path` has the same length in both documents. */
function sameShapeTo(a: unknown, b: unknown, path: JSONPath): boolean {
  for (let i = 0; i < path.length; i++) {
    const x = at(a, path.slice(0, i));
    const y = at(b, path.slice(0, i));
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y) && x.length !== y.length) return false;
  }
  return true;
}

/**
 * Merges `mine` into `disk` over their common `base`. Returns the changes to apply to the disk
 * text (for `applyChanges`), or the conflicting paths with both values, or which text cannot be
 * read as JSON.
 */
export function threeWayMerge(base: string, mine: string, disk: string): MergeResult {
  const read = (text: string) => {
    const parsed = parseScenarioText(text);
    return parsed.ok ? { value: parsed.value } : null;
  };
  const b = read(base);
  if (!b) return { ok: false, unreadable: 'base' };
  const m = read(mine);
  if (!m) return { ok: false, unreadable: 'mine' };
  const d = read(disk);
  if (!d) return { ok: false, unreadable: 'disk' };
  const local: Change[] = [];
  diff(b.value, m.value, [], local);
  const changes: Change[] = [];
  const conflicts: { path: JSONPath; disk: unknown; mine: unknown }[] = [];
  for (const change of local) {
    const mineValue = change.kind === 'set' ? change.value : ABSENT;
    const diskValue = at(d.value, change.path);
    if (equal(diskValue, mineValue)) continue; // both made the same change
    const parentOnDisk =
      change.path.length === 0 || at(d.value, change.path.slice(0, -1)) !== ABSENT;
    if (
      equal(diskValue, at(b.value, change.path)) &&
      parentOnDisk &&
      sameShapeTo(b.value, d.value, change.path)
    )
      changes.push(change);
    else
      conflicts.push({
        path: change.path,
        disk: diskValue === ABSENT ? undefined : diskValue,
        mine: mineValue === ABSENT ? undefined : mineValue,
      });
  }
  return conflicts.length ? { ok: false, conflicts } : { ok: true, changes };
}
