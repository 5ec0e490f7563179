import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { sessionMachine } from '../../../src/engine/session/machine.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionContext, SessionEvent } from '../../../src/engine/session/types.ts';
import { hostEffects } from '../../../src/engine/session/host-effects.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadFixture } from './fixtures.ts';

type Snap = ReturnType<typeof initialTransition<typeof sessionMachine>>[0];

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });
const checkVitals: SessionEvent = { type: 'trainee.act', action: 'checkVitals' };

function start(
  scenario: ScenarioV1 = loadFixture(),
  mode: 'practice' | 'assessment' = 'assessment',
  seed = 7,
): Snap {
  const [s] = initialTransition(sessionMachine, { scenario, seed, mode });
  return transition(sessionMachine, s, { type: 'session.begin' })[0];
}

function send(s: Snap, ...events: (SessionEvent | string)[]): Snap {
  for (const e of events)
    s = transition(sessionMachine, s, typeof e === 'string' ? choose(e) : e)[0];
  return s;
}

/** Plays the fixture to just after the dose (consent, screening, BP check, dose). */
const TO_DOSE = ['prep-consent', 'prep-screening', 'adm-check', 'adm-give'];

describe('session machine: phases and tags', () => {
  it('starts in the briefing and moves through the phases, readable as tags', () => {
    const [s0] = initialTransition(sessionMachine, {
      scenario: loadFixture(),
      seed: 1,
      mode: 'assessment',
    });
    expect(s0.hasTag('briefing')).toBe(true);
    expect(viewSession(s0).status).toBe('briefing');
    let s = start();
    expect(s.hasTag('preparation')).toBe(true);
    expect(viewSession(s).step?.id).toBe('prep-welcome');
    s = send(s, 'prep-consent', 'prep-screening');
    expect(s.hasTag('administration')).toBe(true);
    s = send(s, 'adm-check', 'adm-give', 'adm-music');
    expect(s.matches({ visit: { active: { dosed: { therapy: 'acuteSupport' } } } })).toBe(true);
    expect(s.hasTag('monitoring')).toBe(true);
    expect(viewSession(s).phase).toBe('monitoring');
  });
});

