/**
 * Blood pressure on the debrief's chart as it was known: non-invasive blood pressure exists only as
 * cuff readings (the engine's monitor rule, src/engine/session/nibp.ts), so the chart plots the
 * readings at their minutes and holds each until the next, as the monitor did, never the modelled
 * pressure between them. Continuous signals are plotted from the minute-by-minute history.
 */
import type { NibpReading, SessionView } from './engine-bridge.ts';

/** A cuff reading on the dose clock (minutes since the dose), mmHg. */
export interface CuffPoint {
  minute: number;
  systolic: number;
  diastolic: number;
  source: NibpReading['source'];
}

/**
 * The cuff readings taken from the dose on (`readings` are on the arrival clock; `clock` is the
 * view's, giving the dose's arrival minute), in order; empty before the dose.
 */
export function cuffPoints(
  readings: Iterable<NibpReading>,
  clock: SessionView['clock'],
): CuffPoint[] {
  if (clock.sinceDose === null) return [];
  const doseAt = clock.sinceArrival - clock.sinceDose;
  return Array.from(readings)
    .filter((r) => r.clock >= doseAt)
    .map((r) => ({
      minute: r.clock - doseAt,
      systolic: r.systolic,
      diastolic: r.diastolic,
      source: r.source,
    }));
}

/** The last cuff reading before the dose, with its minute on the dose clock (negative); null when none. */
export function lastBeforeDose(
  readings: Iterable<NibpReading>,
  clock: SessionView['clock'],
): CuffPoint | null {
  if (clock.sinceDose === null) return null;
  const doseAt = clock.sinceArrival - clock.sinceDose;
  const before = Array.from(readings)
    .filter((r) => r.clock < doseAt)
    .at(-1);
  return before
    ? {
        minute: before.clock - doseAt,
        systolic: before.systolic,
        diastolic: before.diastolic,
        source: before.source,
      }
    : null;
}

/**
 * A held (step) line through readings: each value from its minute until the next reading's, the
 * last held to `end`. Returns [minute, value] corners; empty without readings.
 */
export function heldSteps(
  points: readonly { minute: number; value: number }[],
  end: number,
): [number, number][] {
  const corners: [number, number][] = [];
  points.forEach((p, i) => {
    if (i > 0) corners.push([p.minute, points[i - 1]!.value]);
    corners.push([p.minute, p.value]);
  });
  const last = points.at(-1);
  if (last && end > last.minute) corners.push([end, last.value]);
  return corners;
}

/**
 * The text alternative of the blood-pressure chart: what the chart shows (cuff readings held until
 * the next, or none after the dose), the last reading before the dose, and each series' readings
 * with their minutes since the dose, highest and lowest.
 */
export function cuffDescription(cuff: readonly CuffPoint[], before: CuffPoint | null): string {
  const parts = [
    cuff.length
      ? 'Blood pressure is known only from cuff readings: each is plotted at its minute since the dose and held until the next.'
      : 'No cuff reading was taken after the dose.',
  ];
  if (before)
    parts.push(
      `Last reading before the dose: ${before.systolic}/${before.diastolic} at minute ${before.minute}.`,
    );
  if (cuff.length)
    for (const [key, label] of [
      ['systolic', 'Systolic'],
      ['diastolic', 'Diastolic'],
    ] as const) {
      const values = cuff.map((r) => r[key]);
      const n = cuff.length;
      parts.push(
        `${label}: ${n} cuff reading${n === 1 ? '' : 's'} (${cuff.map((r) => `${r[key]} at minute ${r.minute}`).join(', ')}), highest ${Math.max(...values)}, lowest ${Math.min(...values)}.`,
      );
    }
  return parts.join(' ');
}
