/**
 * What the debrief puts first and how it groups the rest: the quality of each decision, the most
 * valuable lessons (the decisions that cost the most), decisions grouped by phase, and the guide
 * and alarm lines of the vitals chart. Pure: it reads the engine's Report and the scenario's
 * protocol, and decides nothing about scoring.
 */
import type { PhaseId, ScenarioV1, SignalKey } from '../format/schema.ts';
import type { DecisionResult, Report } from '../scoring/score.ts';

/** best: no points lost; partial: a weaker option; missed: a check or event let lapse; critical. */
export type Quality = 'best' | 'partial' | 'missed' | 'critical';

/**
 * The weighted points a decision lost against the best option available there:
 * Σ over competencies of weight × (best − earned), ≥ 0. Weights are the report's (1 when absent).
 */
export function pointsLost(report: Report, d: DecisionResult): number {
  let lost = 0;
  const ids = new Set([...Object.keys(d.bestPoints), ...Object.keys(d.points)]);
  for (const id of ids) {
    const weight = report.competencies[id]?.weight ?? 1;
    lost += weight * ((d.bestPoints[id] ?? 0) - (d.points[id] ?? 0));
  }
  return Math.max(0, lost);
}

export function decisionQuality(report: Report, d: DecisionResult): Quality {
  if (d.critical) return 'critical';
  if (pointsLost(report, d) <= 0) return 'best';
  // A missed event, a check not made, or a step withdrawn unanswered (no option) was missed.
  return d.kind === 'missedEvent' || d.kind === 'check' || d.optionId === null
    ? 'missed'
    : 'partial';
}

/**
 * The `count` most valuable lessons: decisions that were not the best, critical errors first,
 * then by weighted points lost (most first), then in session order.
 */
export function topLessons(report: Report, count = 3): DecisionResult[] {
  return report.decisions
    .map((d) => ({ d, quality: decisionQuality(report, d), lost: pointsLost(report, d) }))
    .filter((x) => x.quality !== 'best')
    .sort(
      (a, b) =>
        Number(b.quality === 'critical') - Number(a.quality === 'critical') ||
        b.lost - a.lost ||
        a.d.index - b.d.index,
    )
    .slice(0, count)
    .map((x) => x.d);
}

export interface PhaseGroup {
  phase: PhaseId | null;
  decisions: DecisionResult[];
  /** How many of them were not the best option. */
  belowBest: number;
}

/** The decisions grouped by phase, in session order (a phase met twice is one group). */
export function decisionsByPhase(report: Report): PhaseGroup[] {
  const groups: PhaseGroup[] = [];
  for (const d of report.decisions) {
    let group = groups.find((g) => g.phase === d.phase);
    if (!group) groups.push((group = { phase: d.phase, decisions: [], belowBest: 0 }));
    group.decisions.push(d);
    if (decisionQuality(report, d) !== 'best') group.belowBest += 1;
  }
  return groups;
}

/** A horizontal line on a vitals chart: the protocol's guide (amber) or an alarm limit (red). */
export interface ChartLine {
  signal: SignalKey;
  value: number;
  kind: 'guide' | 'alarm';
  label: string;
}

/**
 * The lines the protocol draws on each signal: the pre-dose blood-pressure guide
 * (`thresholds.predose`) and the monitor's alarm limits (`thresholds.alarm`).
 */
export function protocolLines(protocol: Pick<ScenarioV1['protocol'], 'thresholds'>): ChartLine[] {
  const lines: ChartLine[] = [];
  const { predose, alarm } = protocol.thresholds;
  lines.push({ signal: 'systolic', value: predose.systolicMax, kind: 'guide', label: 'guide' });
  lines.push({ signal: 'diastolic', value: predose.diastolicMax, kind: 'guide', label: 'guide' });
  const limits: [keyof typeof alarm, SignalKey, string][] = [
    ['systolicMax', 'systolic', 'alarm'],
    ['diastolicMax', 'diastolic', 'alarm'],
    ['heartRateMax', 'heartRate', 'alarm high'],
    ['heartRateMin', 'heartRate', 'alarm low'],
    ['spo2Min', 'spo2', 'alarm low'],
    ['respiratoryRateMax', 'respiratoryRate', 'alarm high'],
    ['respiratoryRateMin', 'respiratoryRate', 'alarm low'],
  ];
  for (const [field, signal, label] of limits) {
    const value = alarm[field];
    if (value !== undefined) lines.push({ signal, value, kind: 'alarm', label });
  }
  return lines;
}

/**
 * "Nice" axis ticks covering [min, max]: about `count` steps of 1, 2 or 5 × 10ⁿ.
 * Returns the ticks, first ≤ min and last ≥ max. Throws nothing; a flat range gets a span of 1.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // The 1, 2 or 5 × 10ⁿ step whose number of steps is nearest `count`.
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((a, b) =>
      Math.abs((max - min) / b - count) < Math.abs((max - min) / a - count) ? b : a,
    );
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v < max + step; v += step) {
    ticks.push(Number(v.toFixed(6)));
    if (v >= max) break;
  }
  return ticks;
}
