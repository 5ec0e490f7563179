/**
 * Prototype-free reads of records keyed by scenario ids. A plain object inherits `toString`,
 * `valueOf`, `constructor`, `hasOwnProperty` and more from Object.prototype, so `points[id]`
 * with such an id would read a function instead of nothing. Every lookup by an id the author
 * chose goes through `own`.
 */

/** The record's own value at `key`, or undefined (never an inherited property). */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
