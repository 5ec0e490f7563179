/**
 * Text follows the drug model in the bundled scenarios whose stories were moved onto it: what the
 * patient says at a step, and what the options claim, is true of the modelled dissociation and
 * blood pressure at the minute the step is shown, on the best path and on the paths that change
 * the dose. Each case plays a path headlessly and replays its log minute by minute, noting the
 * monitor's readings (and the model's unrounded dissociation) when each step first appears.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { effectNow } from '../../../src/engine/session/drug-course.ts';
import { initialSnapshot, step } from '../../../src/engine/session/session.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

const scenario = (id: string): ScenarioV1 => {
  const file = shippedScenarioFiles().find((f) => f.endsWith(`/${id}.json`));
  if (!file) throw new Error(`no bundled scenario ${id}`);
  return loadScenarioFile(file);
};

interface Shown {
  /** Minutes since the dose (null before it). */
  minute: number | null;
  /** Minutes since arrival. */
  clock: number;
  /** The monitor's last blood-pressure reading then (null before the first). */
  reading: { clock: number; systolic: number; diastolic: number } | null;
  /** The monitor's dissociation (0–10, whole numbers). */
  dissociation: number;
  /** The model's unrounded dissociation. */
  modelled: number;
  text: string;
}

interface Played {
  ok: boolean;
  ending: string | null;
  /** Each step id, with the readings when it first appeared. */
  steps: Map<string, Shown>;
  /** The model's unrounded dissociation at every whole minute after the dose. */
  course: number[];
  /** The highest systolic and diastolic readings after the dose. */
  peak: { systolic: number; diastolic: number };
  /** Ids of the scenario events that fired. */
  fired: Set<string>;
}

/**
 * Plays `events` after the session begins (a string chooses that option), then `choices` (then
 * `best`), and replays the log minute by minute.
 */
function play(
  s: ScenarioV1,
  choices: readonly string[] = [],
  events: readonly (SessionEvent | string)[] = [],
): Played {
  let from = step(initialSnapshot(s, { seed: 1, mode: 'assessment' }), { type: 'session.begin' });
  for (const e of events)
    from = step(from, typeof e === 'string' ? { type: 'trainee.choose', optionId: e } : e);
  const run = playHeadless(s, {
    seed: 1,
    mode: 'assessment',
    strategy: 'best',
    choices,
    ...(events.length > 0 ? { from } : {}),
  });
  let snap = initialSnapshot(s, { seed: 1, mode: 'assessment' });
  const steps = new Map<string, Shown>();
  const course: number[] = [];
  const peak = { systolic: 0, diastolic: 0 };
  const note = () => {
    const c = snap.context;
    const modelled = effectNow(c)?.dissociation ?? 0;
    if (c.minute !== null) {
      course[c.minute] = modelled;
      peak.systolic = Math.max(peak.systolic, c.vitals.systolic);
      peak.diastolic = Math.max(peak.diastolic, c.vitals.diastolic);
    }
    const view = viewSession(snap);
    if (view.step && !steps.has(view.step.id))
      steps.set(view.step.id, {
        minute: c.minute,
        clock: c.clock,
        reading: c.monitor.readings.at(-1) ?? null,
        dissociation: c.vitals.dissociation,
        modelled,
        text: view.step.text,
      });
  };
  const apply = (event: SessionEvent) => {
    snap = step(snap, event);
    note();
  };
  for (const event of run.attempt.events) {
    if (event.type !== 'clock.advance') apply(event);
    else for (let i = 0; i < event.minutes; i++) apply({ type: 'clock.advance', minutes: 1 });
  }
  const fired = new Set(
    s.events.filter((e) => snap.context.eventStates[e.id] !== undefined).map((e) => e.id),
  );
  return { ok: run.ok, ending: snap.context.ending, steps, course, peak, fired };
}

function shown(p: Played, id: string): Shown {
  const s = p.steps.get(id);
  if (!s) throw new Error(`step ${id} was not shown on this path`);
  return s;
}

describe('telehealth-home-lozenges on the model', () => {
  const s = scenario('telehealth-home-lozenges');
  const BEFORE_MORE = [
    'monitor-stay',
    'count-camera',
    'screen-full',
    'ask-today-two',
    'consent-plan',
    'setting-ask',
    'bp-rest',
    'dose-watch',
    'onset-brief',
    'leaving-other',
    'peak-sam-check',
    'sick-bowl',
  ];
  const best = play(s);
  const extra = play(s, [...BEFORE_MORE, 'more-sam']);

  it('plays both paths to the debrief', () => {
    expect(best.ok).toBe(true);
    expect(extra.ok).toBe(true);
  });

  it('has Rowan spit the lozenges out before the onset step says so', () => {
    const dose = s.phases
      .flatMap((p) => p.steps)
      .flatMap((st) => st.options)
      .find((o) => o.id === 'dose-watch')!.dose as { holdMinutes?: number };
    expect(shown(best, 'mon-onset').text).toContain('spat into the cup');
    expect(shown(best, 'mon-onset').minute).toBeGreaterThanOrEqual(dose.holdMinutes ?? 15);
  });

  it('asks for more while the dose is still working, not as it wears off', () => {
    const more = shown(best, 'mon-more');
    expect(more.text).not.toMatch(/going already/);
    expect(more.modelled).toBeGreaterThanOrEqual(5);
  });

  it('keeps the coherent disclosure and plea for minutes the monitor shows below 5', () => {
    for (const id of ['talk-disclose', 'talk-home']) {
      expect(shown(best, id).dissociation, id).toBeLessThan(5);
      expect(shown(best, id).text, id).not.toMatch(/\.\.\. /);
    }
  });

  it('shows the disclosure and plea halting where an extra lozenge leaves Rowan deeper', () => {
    for (const id of ['talk-disclose', 'talk-home']) {
      expect(shown(extra, id).dissociation, id).toBeGreaterThanOrEqual(5);
      expect(shown(extra, id).text, id).toMatch(/\.\.\. /);
    }
  });

  it('says Rowan talks clearly at the readiness check only when the effects are over', () => {
    expect(shown(best, 'int-ready').dissociation).toBeLessThanOrEqual(1);
    expect(shown(best, 'int-ready').text).toContain('talking clearly');
    expect(shown(extra, 'int-ready').dissociation).toBeGreaterThanOrEqual(2);
    expect(shown(extra, 'int-ready').text).not.toContain('talking clearly');
  });
});

