/**
 * The three scenarios on emergencies under the drug and take-home dosing: an emergence reaction
 * in a patient who tries to leave, vomiting and oversedation after a benzodiazepine, and a
 * telehealth session with take-home lozenges. Each must play to a debrief under any strategy,
 * pass only when played well, give no position or length cue to the best answer, and grade every
 * critical error as the breach of a standard of practice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate, type ScenarioV1 } from '../../../src/engine/format/index.ts';
import { playHeadless, type Strategy } from '../../../src/engine/play/headless.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

const FILES = [
  'emergence-agitation-leaving.json',
  'sedation-vomiting-benzodiazepine.json',
  'telehealth-home-lozenges.json',
].filter((f) => readdirSync(dir).includes(f));

function load(file: string): ScenarioV1 {
  const { scenario, diagnostics } = validate(readFileSync(dir + file, 'utf8'));
  expect(
    diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.code} ${d.message}`),
  ).toEqual([]);
  return scenario!;
}

function play(s: ScenarioV1, strategy: Strategy, seed: number) {
  return playHeadless(s, { seed, mode: 'assessment', strategy });
}

function choose(s: ScenarioV1, choices: string[], seed = 1) {
  const run = playHeadless(s, { seed, mode: 'assessment', strategy: 'best', choices });
  expect(run.error, 'the path reaches the debrief').toBeUndefined();
  return run;
}

type Option = ScenarioV1['phases'][number]['steps'][number]['options'][number];

/** Each decision's options: steps and event responses. */
function decisions(s: ScenarioV1): { id: string; options: Option[] }[] {
  return [
    ...s.phases.flatMap((p) => p.steps.map((st) => ({ id: st.id, options: st.options }))),
    ...s.events.flatMap((e) => (e.respond ? [{ id: e.id, options: e.respond.options }] : [])),
  ];
}

function weighted(s: ScenarioV1, o: Option): number {
  const weight = new Map(s.competencies.map((c) => [c.id, c.weight]));
  return Object.entries(o.points ?? {}).reduce((n, [id, p]) => n + (weight.get(id) ?? 0) * p, 0);
}

describe.each(FILES)('%s', (file) => {
  const s = load(file);

  it('passes with the best choices, whatever the seed', () => {
    for (const seed of [1, 2, 3]) {
      const run = play(s, 'best', seed);
      expect(run.error).toBeUndefined();
      expect(run.report.criticalErrors).toEqual([]);
      expect(run.report.passed).toBe(true);
    }
  });

  it('fails with a critical error with the worst choices', () => {
    for (const seed of [1, 2]) {
      const run = play(s, 'worst', seed);
      expect(run.error).toBeUndefined();
      expect(run.report.passed).toBe(false);
      expect(run.report.criticalErrors.length).toBeGreaterThan(0);
    }
  });

  it('never gets stuck under random play (100 seeds)', () => {
    const stuck: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const run = play(s, 'random', seed);
      if (!run.ok) stuck.push(`seed ${seed}: ${run.error?.message} at ${run.error?.step?.id}`);
    }
    expect(stuck).toEqual([]);
    // 100 whole sessions on the drug model, minute by minute: longer than vitest's default 5 s.
  }, 60_000);

  it('gives no position or length cue: the best option is neither first nor longest in most decisions', () => {
    const all = decisions(s);
    let first = 0;
    let longest = 0;
    for (const d of all) {
      const best = d.options.reduce((a, o) => (weighted(s, o) > weighted(s, a) ? o : a));
      if (d.options[0] === best) first += 1;
      if (best.text.length === Math.max(...d.options.map((o) => o.text.length))) longest += 1;
    }
    expect(first, 'decisions whose best option comes first').toBeLessThan(all.length / 2);
    expect(longest, 'decisions whose best option is the longest').toBeLessThan(all.length / 2);
  });

  it('grades every critical error as the breach of a standard', () => {
    const critical = [
      ...decisions(s).flatMap((d) => d.options),
      ...s.events.flatMap((e) =>
        e.respond ? [{ ...e.respond.missed, id: `${e.id}.missed` }] : [],
      ),
    ].filter((o) => o.critical);
    expect(critical.length).toBeGreaterThan(0);
    const unexplained = critical.filter((o) => !o.standards?.breaches?.length).map((o) => o.id);
    expect(unexplained).toEqual([]);
  });

  it('uses no character name that another bundled scenario uses', () => {
    const others = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && f !== file)
      .map((f) => readFileSync(dir + f, 'utf8'))
      .join('\n');
    for (const part of s.patient.name.split(' ')) {
      expect(others, `the name "${part}" appears in another scenario`).not.toMatch(
        new RegExp(`\\b${part}\\b`),
      );
    }
  });
});

