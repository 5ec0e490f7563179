import { describe, expect, it } from 'vitest';
import {
  cuffDescription,
  cuffPoints,
  heldSteps,
  lastBeforeDose,
} from '../../../src/ui/debrief-bp.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { loadScenarioFile } from '../session/fixtures.ts';
import { fileURLToPath } from 'node:url';
import type { NibpReading } from '../../../src/engine/index.ts';

const reading = (clock: number, systolic: number, diastolic: number): NibpReading => ({
  clock,
  systolic,
  diastolic,
  source: 'auto',
});

describe('blood pressure on the debrief chart: cuff readings only', () => {
  const readings = [reading(8, 150, 95), reading(12, 138, 86), reading(27, 141, 90)];
  const clock = { sinceArrival: 60, sinceDose: 48, limit: 200 }; // dosed at arrival minute 12

  it('puts the readings from the dose on at their minutes since the dose', () => {
    expect(cuffPoints(readings, clock).map((p) => [p.minute, p.systolic])).toEqual([
      [0, 138],
      [15, 141],
    ]);
    expect(lastBeforeDose(readings, clock)).toMatchObject({ minute: -4, systolic: 150 });
  });

  it('has nothing on the dose clock before the dose', () => {
    const predose = { sinceArrival: 20, sinceDose: null, limit: 120 };
    expect(cuffPoints(readings, predose)).toEqual([]);
    expect(lastBeforeDose(readings, predose)).toBeNull();
  });

  it('holds each reading until the next and the last to the end: no value between readings', () => {
    const steps = heldSteps(
      [
        { minute: 0, value: 138 },
        { minute: 15, value: 141 },
      ],
      48,
    );
    expect(steps).toEqual([
      [0, 138],
      [15, 138],
      [15, 141],
      [48, 141],
    ]);
    // Every corner's value is a reading's value.
    expect(new Set(steps.map(([, v]) => v))).toEqual(new Set([138, 141]));
    expect(heldSteps([], 48)).toEqual([]);
  });

  it('plots a played session from the monitor readings, not the modelled pressure', () => {
    const scenario = loadScenarioFile(
      fileURLToPath(
        new URL('../../../scenarios/trd-sublingual-first-session.json', import.meta.url),
      ),
    );
    const { view } = playHeadless(scenario, { seed: 3, mode: 'assessment', strategy: 'best' });
    const points = cuffPoints(view.monitor.readings, view.clock);
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThan(view.vitalsHistory.length / 2);
    for (const p of points) {
      const r = view.monitor.readings.find(
        (x) => x.clock - (view.clock.sinceArrival - view.clock.sinceDose!) === p.minute,
      )!;
      expect([p.systolic, p.diastolic]).toEqual([r.systolic, r.diastolic]);
    }
  });
});

describe('the blood-pressure chart in words', () => {
  it('lists the cuff readings with their minutes, and the last one before the dose', () => {
    const text = cuffDescription(
      [
        { minute: 0, systolic: 138, diastolic: 86, source: 'trainee' },
        { minute: 40, systolic: 143, diastolic: 90, source: 'auto' },
      ],
      { minute: -4, systolic: 150, diastolic: 95, source: 'trainee' },
    );
    expect(text).toContain('Last reading before the dose: 150/95 at minute -4.');
    expect(text).toContain(
      'Systolic: 2 cuff readings (138 at minute 0, 143 at minute 40), highest 143, lowest 138.',
    );
    expect(text).toContain('Diastolic: 2 cuff readings (86 at minute 0, 90 at minute 40)');
  });

  it('says when no reading was taken after the dose', () => {
    expect(cuffDescription([], null)).toBe('No cuff reading was taken after the dose.');
  });
});
