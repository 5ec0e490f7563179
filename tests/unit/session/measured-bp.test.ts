/**
 * The gates judge blood pressure as measured: the reading the option takes, or the last cuff
 * reading, never a modelled value the trainee has not seen (a trainee's intramuscular session,
 * where the discharge refusal quoted a systolic the monitor never showed).
 */
import { describe, expect, it } from 'vitest';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { dischargeRefusal } from '../../../src/engine/session/gates.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { CAREFUL, IM } from './im-paths.ts';

/** The trainee's choices up to the discharge step at minute 150. */
const TRIAL = [
  ...CAREFUL,
  'm1-brief',
  'md-here',
  'm4-check',
  'g1-reflect',
  'g2-check',
  'g3-touch',
  'i4-check',
  'g4-slow',
  'i1-welcome',
  'i2-honest',
  'i3-explore',
];

/** Plays `ids` in order, letting a minute pass whenever the next choice is not yet open. */
function play(ids: string[]): SessionSnapshot {
  let s = initialSnapshot(IM, { seed: 1, mode: 'assessment' });
  const send = (e: SessionEvent) => (s = step(s, e));
  send({ type: 'session.begin' });
  for (const id of ids) {
    for (let guard = 0; guard < 300; guard++) {
      const before = s.context.log.length;
      send({ type: 'trainee.choose', optionId: id });
      if (s.context.log.at(-1)?.accepted && s.context.log.length > before) break;
      send({ type: 'clock.advance', minutes: 1 });
    }
    expect(s.context.lastChoice?.optionId, `choice ${id}`).toBe(id);
  }
  for (let guard = 0; guard < 60 && !s.context.stepShown; guard++)
    send({ type: 'clock.advance', minutes: 1 });
  expect(s.context.stepId).toBe('int-discharge');
  expect(s.context.stepShown).toBe(true);
  return s;
}

const lastReading = (s: SessionSnapshot) => s.context.monitor.readings.at(-1)!;

/**
 * The trial's moment: the monitor holds a reading at the limit (140) while the modelled pressure,
 * unmeasured, is one above it (141).
 */
function trialMoment(): SessionSnapshot {
  const s = play(TRIAL);
  const limit = IM.protocol.discharge.limits.systolicMax!;
  const c = s.context;
  const held = { ...c.monitor.readings.at(-1)!, systolic: limit };
  return {
    ...s,
    context: {
      ...c,
      vitals: { ...c.vitals, systolic: limit + 1 },
      monitor: { ...c.monitor, readings: c.monitor.readings.append(held) },
    },
  } as SessionSnapshot;
}

describe('the discharge gate judges the blood pressure as measured', () => {
  it('reproduces the trial: the final reading is taken, shown, and the refusal quotes it', () => {
    const s = trialMoment();
    const limit = IM.protocol.discharge.limits.systolicMax!;
    const after = step(s, { type: 'trainee.choose', optionId: 'i5-criteria' });
    const entry = after.context.log.at(-1)!;
    expect(entry.accepted).toBe(false);
    expect(entry.accepted === false && entry.reason).toContain(
      `systolic is ${limit + 1} on the reading just taken, above the discharge limit of ${limit}`,
    );
    // The monitor shows the reading the refusal quotes, taken now.
    expect(lastReading(after)).toMatchObject({ systolic: limit + 1, clock: s.context.clock });
  });

  it("a discharge that takes no reading is judged on the monitor's reading, not the model", () => {
    const s = trialMoment();
    const quick = s.context.index.options.get('i5-quick')!.option;
    expect(dischargeRefusal(s.context, quick) ?? '').not.toContain('systolic');
  });

  it('judges a discharge that takes a final reading on that reading, and the monitor shows it', () => {
    const s = play(TRIAL);
    expect(s.context.stepId).toBe('int-discharge');
    const modelled = s.context.vitals.systolic;
    const after = step(s, { type: 'trainee.choose', optionId: 'i5-criteria' });
    const reading = lastReading(after);
    // The reading is taken now, whether the gate then accepts or refuses.
    expect(reading.clock).toBe(s.context.clock);
    expect(reading.systolic).toBe(modelled);
    const entry = after.context.log.at(-1)!;
    const limit = IM.protocol.discharge.limits.systolicMax!;
    if (reading.systolic > limit) {
      expect(entry.accepted).toBe(false);
      expect(entry.accepted === false && entry.reason).toContain(
        `systolic is ${reading.systolic} on the reading just taken`,
      );
    } else expect(after.context.status).not.toBe('running');
  });

  it('judges a discharge that takes no reading on the last cuff reading, quoting its minute', () => {
    const s = play(TRIAL);
    const last = lastReading(s);
    // A modelled pressure above the limit, unmeasured, does not refuse; a measured one does.
    const limit = IM.protocol.discharge.limits.systolicMax!;
    const unseen = { ...s.context, vitals: { ...s.context.vitals, systolic: limit + 5 } };
    const quick = s.context.index.options.get('i5-quick')!.option;
    const reason = dischargeRefusal(unseen, quick) ?? '';
    if (last.systolic <= limit) expect(reason).not.toContain('systolic');
    const measuredHigh = {
      ...s.context,
      monitor: {
        ...s.context.monitor,
        readings: s.context.monitor.readings.append({ ...last, systolic: limit + 1 }),
      },
    };
    expect(dischargeRefusal(measuredHigh, quick)).toContain(
      `systolic is ${limit + 1} on the last cuff reading (minute ${last.clock} since arrival)`,
    );
  });

  it('the refusal never quotes a systolic the monitor does not show', () => {
    let s = play(TRIAL);
    for (let i = 0; i < 30 && s.context.status === 'running'; i++) {
      s = step(s, { type: 'trainee.choose', optionId: 'i5-criteria' });
      const entry = s.context.log.at(-1)!;
      if (entry.accepted) break;
      const quoted = /systolic is (\d+)/.exec(entry.reason ?? '');
      if (quoted) expect(Number(quoted[1])).toBe(lastReading(s).systolic);
      s = step(s, { type: 'clock.advance', minutes: 1 });
    }
  });
});
