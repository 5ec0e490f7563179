/**
 * New values for the editor's "Add" and "Duplicate" buttons: what the format requires, with ids
 * that are not yet used (`step`, `step-2`, …; a duplicate's ids get `-copy`).
 */
import { freshId, withFreshIds } from './id-refs.ts';
import { defaultValue, type Schema } from './schema-form.ts';

/** The singular of a list's name: `options` → `option`, `competencies` → `competency`. */
export function singular(key: string | number | undefined): string {
  if (typeof key !== 'string') return 'item';
  if (key.endsWith('ies')) return key.slice(0, -3) + 'y';
  if (key.endsWith('s')) return key.slice(0, -1);
  return `${key} item`;
}

type Loose = Record<string, unknown>;

/** A new value for `schema` whose `new` ids are made fresh, named after the lists holding them. */
export function newValue(
  schema: Schema,
  listKey: string | number | undefined,
  taken: Set<string>,
): unknown {
  const walk = (v: unknown, key: string | number | undefined): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v === null || typeof v !== 'object') return v;
    const out: Loose = {};
    for (const [k, x] of Object.entries(v as Loose)) {
      if (k === 'id' && x === 'new') {
        const id = freshId(
          singular(key)
            .replace(/ item$/, '')
            .replace(/[^A-Za-z0-9_-]/g, '-'),
          taken,
        );
        taken.add(id);
        out[k] = id;
      } else out[k] = walk(x, k);
    }
    return out;
  };
  return walk(defaultValue(schema), listKey);
}

/** A copy of `value` with fresh ids throughout (references inside it are kept). */
export function duplicate<T>(value: T, taken: Set<string>): T {
  return withFreshIds(value, taken, 'copy');
}
