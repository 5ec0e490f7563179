/**
 * The smallest set of text-edit changes that turns one JSON document into another, so a file
 * rewritten by a tool (a format migration) keeps its formatting, key order and untouched lines.
 */
import type { Change, JSONPath } from './text-edit.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Changes (for `applyChanges`) from `before` to `after`: objects are compared key by key, any
 * other differing value (arrays included) is replaced whole.
 */
export function changesBetween(before: unknown, after: unknown, path: JSONPath = []): Change[] {
  if (isObject(before) && isObject(after)) {
    const changes: Change[] = [];
    for (const key of Object.keys(before))
      if (!Object.hasOwn(after, key)) changes.push({ kind: 'remove', path: [...path, key] });
    for (const [key, value] of Object.entries(after))
      changes.push(
        ...changesBetween(Object.hasOwn(before, key) ? before[key] : undefined, value, [
          ...path,
          key,
        ]),
      );
    return changes;
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ kind: 'set', path, value: after }];
}
