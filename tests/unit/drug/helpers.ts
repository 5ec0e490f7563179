import { drugCurve, type DrugEffect, type DrugInput } from '../../../src/engine/drug/index.ts';

export type Row = { minute: number } & DrugEffect;

/** 0.5 mg/kg IV over 40 min for a 70-kg patient (Andrade 2017; Fava 2018). */
export const IV_STANDARD: DrugInput[] = [
  { kind: 'infusionRate', minute: 0, mgPerMinute: 35 / 40 },
  { kind: 'infusionRate', minute: 40, mgPerMinute: 0 },
];

/** 56 mg intranasal esketamine: two 28-mg devices, 5 minutes apart (label). */
export const ESKETAMINE_56: DrugInput[] = [
  { kind: 'intranasal', minute: 0, mg: 28 },
  { kind: 'intranasal', minute: 5, mg: 28 },
];

/** The row where `key` is largest (first one on ties). */
export function peak(rows: Row[], key: keyof DrugEffect): Row {
  return rows.reduce((best, r) => (r[key] > best[key] ? r : best));
}

/** The row where `key` is smallest (first one on ties). */
export function trough(rows: Row[], key: keyof DrugEffect): Row {
  return rows.reduce((best, r) => (r[key] < best[key] ? r : best));
}

export function at(rows: Row[], minute: number): Row {
  const row = rows.find((r) => r.minute === minute);
  if (!row) throw new Error(`no sample at minute ${minute}`);
  return row;
}

export const curve = drugCurve;
