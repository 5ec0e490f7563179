/**
 * Blood-pressure alarms come only from cuff readings (nibp.ts `monitorAlarms`): the modelled
 * pressure between readings never raises one; a reading outside the limits raises it at the
 * reading's minute. An event triggered on systolic pressure (the IM scenario's monitor alarm)
 * fires from a reading too.
 */
import { describe, expect, it } from 'vitest';
import { step, type SessionSnapshot } from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { HURRIED, IM, dosed } from './im-paths.ts';

const send = (s: SessionSnapshot, e: SessionEvent) => step(s, e);
const BP = new Set(['systolic', 'diastolic']);

/** One minute at a time, never answering, until `minute` after the dose. */
function waitUntil(s: SessionSnapshot, minute: number): SessionSnapshot {
  while (viewSession(s).status === 'running' && (viewSession(s).minute ?? 0) < minute)
    s = send(s, { type: 'clock.advance', minutes: 1 });
  return s;
}

describe('blood-pressure alarms come from cuff readings only', () => {
  it('with the cuff on manual, the modelled rise past the limit raises no alarm until a reading', () => {
    let s = send(dosed(IM, HURRIED), {
      type: 'trainee.monitor',
      setting: 'nibpInterval',
      minutes: null,
    });
    s = waitUntil(s, 30);
    const limit = IM.protocol.thresholds.alarm.systolicMax!;
    const modelled = viewSession(s)
      .vitalsHistory.toArray()
      .map((v) => v.systolic);
    // The model did cross the limit: the test would see an alarm if the model raised them.
    expect(Math.max(...modelled)).toBeGreaterThan(limit);
    expect(s.context.alarms.filter((a) => BP.has(a.signal))).toEqual([]);
    expect(s.context.fired).not.toContain('bp-alarm');

    const before = s.context.clock;
    s = send(s, { type: 'trainee.act', action: 'checkVitals' });
    const reading = s.context.monitor.readings.at(-1)!;
    expect(reading.clock).toBeGreaterThanOrEqual(before);
    expect(reading.systolic).toBeGreaterThan(limit);
    const raised = s.context.alarms.filter((a) => a.signal === 'systolic');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ raisedClock: reading.clock, value: reading.systolic });
  });

  it('with the automatic cycle, every blood-pressure alarm and the monitor event sound at a reading beyond the limit', () => {
    const s = waitUntil(dosed(IM, HURRIED), 60);
    const readings = s.context.monitor.readings.toArray();
    const limits = IM.protocol.thresholds.alarm;
    const bpAlarms = s.context.alarms.filter((a) => BP.has(a.signal));
    expect(bpAlarms.length).toBeGreaterThan(0);
    for (const a of bpAlarms) {
      const r = readings.find((x) => x.clock === a.raisedClock);
      expect(r, `a reading at arrival minute ${a.raisedClock}`).toBeDefined();
      expect(r![a.signal as 'systolic' | 'diastolic']).toBe(a.value);
    }
    // The scenario's monitor-alarm event (trigger: systolic above 160) fired from a reading.
    const line = s.context.transcript
      .toArray()
      .find((t) => t.text.startsWith('The monitor alarm sounds'));
    expect(line).toBeDefined();
    const firedAt = line!.minute! + s.context.doseClock!;
    const r = readings.filter((x) => x.clock <= firedAt).at(-1)!;
    expect(r.systolic).toBeGreaterThan(limits.systolicMax!);
    expect(r.clock).toBe(firedAt);
  });
});
