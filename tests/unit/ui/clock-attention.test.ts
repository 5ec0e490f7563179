import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demandsOf, newDemand } from '../../../src/ui/clock-attention.ts';
import { DEFAULT_SPEED, Ticker, type Speed } from '../../../src/ui/ticker.svelte.ts';
import type { Session } from '../../../src/ui/session.svelte.ts';
import type { SessionView } from '../../../src/ui/engine-bridge.ts';

type Step = SessionView['step'];
const timed = (id: string): Step => ({ id, speaker: 'patient', text: 'Hm.', until: 14 });
const alarm = {
  signal: 'systolic' as const,
  value: 185,
  limit: 180,
  direction: 'high' as const,
};
const event = { id: 'e1', text: 'He looks pale.', deadline: 9, options: [] };

/** A view with only what the clock reads. */
function viewAt(minute: number, extra: Partial<SessionView> = {}): SessionView {
  return {
    status: 'running',
    paused: false,
    clock: { sinceArrival: minute, sinceDose: null, limit: 120 },
    step: null,
    openEvents: [],
    alarms: [],
    minutesToNextEvent: null,
    ...extra,
  } as unknown as SessionView;
}

describe('what is new asks for an answer', () => {
  const none = demandsOf(viewAt(0));
  it('a new step with a deadline, a new event or a new alarm is new', () => {
    expect(newDemand(none, demandsOf(viewAt(4, { step: timed('m1') })))).toBe(true);
    expect(newDemand(none, demandsOf(viewAt(4, { openEvents: [event] })))).toBe(true);
    expect(newDemand(none, demandsOf(viewAt(4, { alarms: [alarm] })))).toBe(true);
  });
  it('the same demands, one that has gone, or a step without a deadline are not', () => {
    const open = demandsOf(viewAt(4, { step: timed('m1'), alarms: [alarm] }));
    expect(newDemand(open, demandsOf(viewAt(5, { step: timed('m1'), alarms: [alarm] })))).toBe(
      false,
    );
    expect(newDemand(open, none)).toBe(false);
    const untimed = { id: 'a1', speaker: 'patient', text: 'Hello.' };
    expect(newDemand(none, demandsOf(viewAt(1, { step: untimed })))).toBe(false);
  });
});

describe('the running clock and something new', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A session whose minute-4 step has a deadline; `clock.advance` moves its view on. */
  function session(): Session {
    const s = {
      view: viewAt(0),
      send(e: { type: string; minutes?: number }) {
        if (e.type !== 'clock.advance') return;
        const minute = s.view.clock.sinceArrival + (e.minutes ?? 0);
        s.view = viewAt(minute, minute >= 4 ? { step: timed('m1') } : {});
      },
    };
    return s as unknown as Session;
  }

  function runFor(speed: Speed, seconds: number): { ticker: Ticker; s: Session } {
    const s = session();
    const ticker = new Ticker(s);
    ticker.speed = speed;
    ticker.running = true;
    ticker.sync();
    vi.advanceTimersByTime(seconds * 1000);
    return { ticker, s };
  }

  it('faster than the default speed it stops at the new timed step and says why', () => {
    const { ticker, s } = runFor(4, 5);
    expect(s.view.clock.sinceArrival).toBe(4);
    expect(ticker.hold).toBe('attention');
    expect(ticker.active).toBe(false);
    // Running it again (C) releases the hold: the clock moves on past the same step.
    ticker.toggle();
    vi.advanceTimersByTime(1000);
    expect(s.view.clock.sinceArrival).toBeGreaterThan(4);
    expect(ticker.hold).toBe(null);
    ticker.stop();
  });

  it('at the default speed it keeps running: the time pressure is part of the exercise', () => {
    const { ticker, s } = runFor(DEFAULT_SPEED, 24);
    expect(s.view.clock.sinceArrival).toBe(6);
    expect(ticker.hold).toBe(null);
    ticker.stop();
  });
});