describe('emergence-agitation-leaving: de-escalation without restraint', () => {
  const s = load('emergence-agitation-leaving.json');
  const BEFORE_EMERGENCE = [
    'checkin-full',
    'touch-agree',
    'consent-honest',
    'transport-anika',
    'room-low',
    'vitals-rest',
    'dose-give',
    'onset-brief',
    'peak-silent',
    'door-voice',
  ];

  it('fails a trainee who argues the consent form and then takes hold of him in the corridor', () => {
    const run = choose(s, [...BEFORE_EMERGENCE, 'wants-form', 'walkout-grab']);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('walkout-grab');
  });

  it('passes a trainee who argues at first but then walks beside him and brings help', () => {
    const run = choose(s, [...BEFORE_EMERGENCE, 'wants-form', 'walkout-follow']);
    expect(run.report.criticalErrors).toEqual([]);
    expect(run.report.passed).toBe(true);
    expect(run.snapshot.context.facts.prescriberCalled).toBe(true);
  });

  it('counts an unanswered walk to the door as a critical error', () => {
    // No answer at the door: the next choice is made only after the response window has closed.
    const run = choose(s, [...BEFORE_EMERGENCE.slice(0, -1), 'wants-choices']);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.eventId)).toContain('emergence-door');
  });
});

describe('sedation-vomiting-benzodiazepine: interpreting, airway and escalation', () => {
  const s = load('sedation-vomiting-benzodiazepine.json');
  const PREP = ['interp-pro', 'screen-thao', 'disc-report', 'presc-shared', 'consent-full'];
  const START = ['bedside-ready', 'vitals-rest', 'start-go', 'onset-brief', 'drowsy-pause'];
  const AFTER = [
    'review-sbar',
    'waking-quiet',
    'river-warm',
    'shame-dignity',
    'pills-honest',
    'record-full',
    'ready-oxygen',
    'home-escort',
    'next-plan',
    'discharge-go',
  ];

  it('lets the saturation fall on every path, so the alarm the text announces is real', () => {
    for (const how of ['best', 'worst', 'random'] as const) {
      for (const seed of [1, 5]) {
        const run = play(s, how, seed);
        if (!run.snapshot.context.facts.dosed) continue;
        expect(run.snapshot.context.fired, `${how} ${seed}`).toContain('desaturation');
      }
    }
  });

  it('does not pass a trainee who lets the son interpret, even when the emergency is handled well', () => {
    const run = choose(s, [
      'interp-minh',
      'screen-minh',
      'consent-full',
      ...START,
      'vomit-side',
      'desat-oxygen',
      ...AFTER,
    ]);
    expect(run.report.criticalErrors).toEqual([]);
    expect(run.report.passed).toBe(false);
  });

  it('fails a trainee who reads the falling saturation as a probe fault', () => {
    const noOxygen = AFTER.map((id) => (id === 'ready-oxygen' ? 'ready-air' : id));
    const run = choose(s, [...PREP, ...START, 'vomit-side', 'desat-probe', ...noOxygen]);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('desat-probe');
  });

  it('fails a trainee who leaves the vomiting patient on her back to fetch suction', () => {
    const run = choose(s, [...PREP, ...START, 'vomit-fetch', 'desat-oxygen', ...AFTER]);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('vomit-fetch');
  });
});

describe('telehealth-home-lozenges: the prescribed dose, the monitor and the record', () => {
  const s = load('telehealth-home-lozenges.json');
  const BEFORE_DOSE = [
    'monitor-stay',
    'count-camera',
    'screen-full',
    'ask-today-two',
    'consent-plan',
    'setting-ask',
    'bp-rest',
    'dose-watch',
  ];
  const SESSION = [
    'onset-brief',
    'leaving-other',
    'peak-sam-check',
    'sick-bowl',
    'more-stay',
    'drop-ring',
    'quiet-reflect',
    'disclose-honest',
    'home-honest',
    'supply-box',
  ];
  const END = ['ready-check', 'evening-plan', 'end-criteria'];

  it('reaches the ending where home dosing is paused when the trainee plays it well', () => {
    const run = choose(s, [...BEFORE_DOSE, ...SESSION, 'presc-now', ...END]);
    expect(run.report.passed).toBe(true);
    expect(run.report.ending?.id).toBe('home-paused');
    expect(run.snapshot.context.facts.prescriberCalled).toBe(true);
  });

  it('fails a trainee who lets the monitor leave during the dose', () => {
    const session = SESSION.map((id) => (id === 'leaving-other' ? 'leaving-go' : id));
    const run = choose(s, [...BEFORE_DOSE, ...session, 'presc-now', ...END]);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('leaving-go');
  });

  it('fails a trainee who hands over an extra lozenge when the patient asks for more', () => {
    const session = SESSION.map((id) => (id === 'more-stay' ? 'more-sam' : id));
    const run = choose(s, [...BEFORE_DOSE, ...session, 'presc-now', ...END]);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('more-sam');
  });

  it('fails a trainee who tells the prescriber about the dose request but not the kept lozenge', () => {
    const run = choose(s, [...BEFORE_DOSE, ...SESSION, 'presc-partial', ...END]);
    expect(run.report.passed).toBe(false);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('presc-partial');
  });
});