describe('protocol gates refuse with a reason and change nothing else', () => {
  const refusalOf = (s: Snap, optionId: string) => {
    const after = send(s, optionId);
    const { log: logBefore, lastRefusal: _r1, cues: _c1, ...restBefore } = s.context;
    const { log: logAfter, lastRefusal, cues: _c2, ...restAfter } = after.context;
    expect(restAfter).toEqual(restBefore);
    expect(after.value).toEqual(s.value);
    expect(logAfter).toHaveLength(logBefore.length + 1);
    expect(logAfter.at(-1)).toMatchObject({ accepted: false, event: choose(optionId) });
    expect(lastRefusal?.optionId).toBe(optionId);
    return lastRefusal!.reason;
  };

  it('administerDose needs a blood-pressure check first', () => {
    const s = send(start(), 'prep-consent', 'prep-screening');
    expect(refusalOf(s, 'adm-dose-unchecked')).toMatch(/blood pressure has not been checked/);
  });

  it('administerDose needs consent and screening, and names each missing one', () => {
    const s = send(start(), 'prep-skip-consent', 'prep-no-screening', 'adm-check');
    const reason = refusalOf(s, 'adm-give');
    expect(reason).toMatch(/consent has not been recorded/);
    expect(reason).toMatch(/screening is not complete/);
    const fixed = send(s, 'adm-consent-late', 'adm-screen-late');
    expect(viewSession(send(fixed, 'adm-give')).dosed).toBe(true);
  });

  it('administerDose with a high pre-dose BP needs a documented decision', () => {
    const scenario = loadFixture();
    scenario.patient.baseline.systolic = 150;
    const step = scenario.phases[1]!.steps[1]!;
    step.options.push({
      id: 'adm-document',
      kind: 'action',
      action: 'documentBpDecision',
      text: 'Document the decision with the prescriber.',
      next: 'adm-dose',
    });
    const s = send(start(scenario), 'prep-consent', 'prep-screening', 'adm-check');
    expect(s.context.facts.bpWithinThreshold).toBe(false);
    expect(refusalOf(s, 'adm-give')).toMatch(
      /above 140\/90 mmHg and no decision has been documented/,
    );
    expect(send(s, 'adm-document', 'adm-give').context.facts.dosed).toBe(true);
  });

  it('the administration phase cannot end before the dose', () => {
    const s = send(start(), 'prep-consent', 'prep-screening', 'adm-check');
    expect(refusalOf(s, 'adm-end-early')).toMatch(/cannot end before the dose/);
  });

  it('discharge needs the observation time, then transport', () => {
    let s = send(start(), ...TO_DOSE, 'adm-music', advance(10), 'mon-presence', advance(20));
    s = send(s, 'ev-nausea-bowl', advance(10));
    s = send(
      s,
      ...s.context.open.map((o) => (o.eventId === 'ev-bp' ? 'ev-bp-recheck' : '')).filter(Boolean),
    );
    s = send(s, 'mon-hold', advance(15), 'gc-reflect', 'gc-end', advance(15));
    expect(s.hasTag('integration')).toBe(true);
    const noTransport = send(s, 'int-drive');
    expect(refusalOf(noTransport, 'int-go')).toMatch(
      /observation has lasted \d+ of the required 90 minutes; no escort/,
    );
    const later = send(noTransport, advance(30));
    expect(refusalOf(later, 'int-go')).toMatch(
      /^Cannot discharge yet: no escort or transport has been arranged\.$/,
    );
    const withTransport = send(s, 'int-transport', advance(30), 'int-go');
    expect(viewSession(withTransport).status).toBe('debrief');
    expect(viewSession(withTransport).ending?.id).toBe('ending-completed');
  });

  it('discharge refuses while dissociation is above the maximum', () => {
    const scenario = loadFixture();
    scenario.protocol.discharge.minObservationMinutes = 0;
    scenario.phases[0]!.steps[0]!.options.push({
      id: 'prep-discharge',
      kind: 'action',
      action: 'discharge',
      text: 'Send home.',
      ending: 'ending-completed',
    });
    scenario.phases[1]!.steps[2]!.options.push({
      id: 'adm-discharge',
      kind: 'action',
      action: 'discharge',
      text: 'Send home now.',
      ending: 'ending-completed',
    });
    // Before dosing, discharge is not gated.
    expect(viewSession(send(start(scenario), 'prep-discharge')).status).toBe('debrief');
    let s = send(start(scenario), ...TO_DOSE);
    s = send(s, advance(30));
    expect(s.context.vitals.dissociation).toBeGreaterThan(1);
    expect(refusalOf(s, 'adm-discharge')).toMatch(/dissociation is \d+, above 1/);
  });

  it('options of other steps, unknown options and choices while paused are refused', () => {
    const s = start();
    expect(refusalOf(s, 'gc-reflect')).toBe('That option is not offered at this step.');
    expect(refusalOf(s, 'nope')).toMatch(/no option "nope"/);
    const paused = send(s, { type: 'session.pause' });
    expect(viewSession(paused).paused).toBe(true);
    expect(refusalOf(paused, 'prep-consent')).toBe('The session is paused.');
    expect(viewSession(send(paused, { type: 'session.resume' }, 'prep-consent')).step?.id).toBe(
      'prep-screen',
    );
  });
});

