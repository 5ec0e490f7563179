/**
 * What a course carried into a visit, in words: each carried variable by its description (from
 * the visit that declares it) with its value, each carried fact, and the last vital signs.
 */
import {
  carriedPhrase,
  factLabel,
  type CarriedState,
  type ScenarioV1,
} from '../../engine/index.ts';

export interface CarriedRow {
  label: string;
  value: string;
}

const valueText = (v: boolean | number) => (v === true ? 'Yes' : v === false ? 'No' : String(v));

/**
 * The rows of `carried`. With `visit`, only the variables that visit declares (those it can
 * use); otherwise every carried variable, described by the first of `scenarios` declaring it.
 */
export function carriedRows(
  carried: CarriedState | null | undefined,
  scenarios: readonly ScenarioV1[],
  visit?: ScenarioV1,
): CarriedRow[] {
  if (!carried) return [];
  const rows: CarriedRow[] = [];
  for (const [id, value] of Object.entries(carried.vars ?? {})) {
    const from = visit ? [visit] : scenarios;
    const declared = from.flatMap((s) => s.variables).find((v) => v.id === id);
    if (!declared) continue;
    rows.push({ label: carriedPhrase(declared.description ?? id), value: valueText(value) });
  }
  for (const [fact, value] of Object.entries(carried.facts ?? {}))
    rows.push({ label: factLabel(fact), value: valueText(value === true) });
  if (carried.baseline && Object.keys(carried.baseline).length)
    rows.push({ label: 'Vital signs start where the last visit ended', value: 'Yes' });
  return rows;
}
