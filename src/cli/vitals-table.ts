/**
 * `run --vitals [N]`: the engine's own vitals history (view.vitalsHistory: one sample per minute
 * since the dose, with the drug model's effect-site concentration), sampled every N minutes and
 * at every minute a dose was given or a decision was met. No second model: the values are the
 * session's.
 */
import type { HeadlessResult, NibpReading } from '../engine/index.ts';

/** One row: arrival-clock minute, minute since the dose, modelled signals, what happened then. */
export interface VitalsRow {
  arrivalMinute: number;
  doseMinute: number;
  dissociation: number;
  /** Only when the sample carries the model's sedation. */
  sedation?: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
  spo2: number;
  /** The drug model's effect-site concentration (ng/mL); absent without a model. */
  effectSiteNgPerMl?: number;
  /** Doses given and decisions met at this minute. */
  notes: string[];
}

/**
 * The rows of the table, oldest first; empty when the run never reached the dose.
 * `every`: minutes between regular rows (a whole number ≥ 1).
 */
export function vitalsRows(result: HeadlessResult, every: number): VitalsRow[] {
  const context = result.snapshot.context;
  const doseClock = context.doseClock;
  if (doseClock === null) return [];
  const notes = new Map<number, string[]>();
  const note = (minute: number, text: string) => {
    if (minute < 0) return;
    const list = notes.get(minute) ?? [];
    list.push(text);
    notes.set(minute, list);
  };
  for (const dose of context.doseEvents.toArray()) note(dose.clock - doseClock, dose.label);
  for (const d of result.report.decisions) {
    if (d.minute === null) continue;
    note(d.minute, `${d.kind} ${d.stepId ?? d.eventId ?? d.checkId ?? ''}`.trim());
  }
  const rows: VitalsRow[] = [];
  for (const s of result.view.vitalsHistory.toArray()) {
    const atNote = notes.get(s.minute);
    if (s.minute % every !== 0 && atNote === undefined) continue;
    const sedation = (s as { sedation?: unknown }).sedation;
    rows.push({
      arrivalMinute: doseClock + s.minute,
      doseMinute: s.minute,
      dissociation: s.dissociation,
      ...(typeof sedation === 'number' ? { sedation } : {}),
      systolic: s.systolic,
      diastolic: s.diastolic,
      heartRate: s.heartRate,
      spo2: s.spo2,
      ...(s.effectSiteNgPerMl !== undefined ? { effectSiteNgPerMl: s.effectSiteNgPerMl } : {}),
      notes: atNote ?? [],
    });
  }
  return rows;
}

/**
 * The cuff readings taken before the dose (all of them when the run never doses), oldest first:
 * what the trainee was shown of the blood pressure before the modelled history begins.
 */
export function cuffReadingsBeforeDose(result: HeadlessResult): NibpReading[] {
  const context = result.snapshot.context;
  const dose = context.doseClock;
  return context.monitor.readings.toArray().filter((r) => dose === null || r.clock < dose);
}

const SOURCE: Record<NibpReading['source'], string> = {
  trainee: 'vitals check',
  auto: 'automatic cycle',
  option: 'taken by a choice',
};

/** The cuff readings before the dose as lines, or nothing when there were none. */
export function describeCuffReadings(readings: readonly NibpReading[]): string[] {
  if (readings.length === 0) return [];
  return [
    'Cuff readings before the dose (minutes since arrival):',
    ...readings.map(
      (r) => `  ${String(r.clock).padStart(3)}  ${r.systolic}/${r.diastolic}  ${SOURCE[r.source]}`,
    ),
  ];
}

const round1 = (n: number) => String(Math.round(n * 10) / 10);

/** The rows as a compact text table with a heading line. */
export function describeVitals(rows: VitalsRow[], every: number): string[] {
  if (rows.length === 0) return ['Vitals: none — the run never reached the dose.'];
  const sedation = rows.some((r) => r.sedation !== undefined);
  const model = rows.some((r) => r.effectSiteNgPerMl !== undefined);
  const head = [
    'arrival',
    'dose',
    'dissoc',
    ...(sedation ? ['sedation'] : []),
    'BP (modelled)',
    'HR',
    'SpO2',
    ...(model ? ['Ce ng/mL'] : []),
    'at this minute',
  ];
  const table = rows.map((r) => [
    String(r.arrivalMinute),
    String(r.doseMinute),
    round1(r.dissociation),
    ...(sedation ? [r.sedation === undefined ? '-' : round1(r.sedation)] : []),
    `${Math.round(r.systolic)}/${Math.round(r.diastolic)}`,
    String(Math.round(r.heartRate)),
    String(Math.round(r.spo2)),
    ...(model ? [r.effectSiteNgPerMl === undefined ? '-' : r.effectSiteNgPerMl.toFixed(1)] : []),
    r.notes.join('; '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [
    `Vitals (every ${every} min and at each dose and decision; arrival = minutes since arrival, dose = minutes since the dose; Ce = modelled effect-site concentration):`,
    line(head),
    ...table.map(line),
  ];
}
