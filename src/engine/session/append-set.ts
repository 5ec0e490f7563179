/**
 * AppendSet: an immutable set of strings whose `add` does not copy what is already there (the
 * AppendList idea for membership). Every snapshot holds its own value (`length` its own, the
 * insertion order shared); `has` counts a key only if it was added within this value's length.
 * Adding to an older value (a practice retry restoring an earlier context) copies its prefix
 * first. It serialises as `{ key: true, ... }`, the shape the session context had as a record.
 */
export class AppendSet implements Iterable<string> {
  /** Key → position it was added at (shared by every value built from the same newest one). */
  readonly #order: Map<string, number>;
  readonly #keys: string[];
  /** The number of keys in this set. */
  readonly size: number;

  private constructor(order: Map<string, number>, keys: string[], size: number) {
    this.#order = order;
    this.#keys = keys;
    this.size = size;
  }

  static empty(): AppendSet {
    return new AppendSet(new Map(), [], 0);
  }

  /** A set holding `keys` (duplicates counted once). */
  static from(keys: Iterable<string>): AppendSet {
    let set = AppendSet.empty();
    for (const k of keys) set = set.add(k);
    return set;
  }

  has(key: string): boolean {
    const i = this.#order.get(key);
    return i !== undefined && i < this.size;
  }

  /** This set with `key` (O(1) when this is the newest value; else its prefix is copied). */
  add(key: string): AppendSet {
    if (this.has(key)) return this;
    let keys = this.#keys;
    let order = this.#order;
    if (keys.length !== this.size) {
      keys = keys.slice(0, this.size);
      order = new Map(keys.map((k, i) => [k, i]));
    }
    order.set(key, keys.length);
    keys.push(key);
    return new AppendSet(order, keys, this.size + 1);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.size; i++) yield this.#keys[i]!;
  }

  /** Serialises as a record of its keys, each `true`. */
  toJSON(): Record<string, true> {
    const out: Record<string, true> = {};
    for (const k of this) out[k] = true;
    return out;
  }
}