describe('simulated time', () => {
  it('the clock runs from arrival; minutes since the dose start at the dose and never pass the session length', () => {
    const before = send(start(), advance(5));
    expect(viewSession(before).clock).toEqual({ sinceArrival: 5, sinceDose: null, limit: 120 });
    expect(viewSession(before).vitalsHistory.toArray()).toEqual([]);
    const limit = send(before, advance(500));
    expect(viewSession(limit).clock.sinceArrival).toBe(120);
    expect(send(limit, advance(1)).context.log.at(-1)).toMatchObject({
      accepted: false,
      reason: 'The visit has reached its last minute before a dose (minute 120 since arrival).',
    });
    const s = send(before, ...TO_DOSE, advance(500));
    expect(viewSession(s).clock).toEqual({ sinceArrival: 125, sinceDose: 120, limit: 125 });
    expect(viewSession(s).vitalsHistory).toHaveLength(121);
  });

  it('a step with atMinute waits for its minute', () => {
    const s = send(start(), ...TO_DOSE, 'adm-music');
    const v = viewSession(s);
    expect(v.step).toBeNull();
    expect(v.options).toEqual([]);
    expect(v.waitingUntil).toBe(10);
    expect(v.nextEventMinute).toBe(10);
    expect(send(s, 'mon-presence').context.lastRefusal?.reason).toMatch(/comes at minute 10/);
    const at9 = send(s, advance(9));
    expect(viewSession(at9).step).toBeNull();
    const at10 = send(at9, advance(1));
    expect(viewSession(at10).step?.id).toBe('mon-onset');
  });

  it('a timed event fires at its minute and, unanswered, its missed consequence applies after the deadline', () => {
    const s = send(start(), ...TO_DOSE, 'adm-music', advance(19));
    expect(viewSession(s).openEvents).toEqual([]);
    const fired = send(s, advance(1));
    const open = viewSession(fired).openEvents;
    expect(open.map((e) => e.id)).toEqual(['ev-nausea']);
    expect(open[0]!.deadline).toBe(25);
    expect(fired.context.vitals.nausea).toBeGreaterThanOrEqual(4);
    const atDeadline = send(fired, advance(5));
    expect(viewSession(atDeadline).openEvents.map((e) => e.id)).toContain('ev-nausea');
    const missed = send(atDeadline, advance(1));
    expect(viewSession(missed).openEvents.map((e) => e.id)).not.toContain('ev-nausea');
    expect(missed.context.decisions.find((d) => d.refId === 'ev-nausea')).toMatchObject({
      kind: 'missedEvent',
      minute: 26,
    });
    expect(
      viewSession(missed).transcript.some(
        (t) => t.text === 'The patient vomits with nobody helping.',
      ),
    ).toBe(true);
  });

  it('answering an event closes it and scores the response', () => {
    const s = send(start(), ...TO_DOSE, 'adm-music', advance(20), 'ev-nausea-bowl');
    expect(viewSession(s).openEvents).toEqual([]);
    expect(s.context.decisions.at(-1)).toMatchObject({
      kind: 'event',
      refId: 'ev-nausea',
      optionId: 'ev-nausea-bowl',
    });
    expect(viewSession(s).lastFeedback?.optionId).toBe('ev-nausea-bowl');
  });

  it('an event whose `when` is false at its minute never fires', () => {
    const s = send(start(), ...TO_DOSE, advance(60));
    expect(
      s.context.transcript.some((t) => t.text.includes('only fires after an emergency call')),
    ).toBe(false);
  });

  it('a scheduled check counts when vitals are checked in its window and is scored missed otherwise', () => {
    const onTime = send(start(), ...TO_DOSE, advance(16), checkVitals);
    expect(onTime.context.checks['chk-15']).toBe('done');
    const late = send(start(), ...TO_DOSE, advance(26));
    expect(late.context.checks['chk-15']).toBe('missed');
    expect(late.context.decisions.find((d) => d.refId === 'chk-15')).toMatchObject({
      kind: 'check',
      done: false,
    });
  });

  it('integration waits until the acute effects are over', () => {
    let s = send(
      start(),
      ...TO_DOSE,
      'adm-music',
      advance(10),
      'mon-presence',
      advance(20),
      'ev-nausea-bowl',
    );
    s = send(s, ...s.context.open.map(() => 'ev-bp-prescriber'));
    s = send(s, 'mon-hold', advance(15), 'gc-reflect', 'gc-end');
    expect(s.matches({ visit: { active: { dosed: { therapy: 'awaitingRecovery' } } } })).toBe(true);
    expect(viewSession(s).waitingUntil).toBe(60);
    const at59 = send(s, advance(59 - s.context.minute!));
    expect(at59.hasTag('integration')).toBe(false);
    const at60 = send(at59, advance(1));
    expect(at60.hasTag('integration')).toBe(true);
    expect(viewSession(at60).step?.id).toBe('int-review');
  });
});

describe('side effects follow the snapshots (hostEffects)', () => {
  it('a vitals alarm is a cue at the minute it sounds, and every event is a save', () => {
    let s = send(start(), ...TO_DOSE);
    let alarmAt: number | null = null;
    for (let m = 1; m <= 40 && alarmAt === null; m++) {
      const next = transition(sessionMachine, s, advance(1))[0];
      const effects = hostEffects(s.context, next.context);
      if (viewSession(next).alarms.length > 0 && viewSession(s).alarms.length === 0) {
        alarmAt = m;
        expect(effects.cues).toContain('alarm');
      } else {
        expect(effects.cues).not.toContain('alarm');
      }
      expect(effects.save).toBe(true);
      s = next;
    }
    expect(alarmAt).not.toBeNull();
    expect(hostEffects(s.context, s.context)).toEqual({ cues: [], save: false });
  });

  it('a timed event is an "event" cue', () => {
    const s = send(start(), ...TO_DOSE, advance(19));
    const next = transition(sessionMachine, s, advance(1))[0];
    expect(hostEffects(s.context, next.context).cues).toContain('event');
  });

  it('a host watching an actor plays the cues and saves once per event, refused ones too', async () => {
    const { createActor } = await import('xstate');
    const cues: string[] = [];
    const saves: number[] = [];
    const actor = createActor(sessionMachine, {
      input: { scenario: loadFixture(), seed: 7, mode: 'assessment' },
    });
    let seen: SessionContext | null = null;
    actor.subscribe((snapshot) => {
      const effects = hostEffects(seen, snapshot.context);
      seen = snapshot.context;
      cues.push(...effects.cues);
      if (effects.save) saves.push(snapshot.context.log.length);
    });
    actor.start();
    const events = [{ type: 'session.begin' } as const, ...TO_DOSE.map(choose), advance(20)];
    for (const e of events) actor.send(e);
    actor.send(choose('no-such-option'));
    expect(saves).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(actor.getSnapshot().context.log.at(-1)?.accepted).toBe(false);
    expect(cues).toContain('event');
    actor.stop();
  });
});

