/**
 * AppendList: an immutable list whose `append` does not copy what is already there.
 *
 * Every snapshot of a session holds its own list value (`items` shared, `length` its own). An
 * append to the newest list pushes onto the shared array, which older lists never read past their
 * own length; an append to an older list (a practice retry, a branch explored by a test) copies
 * its prefix first. So a session's log, transcript and decisions cost O(1) per event, and replay
 * is linear in the number of events.
 */
export class AppendList<T> implements Iterable<T> {
  readonly #items: T[];
  /** The number of items in this list. */
  readonly length: number;
  #array: readonly T[] | undefined;

  private constructor(items: T[], length: number) {
    this.#items = items;
    this.length = length;
  }

  static empty<T>(): AppendList<T> {
    return new AppendList<T>([], 0);
  }

  /** A list holding a copy of `values`. */
  static from<T>(values: Iterable<T>): AppendList<T> {
    const items = [...values];
    return new AppendList(items, items.length);
  }

  /** A list with `values` after this list's items (amortised O(1) per value when this is the newest). */
  append(...values: T[]): AppendList<T> {
    if (values.length === 0) return this;
    let items = this.#items;
    if (items.length !== this.length) items = items.slice(0, this.length);
    for (const v of values) items.push(v);
    return new AppendList(items, this.length + values.length);
  }

  /** This list without its last `n` items (O(1); a later append copies the shorter prefix). */
  dropLast(n = 1): AppendList<T> {
    return new AppendList(this.#items, Math.max(0, this.length - n));
  }

  /** The item at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.#items[i] : undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#items[i]!;
  }

  /** The items as a plain array (copied once per list value, then reused). */
  toArray(): readonly T[] {
    this.#array ??= Object.freeze(this.#items.slice(0, this.length));
    return this.#array;
  }

  map<U>(f: (value: T, index: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(f(this.#items[i]!, i));
    return out;
  }

  filter(f: (value: T, index: number) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) if (f(this.#items[i]!, i)) out.push(this.#items[i]!);
    return out;
  }

  find(f: (value: T, index: number) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) if (f(this.#items[i]!, i)) return this.#items[i];
    return undefined;
  }

  some(f: (value: T, index: number) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (f(this.#items[i]!, i)) return true;
    return false;
  }

  /** Serialises as the array of its items (snapshots stay JSON-friendly). */
  toJSON(): readonly T[] {
    return this.toArray();
  }
}
