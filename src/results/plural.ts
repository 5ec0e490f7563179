/**
 * A count with its noun in the right number, for the results screens: `counted(1, 'attempt')`
 * is "1 attempt", `counted(2, 'attempt')` "2 attempts", `counted(0, 'attempt')` "0 attempts".
 * `plural` is the plural form when it is not the singular plus "s" ("times", "statuses").
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
