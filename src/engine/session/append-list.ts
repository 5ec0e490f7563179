/**
 * AppendList: an immutable list whose `append` does not copy what is already there.
 *
 * Every snapshot of a session holds its own list value (`items` shared, `length` its own). An
 * append to the newest list pushes onto the shared array, which older lists never read past their
 * own length; an append to an older list (a practice retry, a branch explored by a test) copies
 * its prefix first. So a session's log, transcript and decisions cost O(1) per event, and replay
 * is linear in the number of events.
 */
/**
 * A list a reader may read but not change: what the view hands to hosts, so that reading a
 * session's transcript or vitals history costs nothing however long the session has run. Arrays
 * have the same reading methods (`length`, `at`, iteration, `map`, …) except `toArray`.
 */
export interface ReadonlyList<T> extends Iterable<T> {
  readonly length: number;
  /** The item at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined;
  map<U>(f: (value: T, index: number) => U): U[];
  filter<S extends T>(f: (value: T, index: number) => value is S): S[];
  filter(f: (value: T, index: number) => boolean): T[];
  find(f: (value: T, index: number) => boolean): T | undefined;
  some(f: (value: T, index: number) => boolean): boolean;
  /** The items as a plain frozen array (copied on first call, O(length); then reused). */
  toArray(): readonly T[];
  /** Serialises as the array of its items. */
  toJSON(): readonly T[];
}

export class AppendList<T> implements ReadonlyList<T> {
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

  /**
   * A read-only list of this list's items and then `value`, in O(1): the shared items are not
   * touched, so the next `append` to this list still costs O(1) (a view's "now" sample).
   */
  plus(value: T): ReadonlyList<T> {
    return new PlusOne(this, value);
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

  filter<S extends T>(f: (value: T, index: number) => value is S): S[];
  filter(f: (value: T, index: number) => boolean): T[];
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

/** A list and one more item after it, read-only (see AppendList.plus). */
class PlusOne<T> implements ReadonlyList<T> {
  readonly #base: AppendList<T>;
  readonly #last: T;
  readonly length: number;
  #array: readonly T[] | undefined;

  constructor(base: AppendList<T>, last: T) {
    this.#base = base;
    this.#last = last;
    this.length = base.length + 1;
  }

  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    if (i === this.length - 1) return this.#last;
    return i >= 0 && i < this.length ? this.#base.at(i) : undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    yield* this.#base;
    yield this.#last;
  }

  toArray(): readonly T[] {
    this.#array ??= Object.freeze([...this.#base.toArray(), this.#last]);
    return this.#array;
  }

  map<U>(f: (value: T, index: number) => U): U[] {
    const out = this.#base.map(f);
    out.push(f(this.#last, this.length - 1));
    return out;
  }

  filter<S extends T>(f: (value: T, index: number) => value is S): S[];
  filter(f: (value: T, index: number) => boolean): T[];
  filter(f: (value: T, index: number) => boolean): T[] {
    const out = this.#base.filter(f);
    if (f(this.#last, this.length - 1)) out.push(this.#last);
    return out;
  }

  find(f: (value: T, index: number) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) {
      const value = this.at(i)!;
      if (f(value, i)) return value;
    }
    return undefined;
  }

  some(f: (value: T, index: number) => boolean): boolean {
    return this.#base.some(f) || f(this.#last, this.length - 1);
  }

  toJSON(): readonly T[] {
    return this.toArray();
  }
}
