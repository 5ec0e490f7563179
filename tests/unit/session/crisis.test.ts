/**
 * The patient's real state during and after an emergency (session/crisis.ts): the patient panel and
 * the options follow an open or missed event, by the scenario's crisis variants or, where it
 * declares none, by the engine's default (the event's own line and affect; `calm` options hidden).
 */
import { describe, expect, it } from 'vitest';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadScenarioFile } from './fixtures.ts';

const IM = loadScenarioFile(
  new URL('../../../scenarios/im-hypertensive-response.json', import.meta.url).pathname,
);
/** Preparation without asking about her morning tablets, then a careful dose. */
const TO_DOSE = ['p1-move-on', 'p2-review', 'p3-full', 'p4-prepare', 'p5-arrange'];
const ADMIN = ['a1-seated', 'a2-compare', 'a3-settle', 'a4-timeout'];

/**
 * Plays the intramuscular scenario to the quiet step at minute 20, answers the first alarm, and
 * moves the clock one minute at a time until `untilMinute` (minutes since the dose).
 */
function toMinute(scenario: ScenarioV1, untilMinute: number): SessionSnapshot {
  let s = initialSnapshot(scenario, { seed: 1, mode: 'practice' });
  const send = (e: SessionEvent) => (s = step(s, e));
  send({ type: 'session.begin' });
  for (const id of [...TO_DOSE, ...ADMIN]) send({ type: 'trainee.choose', optionId: id });
  for (let guard = 0; guard < 200; guard++) {
    const v = viewSession(s);
    if (v.minute !== null && v.minute >= untilMinute) break;
    if (v.step?.id === 'mon-onset') send({ type: 'trainee.choose', optionId: 'm1-brief' });
    else if (v.step?.id === 'mon-15') send({ type: 'trainee.choose', optionId: 'm2-check' });
    else if (v.openEvents[0]?.id === 'bp-alarm')
      send({ type: 'trainee.choose', optionId: v.openEvents[0].options[0]!.id });
    else send({ type: 'clock.advance', minutes: 1 });
  }
  return s;
}

/** The scenario without its crisis authoring: no variants on the quiet step, no calm marks. */
function undeclared(): ScenarioV1 {
  const copy = structuredClone(IM);
  for (const phase of copy.phases)
    for (const st of phase.steps) {
      if (st.id !== 'mon-deep') continue;
      delete st.variants;
      st.options = st.options.filter((o) => o.id !== 'md-call-now');
    }
  return copy;
}

/**
 * The scenario with the step after the quiet one moved to minute 28: the quiet step (minute 20) is
 * withdrawn the minute before the step after it is due (session/deadlines.ts), so this keeps it on
 * screen when the headache response is missed at minute 26.
 */
function laterRise(scenario: ScenarioV1): ScenarioV1 {
  const copy = structuredClone(scenario);
  for (const phase of copy.phases)
    for (const st of phase.steps) if (st.id === 'mon-rise') st.atMinute = 28;
  return copy;
}

describe('the patient panel and options after a missed emergency', () => {
  it('before the event, the quiet step shows the calm patient and offers silence', () => {
    const v = viewSession(toMinute(IM, 21));
    expect(v.step).toMatchObject({ id: 'mon-deep', affect: 'deeply absorbed, calm' });
    expect(v.options.map((o) => o.id)).toContain('md-silence');
  });

  it('while the crisis event is open, calm options are hidden and the panel shows the event', () => {
    const s = toMinute(IM, 23);
    const v = viewSession(s);
    expect(v.openEvents.map((e) => e.id)).toEqual(['severe-headache']);
    // The event is told apart above the patient's own line, which the step's options answer.
    expect(v.crisisNotice).toMatchObject({ kind: 'event', affect: 'frightened, grimacing' });
    expect(v.crisisNotice?.text).toContain('splitting');
    expect(v.step?.id).toBe('mon-deep');
    expect(v.step?.text).toMatch(/so much space/);
    expect(v.step?.affect).toBeUndefined();
    expect(v.options.map((o) => o.id)).toEqual(['md-here']);
    // A calm option cannot be chosen by id either: the refusal says why.
    const refused = step(s, { type: 'trainee.choose', optionId: 'md-silence' });
    expect(refused.context.log.toArray().at(-1)).toMatchObject({ accepted: false });
    expect(refused.context.log.toArray().at(-1)?.reason).toMatch(/not calm/);
  });

  it('after the event was missed, the scenario’s crisis variant is shown and written to the transcript', () => {
    const v = viewSession(toMinute(laterRise(IM), 26));
    expect(v.openEvents).toEqual([]);
    expect(v.step).toMatchObject({ id: 'mon-deep', affect: 'in pain, frightened' });
    expect(v.step?.text).toMatch(/curled on her side/);
    // The scenario's own variant speaks of the event: no separate notice.
    expect(v.crisisNotice).toBeNull();
    expect(v.transcript.at(-1)).toMatchObject({ speaker: 'patient', text: v.step?.text });
    const offered = v.options.map((o) => o.id);
    expect(offered).not.toContain('md-silence');
    expect(offered).toContain('md-call-now');
  });

  it('with nothing declared, the event’s own affect and the missed outcome take precedence', () => {
    const v = viewSession(toMinute(laterRise(undeclared()), 26));
    expect(v.step?.id).toBe('mon-deep');
    expect(v.crisisNotice).toMatchObject({ kind: 'missed', affect: 'frightened, grimacing' });
    expect(v.crisisNotice?.text).toMatch(/No one responds/);
    expect(v.step?.text).toMatch(/so much space/);
    expect(v.step?.affect).toBeUndefined();
    // The scenario still marks silence calm-only, so it is not offered while she is in crisis.
    expect(v.options.map((o) => o.id)).not.toContain('md-silence');
  });

  it('an unmarked scenario keeps its options but the panel still follows the event', () => {
    const bare = undeclared();
    for (const phase of bare.phases)
      for (const st of phase.steps) for (const o of st.options) delete o.calm;
    const v = viewSession(toMinute(laterRise(bare), 26));
    expect(v.crisisNotice?.affect).toBe('frightened, grimacing');
    expect(v.options.map((o) => o.id)).toContain('md-silence');
  });

  it('the next step presented is read on its own: the crisis default ends with the stale step', () => {
    let s = toMinute(laterRise(IM), 26);
    s = step(s, { type: 'trainee.choose', optionId: 'md-here' });
    s = step(s, { type: 'clock.advance', minutes: 2 });
    const v = viewSession(s);
    expect(v.step?.id).toBe('mon-rise');
    expect(v.step?.text).toMatch(/monitor has sounded again/);
  });

  it('an event condition reads the event state: open, missed, answered, or not fired', () => {
    const before = toMinute(IM, 21).context;
    const open = toMinute(IM, 23).context;
    const missed = toMinute(IM, 26).context;
    expect(before.eventStates['severe-headache']).toBeUndefined();
    expect(open.eventStates['severe-headache']).toBe('open');
    expect(missed.eventStates['severe-headache']).toBe('missed');
    expect(missed.eventStates['bp-alarm']).toBe('answered');
  });
});
