import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ITEM_H, ITEM_W, buildMap } from '../../../src/workspace/map-model.ts';

const template = JSON.parse(readFileSync('scenarios/templates/minimal.json', 'utf8')) as Record<
  string,
  unknown
>;

describe('the map: parallel options and the event and check lanes', () => {
  it('draws options between the same two boxes apart, centred', () => {
    const map = buildMap(template);
    const fromPeak = map.edges.filter(
      (e) => e.from === map.nodes.find((n) => n.id === 'mon-peak')!.key,
    );
    expect(fromPeak).toHaveLength(2);
    expect(fromPeak.map((e) => e.spread).sort((a, b) => a - b)).toEqual([-8, 8]);
    const single = map.edges.find((e) => e.optionId === 'admin-dose-defer')!;
    expect(single.spread).toBe(0);
  });

  it('places events and scheduled checks in their lanes by minute, without overlap', () => {
    const doc = {
      ...template,
      events: [
        {
          id: 'a',
          trigger: { atMinute: 30 },
          text: 'A',
          respond: {
            withinMinutes: 5,
            options: [],
            missed: { text: 'm', critical: { explanation: 'x' } },
          },
        },
        { id: 'b', trigger: { atMinute: 31 }, text: 'B' },
        { id: 'c', trigger: { vital: 'systolic', above: 160 }, text: 'C' },
      ],
    };
    const map = buildMap(doc);
    expect(map.timelineLanes.map((l) => l.kind)).toEqual(['event', 'check']);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => map.timeline.find((t) => t.id === id)!);
    expect(a!.when).toBe('minute 30, respond within 5 min');
    expect(a!.critical).toBe(true);
    expect(c!.when).toBe('systolic above 160');
    expect(a!.x).toBeLessThan(b!.x);
    // a and b would overlap on one row, so they take two.
    expect(Math.abs(a!.y - b!.y)).toBeGreaterThanOrEqual(ITEM_H);
    expect(a!.x + ITEM_W).toBeGreaterThan(b!.x);
    const check = map.timeline.find((t) => t.kind === 'check')!;
    expect(check).toMatchObject({ id: 'bp-check-40', path: '/protocol/monitoring/0' });
    // The lanes are below the phases and inside the map.
    const lastPhase = map.lanes.at(-1)!;
    expect(map.timelineLanes[0]!.y).toBeGreaterThan(lastPhase.y + lastPhase.height);
    expect(map.height).toBeGreaterThanOrEqual(
      map.timelineLanes[1]!.y + map.timelineLanes[1]!.height,
    );
  });
});
