import { describe, expect, it } from 'vitest';
import { PreviewError, previewSnapshot } from '../../../src/engine/session/preview.ts';
import {
  initialSnapshot,
  step,
  type SessionSnapshot,
} from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { scoreContext } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { loadFixture, loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const choose = (optionId: string): SessionEvent => ({ type: 'trainee.choose', optionId });
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });

function send(s: SessionSnapshot, ...events: (SessionEvent | string)[]): SessionSnapshot {
  for (const e of events) s = step(s, typeof e === 'string' ? choose(e) : e);
  return s;
}

const optionIds = (s: SessionSnapshot) => viewSession(s).options.map((o) => o.id);

describe('previewSnapshot: starting at a step', () => {
  it('presents the chosen step in its phase, with its options offered', () => {
    const s = previewSnapshot(loadFixture(), { stepId: 'int-review' });
    const view = viewSession(s);
    expect(s.hasTag('integration')).toBe(true);
    expect(view.status).toBe('running');
    expect(view.step?.id).toBe('int-review');
    expect(optionIds(s)).toEqual(['int-transport', 'int-drive']);
  });

  it('plays on: a choice moves to its next step and is scored', () => {
    const s = send(
      previewSnapshot(loadFixture(), { stepId: 'int-review', minute: 70 }),
      'int-transport',
    );
    expect(viewSession(s).step?.id).toBe('int-discharge');
    const report = scoreContext(s.context);
    expect(report.decisions.map((d) => d.optionId)).toEqual(['int-transport']);
    expect(report.competencies.safety!.earned).toBe(2);
  });

  it('runs the dosed phases in parallel with the clock: a step waits for its minute, events fire', () => {
    const s0 = previewSnapshot(loadFixture(), { stepId: 'mon-onset', minute: 5 });
    expect(s0.hasTag('monitoring')).toBe(true);
    expect(viewSession(s0).waitingUntil).toBe(10);
    expect(optionIds(s0)).toEqual([]);
    const s1 = send(s0, advance(5));
    expect(viewSession(s1).step?.id).toBe('mon-onset');
    const s2 = send(s1, 'mon-presence', advance(20));
    expect(s2.context.fired).toContain('ev-nausea');
  });

  it('marks timed events and checks before the start minute as passed, not pending', () => {
    const s = previewSnapshot(loadFixture(), { stepId: 'gc-open', minute: 45 });
    expect(s.context.fired).toContain('ev-nausea');
    expect(s.context.fired).not.toContain('ev-never');
    const after = send(s, advance(1));
    expect(scoreContext(after.context).decisions.filter((d) => d.kind === 'check')).toEqual([]);
    expect(after.context.transcript.some((t) => t.text.includes('nausea'))).toBe(false);
  });

  it('applies protocol facts: the dose gate reads them', () => {
    const refused = send(previewSnapshot(loadFixture(), { stepId: 'adm-dose' }), 'adm-give');
    expect(viewSession(refused).lastRefusal?.reason).toMatch(/consent has not been recorded/);
    const facts = {
      consentRecorded: true,
      screeningComplete: true,
      bpChecked: true,
      bpWithinThreshold: true,
    };
    const given = send(previewSnapshot(loadFixture(), { stepId: 'adm-dose', facts }), 'adm-give');
    expect(viewSession(given).lastRefusal).toBeNull();
    expect(viewSession(given).dosed).toBe(true);
    expect(viewSession(given).step?.id).toBe('adm-settle');
  });

  it('applies variables: an option guarded by a variable appears only when it holds', () => {
    const scenario = loadFixture();
    const close = scenario.phases
      .find((p) => p.id === 'guidedConversation')!
      .steps.find((st) => st.id === 'gc-close')!;
    close.options.push({ ...close.options[0]!, id: 'gc-thank', when: { var: 'reflected' } });
    expect(optionIds(previewSnapshot(scenario, { stepId: 'gc-close', minute: 50 }))).toEqual([
      'gc-end',
    ]);
    const withFlag = previewSnapshot(scenario, {
      stepId: 'gc-close',
      minute: 50,
      variables: { reflected: true },
    });
    expect(optionIds(withFlag)).toEqual(['gc-end', 'gc-thank']);
  });

  it('adds vitals offsets to what the patient would show at that minute', () => {
    const plain = viewSession(
      previewSnapshot(loadFixture(), { stepId: 'int-review', minute: 70 }),
    ).vitals;
    const raised = viewSession(
      previewSnapshot(loadFixture(), {
        stepId: 'int-review',
        minute: 70,
        offsets: { systolic: 30, anxiety: 2 },
      }),
    ).vitals;
    expect(raised.systolic - plain.systolic).toBe(30);
    expect(raised.anxiety - plain.anxiety).toBe(2);
    expect(raised.heartRate).toBe(plain.heartRate);
  });

  it('matches a session played to the same step with the same state', () => {
    const scenario = loadFixture();
    let played = send(initialSnapshot(scenario, { seed: 1, mode: 'practice' }), {
      type: 'session.begin',
    });
    played = send(
      played,
      'prep-consent',
      'prep-screening',
      'adm-check',
      'adm-give',
      'adm-music',
      advance(10),
      'mon-presence',
    );
    const c = played.context;
    const preview = previewSnapshot(scenario, {
      stepId: c.stepId!,
      facts: c.facts,
      minute: c.minute!,
      variables: c.vars,
      offsets: c.offsets,
    });
    const a = viewSession(played);
    const b = viewSession(preview);
    expect(b.phase).toBe(a.phase);
    expect(b.waitingUntil).toBe(a.waitingUntil);
    expect(b.vitals).toEqual(a.vitals);
    expect(b.facts).toEqual(a.facts);
    const next = (s: SessionSnapshot) => viewSession(send(s, advance(20), 'mon-hold')).phase;
    expect(next(preview)).toBe(next(played));
  });

  it('can start at every step of every shipped scenario', () => {
    for (const file of shippedScenarioFiles()) {
      const scenario = loadScenarioFile(file);
      for (const phase of scenario.phases)
        for (const st of phase.steps) {
          // A step timed on the arrival clock before the dose starts waiting for its minute: the
          // preview sets minutes since the dose only.
          const beforeDose = st.from === 'arrival' && st.atMinute !== undefined;
          const s = previewSnapshot(scenario, {
            stepId: st.id,
            minute: beforeDose ? 0 : (st.atMinute ?? 0),
          });
          expect(s.hasTag(phase.id), `${file} ${st.id}`).toBe(true);
          if (beforeDose) expect(s.context.stepId, `${file} ${st.id}`).toBe(st.id);
          else expect(viewSession(s).step?.id, `${file} ${st.id}`).toBe(st.id);
        }
    }
  });
});

