/**
 * The objects among an array's items, each with its index in the array (anything that is not an
 * array has none; items that are not plain objects are skipped, their indexes kept). The checks
 * read documents that may have schema errors through it. A plain loop: it runs for every list
 * of a scenario on every check.
 */
export function objectItems(v: unknown): [Record<string, unknown>, number][] {
  const out: [Record<string, unknown>, number][] = [];
  if (!Array.isArray(v)) return out;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x === 'object' && x !== null && !Array.isArray(x))
      out.push([x as Record<string, unknown>, i]);
  }
  return out;
}
