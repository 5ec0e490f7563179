/**
 * A list of JSON records written column by column, as a checkpoint stores the session's long
 * lists (decisions, transcript, …): each key's values in one array, and each record's keys (in
 * their order) as one of a few shapes. Parsing a saved attempt is most of a restore's cost, and a
 * record's keys repeated on every item were half of those lists' text.
 *
 * Shape: `{ keys: string[]; shapes: number[][]; shapeOf?: number[]; values: unknown[][] }`, where
 * `shapes[s]` lists indices into `keys`, `shapeOf[i]` is record i's shape (absent: every record
 * has shape 0, and the count is `count`), and `values[k]` holds key k's values in record order,
 * only for the records that have it. A column of strings that repeat (a decision's kind and
 * phase, a transcript line's speaker) is written as `{ strings, at }`: its distinct strings, and
 * for each value its index among them.
 */

export interface Columns {
  count: number;
  keys: string[];
  shapes: number[][];
  shapeOf?: number[];
  values: (unknown[] | Dictionary)[];
}

interface Dictionary {
  strings: string[];
  at: number[];
}

/** A column of strings as a dictionary when at most half its values are distinct, else itself. */
function coded(column: unknown[]): unknown[] | Dictionary {
  if (column.length < 8 || !column.every((v) => typeof v === 'string')) return column;
  const index = new Map<string, number>();
  const at = (column as string[]).map((v) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  });
  return index.size * 2 <= column.length ? { strings: [...index.keys()], at } : column;
}

/** The values of a column as written (a list, or a dictionary of strings). Throws when damaged. */
function decoded(column: unknown): unknown[] {
  if (Array.isArray(column)) return column;
  const { strings, at } = (column ?? {}) as Partial<Dictionary>;
  if (!Array.isArray(strings) || !Array.isArray(at) || !strings.every((v) => typeof v === 'string'))
    throw new Error('A column of the column form is neither a list nor a dictionary of strings.');
  return at.map((i) => {
    const v = Number.isInteger(i) ? strings[i] : undefined;
    if (v === undefined)
      throw new Error('A column refers to a string its dictionary does not hold.');
    return v;
  });
}

/** Whether a saved list is in column form (else it is an array of records, or another form). */
export function isColumns(value: unknown): value is Columns {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Columns).keys) &&
    Array.isArray((value as Columns).values)
  );
}

/** The column form of `records` (plain JSON objects; key order is kept per record). */
export function toColumns(records: readonly Record<string, unknown>[]): Columns {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: unknown[][] = [];
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const shapeOf: number[] = [];
  for (const record of records) {
    const own = Object.keys(record);
    const shape: number[] = [];
    for (const key of own) {
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.length;
        keys.push(key);
        keyIndex.set(key, k);
        values.push([]);
      }
      shape.push(k);
      values[k]!.push(record[key]);
    }
    const signature = shape.join(',');
    let s = shapeIndex.get(signature);
    if (s === undefined) {
      s = shapes.length;
      shapes.push(shape);
      shapeIndex.set(signature, s);
    }
    shapeOf.push(s);
  }
  const columns: Columns = { count: records.length, keys, shapes, values: values.map(coded) };
  if (shapes.length > 1) columns.shapeOf = shapeOf;
  return columns;
}

/**
 * The records a column form holds, each with its keys in its own order.
 * Throws an Error when the form is inconsistent (a shape or key out of range, a column too short
 * or too long): a checkpoint that cannot be read is not used (checkpoint.ts).
 */
export function fromColumns(columns: Columns): Record<string, unknown>[] {
  const { count, keys, shapes, shapeOf } = columns;
  if (!Number.isInteger(count) || count < 0 || !Array.isArray(shapes))
    throw new Error('The column form has no record count or shapes.');
  if (shapeOf !== undefined && (!Array.isArray(shapeOf) || shapeOf.length !== count))
    throw new Error('The column form gives a shape to the wrong number of records.');
  if (keys.some((key) => typeof key !== 'string' || key === '__proto__'))
    throw new Error('The column form has a key that cannot name a record field.');
  if (!Array.isArray(columns.values) || columns.values.length !== keys.length)
    throw new Error('The column form has a key without values.');
  const values = columns.values.map(decoded);
  for (const shape of shapes)
    if (
      !Array.isArray(shape) ||
      shape.some((k) => !Number.isInteger(k) || !(k in keys)) ||
      new Set(shape).size !== shape.length
    )
      throw new Error('A shape of the column form names an unknown key, or one twice.');
  const records = new Array<Record<string, unknown>>(count);
  if (shapeOf === undefined) {
    // One shape (the common case): record i takes the i-th value of each of its keys.
    const shape = shapes[0] ?? [];
    if (count > 0 && (shapes.length !== 1 || shape.length !== keys.length))
      throw new Error('The column form has no shape, or keys no record has.');
    const names = shape.map((k) => keys[k]!);
    const columns = shape.map((k) => values[k]!);
    if (count > 0 && columns.some((column) => column.length !== count))
      throw new Error('A column of the column form does not hold one value per record.');
    for (let i = 0; i < count; i++) {
      const record: Record<string, unknown> = {};
      for (let j = 0; j < names.length; j++) record[names[j]!] = columns[j]![i];
      records[i] = record;
    }
    return records;
  }
  const next = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < count; i++) {
    const shape = shapes[shapeOf[i]!];
    if (shape === undefined) throw new Error(`Record ${i} of the column form has no shape.`);
    const record: Record<string, unknown> = {};
    for (let j = 0; j < shape.length; j++) {
      const k = shape[j]!;
      record[keys[k]!] = values[k]![next[k]!++];
    }
    records[i] = record;
  }
  for (let k = 0; k < keys.length; k++)
    if (next[k] !== values[k]!.length)
      throw new Error(`The column "${keys[k]}" does not hold one value per record that has it.`);
  return records;
}