describe('previewSnapshot before the dose: the clock counts minutes since arrival', () => {
  const hardStop = loadScenarioFile(
    shippedScenarioFiles().find((f) => f.endsWith('hard-stop-blood-pressure.json'))!,
  );
  it('starts at the arrival minute asked for; arrival-clock events before it are skipped', () => {
    const headache = hardStop.events.find((e) => e.id === 'ev-headache')!;
    expect(headache.trigger).toMatchObject({ from: 'arrival' });
    const at = (headache.trigger as { atMinute: number }).atMinute;
    const later = previewSnapshot(hardStop, { stepId: 'a-first-bp', minute: at + 2 });
    expect(later.context.doseClock).toBeNull();
    expect(viewSession(later).clock.sinceArrival).toBe(at + 2);
    expect(viewSession(later).step?.id).toBe('a-first-bp');
    expect(later.context.fired).toContain('ev-headache');
    const earlier = previewSnapshot(hardStop, { stepId: 'a-first-bp', minute: at - 2 });
    expect(earlier.context.fired).not.toContain('ev-headache');
    // The clock runs on from there: the event fires at its arrival minute.
    const fired = step(earlier, { type: 'clock.advance', minutes: 2 });
    expect(viewSession(fired).openEvents.map((e) => e.id)).toContain('ev-headache');
  });
});

describe('previewSnapshot: bad options are refused with a clear message', () => {
  const scenario = loadFixture();
  it.each([
    [{ stepId: 'nope' }, /no step "nope"/],
    [{ stepId: 'gc-open', variables: { missing: true } }, /"missing" is not a declared variable/],
    [{ stepId: 'gc-open', variables: { reflected: 3 } }, /is a flag/],
    [{ stepId: 'gc-open', facts: { madeUp: true } as never }, /not a protocol fact/],
    [{ stepId: 'gc-open', offsets: { temperature: 1 } as never }, /not a vital sign/],
    [{ stepId: 'gc-open', minute: 500 }, /from 0 to 120/],
    [
      { stepId: 'prep-welcome', minute: 500 },
      /minutes since arrival: a whole number from 0 to 120/,
    ],
  ])('%j', (options, message) => {
    expect(() => previewSnapshot(scenario, options)).toThrow(PreviewError);
    expect(() => previewSnapshot(scenario, options)).toThrow(message);
  });
});

describe('previewSnapshot and step deadlines', () => {
  const im = () =>
    loadScenarioFile(
      new URL('../../../scenarios/im-hypertensive-response.json', import.meta.url).pathname,
    );

  it('starts at a step up to its deadline, and says so in the view', () => {
    const s = previewSnapshot(im(), { stepId: 'mon-onset', minute: 14 });
    expect(viewSession(s).step).toMatchObject({ id: 'mon-onset', until: 14 });
  });

  it('refuses a start past the step’s deadline, naming the last minute it can start', () => {
    expect(() => previewSnapshot(im(), { stepId: 'mon-onset', minute: 15 })).toThrow(PreviewError);
    expect(() => previewSnapshot(im(), { stepId: 'mon-onset', minute: 15 })).toThrow(
      /passed its deadline \(minute 14\).*minute 14 or earlier/,
    );
  });
});