describe('practice-mode retry', () => {
  it('undoes the last choice, restores the step, and the report keeps the retried option', () => {
    const s = send(start(loadFixture(), 'practice'), 'prep-skip-consent');
    expect(viewSession(s).canRetry).toBe(true);
    const retried = send(s, { type: 'trainee.retry' });
    expect(viewSession(retried).step?.id).toBe('prep-welcome');
    expect(retried.context.decisions.length).toBe(0);
    expect(retried.context.retried).toEqual({ 'prep-welcome': ['prep-skip-consent'] });
    expect(retried.context.log.map((l) => l.event.type)).toEqual([
      'session.begin',
      'trainee.choose',
      'trainee.retry',
    ]);
    const again = send(retried, 'prep-consent');
    expect(again.context.decisions.map((d) => d.optionId)).toEqual(['prep-consent']);
  });

  it('undoes a choice that ended a phase, back into the earlier state', () => {
    const s = send(start(loadFixture(), 'practice'), 'prep-consent', 'prep-no-screening');
    expect(s.hasTag('administration')).toBe(true);
    const back = send(s, { type: 'trainee.retry' });
    expect(back.hasTag('preparation')).toBe(true);
    expect(viewSession(back).step?.id).toBe('prep-screen');
  });

  it('undoes the dose, stopping the clock again', () => {
    const s = send(start(loadFixture(), 'practice'), ...TO_DOSE.slice(0, 3), 'adm-give');
    const back = send(s, { type: 'trainee.retry' });
    expect(back.context.minute).toBeNull();
    expect(back.context.facts.dosed).toBe(false);
    expect(viewSession(back).vitalsHistory.toArray()).toEqual([]);
  });

  it('is refused in assessment mode and after any other event', () => {
    const assessment = send(start(), 'prep-consent', { type: 'trainee.retry' });
    expect(assessment.context.log.at(-1)).toMatchObject({
      accepted: false,
      reason: 'Choices cannot be retried in assessment mode.',
    });
    const practice = send(start(loadFixture(), 'practice'), 'prep-consent', checkVitals);
    expect(viewSession(practice).canRetry).toBe(false);
    expect(send(practice, { type: 'trainee.retry' }).context.log.at(-1)?.accepted).toBe(false);
  });
});

describe('leaving, settings and the log', () => {
  it('leaving ends the session with status "left" and keeps the log', () => {
    const s = send(start(), 'prep-consent', { type: 'session.leave' });
    const v = viewSession(s);
    expect(v.status).toBe('left');
    expect(s.status).toBe('done');
    expect(s.context.log.map((l) => l.event.type)).toEqual([
      'session.begin',
      'trainee.choose',
      'session.leave',
    ]);
  });

  it('settings change through trainee.setting and through option effects', () => {
    const s = send(start(), { type: 'trainee.setting', setting: 'eyeshades', value: 'on' });
    expect(viewSession(s).settings).toEqual({ music: 'off', eyeshades: 'on', lights: 'bright' });
    const bad = send(s, { type: 'trainee.setting', setting: 'lights', value: 'purple' });
    expect(bad.context.log.at(-1)).toMatchObject({ accepted: false });
    const viaOption = send(start(), ...TO_DOSE, 'adm-music');
    expect(viewSession(viaOption).settings).toMatchObject({ music: 'on', lights: 'dim' });
  });

  it('the log records every event, accepted or refused, in order', () => {
    const s = send(start(), 'adm-give', 'prep-consent', advance(3), advance(0));
    expect(s.context.log.map((l) => [l.event.type, l.accepted])).toEqual([
      ['session.begin', true],
      ['trainee.choose', false],
      ['trainee.choose', true],
      ['clock.advance', true],
      ['clock.advance', false],
    ]);
  });
});

describe('snapshots', () => {
  it('keep the scenario out of their persisted form', async () => {
    const { createActor } = await import('xstate');
    const scenario = loadFixture();
    const actor = createActor(sessionMachine, {
      input: { scenario, seed: 7, mode: 'assessment' },
    }).start();
    actor.send({ type: 'session.begin' });
    const persisted = JSON.stringify(actor.getPersistedSnapshot());
    expect(persisted).toContain('"index":{"scenarioId":"engine-protocol-gates"}');
    // Text of steps not yet shown, and the debrief commentary, are not copied into the snapshot.
    expect(persisted).not.toContain(scenario.debrief.integration);
    expect(persisted).not.toContain(scenario.phases[4]!.steps[0]!.text);
    actor.stop();
  });

  it('share the scenario index between events instead of copying it', () => {
    const s = start();
    const next = send(s, 'prep-consent', advance(1), checkVitals);
    expect(next.context.index).toBe(s.context.index);
  });
});
