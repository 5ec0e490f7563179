/**
 * The statechart is the truth: pause is a state that resume leaves for exactly the state it
 * interrupted, phase changes are drawn edges, and every refused event carries a reason from the
 * one refusal function.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { refusal } from '../../../src/engine/session/gates.ts';
import { AFTER_DOSE, PHASES } from '../../../src/engine/session/phases.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture } from './fixtures.ts';

type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];
const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });

function play(...events: (SessionEvent | string)[]): Snap {
  let [s] = initialTransition(sessionMachine, {
    scenario: loadFixture(),
    seed: 3,
    mode: 'practice',
  });
  for (const e of [{ type: 'session.begin' } as SessionEvent, ...events])
    s = transition(sessionMachine, s, typeof e === 'string' ? choose(e) : e)[0];
  return s;
}

describe('pause is a state', () => {
  it('pausing in the dosed state and resuming returns to both regions as they were', () => {
    const dosed = play('prep-consent', 'prep-screening', 'adm-check', 'adm-give');
    const paused = transition(sessionMachine, dosed, { type: 'session.pause' })[0];
    expect(paused.matches({ visit: 'paused' })).toBe(true);
    expect(paused.hasTag('paused')).toBe(true);
    expect(paused.hasTag('monitoring')).toBe(false);
    const resumed = transition(sessionMachine, paused, { type: 'session.resume' })[0];
    expect(resumed.value).toEqual(dosed.value);
    expect(viewSession(resumed).step).toEqual(viewSession(dosed).step);
  });

  it('while paused, the clock and choices are refused with the reason', () => {
    const paused = play('prep-consent', { type: 'session.pause' });
    for (const event of [
      { type: 'clock.advance', minutes: 1 },
      choose('prep-screening'),
      { type: 'trainee.act', action: 'checkVitals' },
    ] as SessionEvent[]) {
      const after = transition(sessionMachine, paused, event)[0];
      expect(after.context.log.at(-1)).toMatchObject({
        accepted: false,
        reason: 'The session is paused.',
      });
    }
  });
});

describe('one refusal function', () => {
  it('every refused event in the log carries the reason the refusal function gives', () => {
    const s = play('adm-give', 'no-such-option', { type: 'session.resume' }, {
      type: 'trainee.setting',
      setting: 'lights',
      value: 'purple',
    } as SessionEvent);
    const refused = s.context.log.filter((l) => !l.accepted);
    expect(refused).toHaveLength(4);
    for (const l of refused) expect(l.reason).toMatch(/\S/);
    expect(refusal(s.context, choose('no-such-option'))).toBe(
      'There is no option "no-such-option" in this scenario.',
    );
  });
});

describe('the phase table', () => {
  it('lists the five phases in session order, and the three after the dose', () => {
    expect(PHASES.map((p) => p.id)).toEqual([
      'preparation',
      'administration',
      'monitoring',
      'guidedConversation',
      'integration',
    ]);
    expect(AFTER_DOSE).toEqual(['monitoring', 'guidedConversation', 'integration']);
  });

  it('a phase-ending choice is a drawn edge: administration → dosed', () => {
    const config = sessionMachine.getStateNodeById('kap.visit.active.administration');
    const targets = config.on['trainee.choose']!.flatMap((t) => t.target ?? []).map((n) => n.id);
    expect(targets).toContain('kap.visit.active.dosed.therapy.acuteSupport');
    expect(targets).toContain('kap.debrief');
  });
});