describe('im-hypertensive-response on the model', () => {
  const s = scenario('im-hypertensive-response');
  const best = play(s);

  it('passes on the best path', () => {
    expect(best.ok).toBe(true);
    expect(best.ending).toBe('discharged-home');
  });

  it('says "wearing off" only once the modelled dissociation is below a third of its peak and falling', () => {
    const sitting = shown(best, 'conv-sitting');
    const peak = Math.max(...best.course.filter((v) => v !== undefined));
    expect(sitting.text).toContain('wearing off');
    expect(sitting.modelled).toBeLessThan(peak / 3);
    expect(best.course[sitting.minute! + 5]!).toBeLessThan(sitting.modelled);
  });

  it('reaches the reflection and discharge steps only when the monitor shows the effects over', () => {
    for (const id of ['int-return', 'int-discharge'])
      expect(shown(best, id).dissociation, id).toBeLessThanOrEqual(1);
  });

  it('keeps a rise without symptoms above the alarm line and below the 180/110 call-back line', () => {
    const alarm = s.protocol.thresholds.alarm!;
    expect(best.peak.systolic).toBeGreaterThan(alarm.systolicMax!);
    expect(best.peak.systolic).toBeLessThan(180);
    expect(best.peak.diastolic).toBeLessThan(110);
    expect(best.fired.has('severe-headache')).toBe(false);
  });

  it('crosses 180 with crisis symptoms when her morning tablets were not taken', () => {
    const skipped = play(s, ['p1-move-on']);
    expect(skipped.peak.systolic).toBeGreaterThan(180);
    expect(skipped.fired.has('severe-headache')).toBe(true);
  });
});

describe('esketamine-rems-monitoring on the model', () => {
  it('has the first "tilting" only once the monitor shows dissociation', () => {
    const best = play(scenario('esketamine-rems-monitoring'));
    expect(shown(best, 'mon-early').text).toContain('tilt');
    expect(shown(best, 'mon-early').dissociation).toBeGreaterThanOrEqual(1);
  });
});

describe('sedation-vomiting-benzodiazepine on the model', () => {
  const s = scenario('sedation-vomiting-benzodiazepine');
  const BEFORE_START = [
    'interp-pro',
    'screen-thao',
    'disc-report',
    'presc-shared',
    'consent-full',
    'bedside-ready',
    'vitals-rest',
  ];
  // Every way of starting the infusion (all give the same dose), with the best path after it.
  const paths = ['start-go', 'start-interp-go'].map(
    (start) => [start, play(s, [...BEFORE_START, start])] as const,
  );

  it('has the first "heavy… floating" only once the monitor and the model show dissociation', () => {
    for (const [start, p] of paths) {
      const onset = shown(p, 'mon-onset');
      expect(onset.text, start).toContain('floating');
      expect(onset.dissociation, start).toBeGreaterThanOrEqual(1);
      expect(onset.modelled, start).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('hard-stop-blood-pressure: the recheck line on a late rest', () => {
  const s = scenario('hard-stop-blood-pressure');
  const stop = s.protocol.thresholds.hardStop!;
  const BEFORE_REST = [
    'p-arrival-settle',
    'p-consent-dialogue',
    'p-screen-full',
    'p-disc-thanks',
    'a-bp-first',
  ];
  // The rest chosen after the clock has run (the player's clock runs before the dose), and the
  // recheck made from the step that offers it.
  const paths = [
    ['a-first-rest15', 8, 15],
    ['a-first-rest5', 30, 5],
  ] as const;

  it.each(paths)(
    'after %s chosen at minute %i, the recheck is taken once the rest is over and the line is true of it',
    (rest, chosenAt, minutes) => {
      const p = play(
        s,
        ['a-rest-recheck'],
        [...BEFORE_REST, { type: 'clock.advance', minutes: chosenAt }, rest],
      );
      expect(p.ok).toBe(true);
      expect(shown(p, 'a-rest').clock).toBe(chosenAt + minutes);
      const first = shown(p, 'a-first-reading').reading!;
      const line = shown(p, 'a-recheck');
      expect(line.text).toContain(
        'The rested recheck is down by only a few points: still at or above 180/110.',
      );
      const recheck = line.reading!;
      expect(recheck.clock, 'taken after the rest').toBeGreaterThanOrEqual(chosenAt + minutes);
      expect(recheck.systolic >= stop.systolic || recheck.diastolic >= stop.diastolic).toBe(true);
      // "Down by only a few points": lower, by less than 10 mmHg.
      expect(recheck.systolic + recheck.diastolic).toBeLessThan(first.systolic + first.diastolic);
      expect(first.systolic - recheck.systolic).toBeLessThan(10);
      expect(first.diastolic - recheck.diastolic).toBeLessThan(10);
    },
  );
});
