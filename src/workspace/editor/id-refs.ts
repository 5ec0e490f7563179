/**
 * Which fields of a scenario hold ids, and which fields refer to them: the one table the editor
 * uses both to offer a list of ids (for `next`, `ending`, `competency`, …) and to make every
 * reference follow when an id is renamed.
 */
import { valueAt, type Change, type JSONPath } from '../../engine/index.ts';

export type IdKind = 'step' | 'ending' | 'competency' | 'variable' | 'reference' | 'audio';

/** Where ids of each kind are declared: a path pattern ('*' is any array index). */
const DECLARED: Record<IdKind, JSONPath> = {
  step: ['phases', '*', 'steps', '*', 'id'],
  ending: ['endings', '*', 'id'],
  competency: ['competencies', '*', 'id'],
  variable: ['variables', '*', 'id'],
  reference: ['references', '*', 'id'],
  audio: ['media', 'audio', '*', 'id'],
};

const matches = (pattern: JSONPath, path: JSONPath) =>
  pattern.length === path.length &&
  pattern.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === path[i]));

/** The kind of id declared at `path` (e.g. `/endings/2/id`), if it is one. */
export function declaredKind(path: JSONPath): IdKind | undefined {
  return (Object.keys(DECLARED) as IdKind[]).find((k) => matches(DECLARED[k], path));
}

/**
 * The kind of id the string value at `path` refers to, if any: `next` and a phase's `start`
 * name steps; `ending` an ending; `competency` a competency; `var` a variable; `audio` a clip;
 * items of a `references` list of strings, references.
 */
export function referenceKind(path: JSONPath): IdKind | undefined {
  const key = path.at(-1);
  const parent = path.at(-2);
  if (key === 'next') return 'step';
  if (key === 'start' && path.length === 3 && path[0] === 'phases') return 'step';
  if (key === 'ending') return 'ending';
  if (key === 'competency') return 'competency';
  if (key === 'var') return 'variable';
  if (key === 'audio' && path.at(-3) !== 'media') return 'audio';
  if (typeof key === 'number' && parent === 'references' && path.length > 2) return 'reference';
  return undefined;
}

/** The kind of id the keys of the record at `path` name (points by competency, effects by variable). */
export function recordKeyKind(path: JSONPath): IdKind | undefined {
  const key = path.at(-1);
  if (key === 'points') return 'competency';
  if ((key === 'set' || key === 'add') && path.at(-2) === 'effects') return 'variable';
  return undefined;
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The ids of a kind declared in the document, in file order (steps: of one phase when given). */
export function declaredIds(doc: unknown, kind: IdKind, phaseIndex?: number): string[] {
  const out: string[] = [];
  const walk = (value: unknown, pattern: JSONPath, at: JSONPath) => {
    if (pattern.length === 0) {
      if (typeof value === 'string') out.push(value);
      return;
    }
    const [head, ...rest] = pattern;
    if (head === '*') {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => {
        if (kind === 'step' && at.length === 1 && phaseIndex !== undefined && i !== phaseIndex)
          return;
        walk(item, rest, [...at, i]);
      });
    } else if (isObj(value)) walk(value[head as string], rest, [...at, head!]);
  };
  walk(doc, DECLARED[kind], []);
  return out;
}

/** Every place in the document that refers to an id of `kind` with value `id`. */
export interface Reference {
  path: JSONPath;
  /** The id is a property name of a record (points, effects.set/add), not a value. */
  isKey: boolean;
}

export function findReferences(
  doc: unknown,
  kind: IdKind,
  id: string,
  phaseIndex?: number,
): Reference[] {
  const out: Reference[] = [];
  const walk = (value: unknown, path: JSONPath) => {
    if (typeof value === 'string') {
      if (value === id && referenceKind(path) === kind) {
        if (kind === 'step' && phaseIndex !== undefined && path[1] !== phaseIndex) return;
        out.push({ path, isKey: false });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (!isObj(value)) return;
    if (recordKeyKind(path) === kind && Object.hasOwn(value, id))
      out.push({ path: [...path, id], isKey: true });
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(doc, []);
  return out;
}

/**
 * The changes that rename the id declared at `idPath` from `oldId` to `newId` and make every
 * reference follow (unless `newId` is already declared: then only the id changes). A step id is only referred to within its phase. A record key (in `points`,
 * effects) is renamed in place, keeping its value and position.
 */
export function renameChanges(
  doc: unknown,
  idPath: JSONPath,
  oldId: string,
  newId: string,
): Change[] {
  const changes: Change[] = [{ kind: 'set', path: idPath, value: newId }];
  const kind = declaredKind(idPath);
  if (!kind || oldId === newId || oldId === '') return changes;
  const phase = kind === 'step' ? (idPath[1] as number) : undefined;
  // A name already taken: references stay with the id they named (the validator reports the duplicate).
  if (declaredIds(doc, kind, phase).includes(newId)) return changes;
  for (const ref of findReferences(doc, kind, oldId, phase)) {
    if (!ref.isKey) {
      changes.push({ kind: 'set', path: ref.path, value: newId });
      continue;
    }
    // A record that already has a key `newId` keeps both (the validator names the stale one).
    const record = valueAt(doc, ref.path.slice(0, -1)) as Record<string, unknown>;
    if (!Object.hasOwn(record, newId))
      changes.push({ kind: 'renameKey', path: ref.path, to: newId });
  }
  return changes;
}

/** A new id like `base`, `base-2`, … not among `taken`. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Every `id` string anywhere in the document (ids share one namespace per kind; this avoids all). */
export function allIds(doc: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (typeof v.id === 'string') out.add(v.id);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc);
  return out;
}

/** A deep copy of `value` with every `id` replaced by a fresh one (for duplicates and new items). */
export function withFreshIds<T>(value: T, taken: Set<string>, suffix = 'copy'): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObj(v)) return v;
    const out: Loose = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'id' && typeof x === 'string') {
        const id = freshId(x.endsWith(`-${suffix}`) || suffix === '' ? x : `${x}-${suffix}`, taken);
        taken.add(id);
        out[k] = id;
      } else out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as T;
}
