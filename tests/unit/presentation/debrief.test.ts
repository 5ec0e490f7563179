import { describe, expect, it } from 'vitest';
import {
  decisionQuality,
  decisionsByPhase,
  niceTicks,
  pointsLost,
  protocolLines,
  topLessons,
} from '../../../src/engine/presentation/debrief.ts';
import type { DecisionResult, Report } from '../../../src/engine/scoring/score.ts';

const decision = (index: number, over: Partial<DecisionResult>): DecisionResult => ({
  index,
  phase: 'preparation',
  kind: 'step',
  optionId: 'a',
  optionText: 'A',
  bestOptionId: 'a',
  bestOptionText: 'A',
  points: { safety: 2 },
  bestPoints: { safety: 2 },
  minute: null,
  ...over,
});

const report = (decisions: DecisionResult[]): Report =>
  ({
    competencies: {
      safety: { id: 'safety', weight: 2 },
      alliance: { id: 'alliance', weight: 1 },
    },
    decisions,
  }) as unknown as Report;

describe('debrief presentation', () => {
  it('weighs points lost by competency weight and names the quality', () => {
    const weaker = decision(0, { optionId: 'b', points: { safety: 0, alliance: 1 } });
    const r = report([weaker]);
    // 2 × (2 − 0) + 1 × (0 − 1) = 3
    expect(pointsLost(r, weaker)).toBe(3);
    expect(decisionQuality(r, weaker)).toBe('partial');
    expect(decisionQuality(r, decision(1, {}))).toBe('best');
    expect(decisionQuality(r, decision(2, { kind: 'check', points: {} }))).toBe('missed');
    // A step withdrawn unanswered at its deadline: no option, missed.
    expect(decisionQuality(r, decision(4, { optionId: null, points: {} }))).toBe('missed');
    expect(decisionQuality(r, decision(3, { critical: 'Harm.' }))).toBe('critical');
  });

  it('picks three lessons: critical first, then the costliest, never a best choice', () => {
    const r = report([
      decision(0, {}),
      decision(1, { optionId: 'b', points: { safety: 1 } }),
      decision(2, { optionId: 'c', points: { safety: -2 } }),
      decision(3, { optionId: 'd', points: { safety: 1 }, critical: 'Harm.' }),
      decision(4, { optionId: 'e', points: { safety: 0 } }),
    ]);
    expect(topLessons(r).map((d) => d.index)).toEqual([3, 2, 4]);
  });

  it('groups decisions by phase with the number below the best', () => {
    const r = report([
      decision(0, {}),
      decision(1, { phase: 'monitoring', optionId: 'b', points: {} }),
      decision(2, { phase: 'monitoring' }),
    ]);
    expect(decisionsByPhase(r).map((g) => [g.phase, g.decisions.length, g.belowBest])).toEqual([
      ['preparation', 1, 0],
      ['monitoring', 2, 1],
    ]);
  });

  it('draws the protocol guide and the alarm limits that exist', () => {
    const lines = protocolLines({
      thresholds: {
        predose: { systolicMax: 140, diastolicMax: 90 },
        alarm: { systolicMax: 180, spo2Min: 92 },
      },
    });
    expect(lines.map((l) => `${l.signal} ${l.kind} ${l.value}`)).toEqual([
      'systolic guide 140',
      'diastolic guide 90',
      'systolic alarm 180',
      'spo2 alarm 92',
    ]);
  });

  it('chooses round axis ticks that cover the range', () => {
    expect(niceTicks(62, 148)).toEqual([60, 80, 100, 120, 140, 160]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    const flat = niceTicks(98, 98);
    expect(flat[0]).toBeLessThanOrEqual(98);
    expect(flat[flat.length - 1]).toBeGreaterThanOrEqual(99);
  });
});
