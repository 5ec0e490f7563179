/**
 * The monitor's blood pressure: a reading exists only after a cuff cycle, the display holds it
 * between cycles, the trainee's measurement takes the cycle's minute and does not lift a rest
 * early, automatic cycles follow the interval, and the trainee's alarm limits are checked, kept
 * with the attempt and followed by the marks.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { replay } from '../../../src/engine/session/session.ts';
import { attemptFromContext } from '../../../src/engine/session/machine.ts';
import {
  alarmLimitProblems,
  monitorMarks,
  nibpDisplay,
  NIBP_CYCLE_MINUTES,
  protocolNibpInterval,
  stepNibp,
  type MonitorState,
} from '../../../src/engine/session/nibp.ts';
import { AppendList } from '../../../src/engine/session/append-list.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { decodeSuspendData, encodeSuspendData } from '../../../src/engine/results/suspend-data.ts';
import { loadFixture, loadScenarioFile } from './fixtures.ts';

type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });
const measure: SessionEvent = { type: 'trainee.act', action: 'checkVitals' };
const interval = (minutes: number | null): SessionEvent => ({
  type: 'trainee.monitor',
  setting: 'nibpInterval',
  minutes,
});

function start(scenario: ScenarioV1 = loadFixture(), seed = 7): Snap {
  const [s] = initialTransition(sessionMachine, { scenario, seed, mode: 'assessment' });
  return transition(sessionMachine, s, { type: 'session.begin' })[0];
}

function send(s: Snap, ...events: (SessionEvent | string)[]): Snap {
  for (const e of events)
    s = transition(sessionMachine, s, typeof e === 'string' ? choose(e) : e)[0];
  return s;
}

const last = (s: Snap) => s.context.log.at(s.context.log.length - 1)!;
const monitorView = (s: Snap) => viewSession(s).monitor;

const REST_FIXTURE = new URL('../../fixtures/engine/visit/rest-and-recheck.json', import.meta.url)
  .pathname;

describe('protocolNibpInterval: the default automatic interval', () => {
  const at = (...minutes: number[]) => ({
    monitoring: minutes.map((m, i) => ({
      id: `c${i}`,
      label: 'check',
      atMinute: m,
      windowMinutes: 5,
      competency: 'safety',
      points: 1,
    })),
  });
  it('is the shortest gap between scheduled checks when a monitor offers it', () => {
    expect(protocolNibpInterval(at(15, 30, 45, 60, 90, 120))).toBe(15);
  });
  it('is taken down to the longest offered interval within the gap', () => {
    expect(protocolNibpInterval(at(40, 110))).toBe(60);
    expect(protocolNibpInterval(at(15, 40, 60, 110))).toBe(15);
  });
  it('is manual with fewer than two checks after the dose', () => {
    expect(protocolNibpInterval(at(40))).toBeNull();
    expect(protocolNibpInterval(at())).toBeNull();
    const arrival = at(10, 20);
    for (const c of arrival.monitoring) Object.assign(c, { from: 'arrival' });
    expect(protocolNibpInterval(arrival)).toBeNull();
  });
});

describe('NIBP: a reading only after a cuff cycle', () => {
  it('shows no blood pressure before the first measurement', () => {
    const s = start();
    expect(monitorView(s).nibp.last).toBeNull();
    expect(monitorView(s).readings.toArray()).toEqual([]);
  });

  it("the trainee's measurement takes one cycle of the clock and reads the pressure at its end", () => {
    const before = send(start(), 'prep-consent', 'prep-screening');
    const after = send(before, measure);
    expect(after.context.clock).toBe(before.context.clock + NIBP_CYCLE_MINUTES);
    const nibp = monitorView(after).nibp;
    expect(nibp.last).toMatchObject({
      clock: after.context.clock,
      systolic: after.context.vitals.systolic,
      diastolic: after.context.vitals.diastolic,
      source: 'trainee',
    });
    expect(nibp.ageMinutes).toBe(0);
    // It is the protocol's pre-dose check.
    expect(after.context.facts.bpChecked).toBe(true);
  });

  it('holds the last reading between cycles, never the modelled value', () => {
    let s = send(start(), 'prep-consent', 'prep-screening', 'adm-check', 'adm-give');
    s = send(s, interval(null), measure);
    const reading = monitorView(s).nibp.last!;
    // Toward the peak the modelled pressure rises; the display keeps the reading and its age.
    s = send(s, advance(20));
    expect(s.context.vitals.systolic).not.toBe(reading.systolic);
    expect(monitorView(s).nibp.last).toEqual(reading);
    expect(monitorView(s).nibp.ageMinutes).toBe(20);
  });

  it('cycles automatically at the interval after the dose; each reading is the modelled value at its end', () => {
    let s = send(start(), 'prep-consent', 'prep-screening', 'adm-check', 'adm-give');
    const dose = s.context.doseClock!;
    s = send(s, interval(5), advance(12));
    const auto = monitorView(s).readings.filter((r) => r.source === 'auto');
    // Chosen at the dose minute: cycles start at +0, +5, +10 and read a minute later.
    expect(auto.map((r) => r.clock - dose)).toEqual([1, 6, 11]);
    const history = viewSession(s).vitalsHistory;
    for (const r of auto) {
      const sample = history.find((h) => h.minute === r.clock - dose)!;
      expect([r.systolic, r.diastolic]).toEqual([sample.systolic, sample.diastolic]);
    }
    // A cycle started at +10 has read; the next starts at +15.
    expect(monitorView(s).nibp.nextCycleAt! - dose).toBe(15);
  });

  it('takes no automatic reading before the dose, whatever the interval', () => {
    const s = send(start(), 'prep-consent', interval(3), advance(10));
    expect(monitorView(s).readings.toArray()).toEqual([]);
  });

  it('shows a running automatic cycle and the minute its reading comes', () => {
    const m: MonitorState = {
      intervalMinutes: 5,
      intervalChosenAt: null,
      readings: AppendList.empty(),
      limits: null,
    };
    // Dosed at arrival minute 2: cycles start at 2, 7, 12…
    expect(nibpDisplay(m, 2, 7)).toMatchObject({ readingAt: 8, nextCycleAt: 12 });
    expect(stepNibp(m, 2, 7, { systolic: 120, diastolic: 80 }).reading).toBeNull();
    const read = stepNibp(m, 2, 8, { systolic: 131, diastolic: 83 });
    expect(read.reading).toMatchObject({ clock: 8, systolic: 131, diastolic: 83, source: 'auto' });
    expect(nibpDisplay(read.monitor, 2, 8)).toMatchObject({ readingAt: null, ageMinutes: 0 });
  });

  it('refuses an interval no monitor here offers, with the intervals it does', () => {
    const s = send(start(), interval(7));
    expect(last(s).accepted).toBe(false);
    expect(last(s).reason).toMatch(/manual or one of 3, 5, 10, 15, 30, 60 minutes/);
  });
});

describe('Check vitals and the rest before a recheck', () => {
  it('a measurement before the rest is over records the reading but does not lift the delay', () => {
    const scenario = loadScenarioFile(REST_FIXTURE);
    let s = send(start(scenario), 'prep-consent', 'prep-screening', 'adm-check', 'adm-rest');
    const restUntil = s.context.recheckFrom!;
    s = send(s, measure);
    expect(s.context.clock).toBeLessThan(restUntil);
    expect(monitorView(s).nibp.last?.source).toBe('trainee');
    expect(s.context.recheckFrom).toBe(restUntil);
    // Only a check after the rest lifts the delay; then the dose is given.
    s = send(s, advance(restUntil - s.context.clock), 'adm-recheck', 'adm-give-rested');
    expect(last(s).accepted).toBe(true);
    expect(s.context.facts.dosed).toBe(true);
  });

  it('a measurement whose cycle ends after the rest lifts it', () => {
    const scenario = loadScenarioFile(REST_FIXTURE);
    let s = send(start(scenario), 'prep-consent', 'prep-screening', 'adm-check', 'adm-rest');
    const restUntil = s.context.recheckFrom!;
    s = send(s, advance(restUntil - s.context.clock - NIBP_CYCLE_MINUTES), measure);
    expect(s.context.clock).toBe(restUntil);
    expect(s.context.recheckFrom).toBeNull();
  });
});

describe("the trainee's alarm limits", () => {
  const setLimits = (limits: Record<string, number>): SessionEvent => ({
    type: 'trainee.monitor',
    setting: 'alarmLimits',
    limits,
  });

  it("start as the protocol's", () => {
    const s = start();
    expect(monitorView(s).limits).toEqual(s.context.index.scenario.protocol.thresholds.alarm);
    expect(monitorView(s).ownLimits).toBe(false);
  });

  it('say what is wrong with each field: not a number, out of range, low at or above high', () => {
    expect(alarmLimitProblems({ heartRateMax: 'fast' }).heartRateMax).toMatch(/Enter a number/);
    expect(alarmLimitProblems({ spo2Min: '120' }).spo2Min).toMatch(/from 50 to 100/);
    expect(alarmLimitProblems({ heartRateMin: '130', heartRateMax: '120' }).heartRateMin).toMatch(
      /below the high limit \(120\)/,
    );
    expect(alarmLimitProblems({ heartRateMin: '50', heartRateMax: '120', spo2Min: '' })).toEqual(
      {},
    );
  });

  it('are refused by the engine when wrong, with the same message', () => {
    const s = send(start(), setLimits({ respiratoryRateMin: 30, respiratoryRateMax: 20 }));
    expect(last(s).accepted).toBe(false);
    expect(last(s).reason).toMatch(/respiratoryRateMin: The low limit must be below/);
  });

  it('are kept with the attempt: a replay of its log has them', () => {
    const limits = { heartRateMax: 110, heartRateMin: 45, spo2Min: 94, systolicMax: 160 };
    const s = send(start(), setLimits(limits), interval(5));
    const replayed = replay(s.context.index.scenario, attemptFromContext(s.context));
    expect(monitorView(replayed).limits).toEqual(limits);
    expect(monitorView(replayed).ownLimits).toBe(true);
    expect(replayed.context.monitor.intervalMinutes).toBe(5);
  });

  it('survive the compact SCORM form of the attempt', () => {
    const limits = { heartRateMax: 110, systolicMax: 160 };
    const s = send(start(), setLimits(limits), interval(null));
    const scenario = s.context.index.scenario;
    const attempt = attemptFromContext(s.context);
    const decoded = decodeSuspendData(scenario, encodeSuspendData(scenario, attempt));
    expect(decoded).toMatchObject({ ok: true, attempt: { events: attempt.events } });
  });

  it('mark the shown values: heart rate now, blood pressure only as last read', () => {
    const vitals = loadFixture().patient.baseline;
    const limits = { heartRateMax: 70, systolicMax: 125 };
    // No reading yet: the modelled 128 systolic raises no mark.
    expect(monitorMarks(vitals, null, limits).map((m) => m.signal)).toEqual(['heartRate']);
    const reading = { clock: 3, systolic: 130, diastolic: 80, source: 'trainee' as const };
    expect(monitorMarks(vitals, reading, limits)).toContainEqual({
      signal: 'systolic',
      value: 130,
      limit: 125,
      direction: 'high',
    });
    // With the protocol's limits (alarm above 150) neither is marked.
    expect(monitorMarks(vitals, reading, { systolicMax: 150 })).toEqual([]);
  });
});
