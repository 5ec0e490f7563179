/**
 * The drug model drives the session: dose events from options, an infusion paused, resumed and
 * stopped, a booster lozenge the protocol allows, and a benzodiazepine lowering SpO2. The fixture
 * doses are the reference values (IV 0.5 mg/kg over 40 min, a 100 mg lozenge; lorazepam as the
 * benzodiazepine a clinic offers for agitation). The model's own shapes are tested with the model
 * (tests/unit/drug); here the assertions are directions the trainee relies on.
 */
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadVisitFixture, playSession, type SessionSnap } from './fixtures.ts';

const visit = loadVisitFixture;
type Snap = SessionSnap;
const advance = (minutes: number): SessionEvent => ({ type: 'clock.advance', minutes });

const play = playSession;
const TO_DOSE = ['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'];
const at = (s: Snap) => viewSession(s);

describe('an IV infusion paused, resumed and stopped', () => {
  const scenario = visit('infusion-pause.json');
  const running = play(scenario, ...TO_DOSE, advance(10), 'mon-presence', advance(10));
  const paused = play(scenario, ...TO_DOSE, advance(10), 'mon-pause', advance(10));

  it('pausing lowers the modelled dissociation, concentration and pressure against running on', () => {
    expect(at(paused).minute).toBe(20);
    expect(at(paused).drug?.infusionRunning).toBe(false);
    expect(at(running).drug?.infusionRunning).toBe(true);
    expect(at(paused).drug!.effectSiteNgPerMl).toBeLessThan(at(running).drug!.effectSiteNgPerMl);
    expect(at(paused).vitals.dissociation).toBeLessThan(at(running).vitals.dissociation);
    expect(at(paused).vitals.systolic).toBeLessThan(at(running).vitals.systolic);
  });

  it('resuming raises them again; stopping instead lets them fall', () => {
    const resumed = play(
      scenario,
      ...TO_DOSE,
      advance(10),
      'mon-pause',
      advance(10),
      'mon-resume',
      advance(10),
    );
    const stopped = play(
      scenario,
      ...TO_DOSE,
      advance(10),
      'mon-pause',
      advance(10),
      'mon-stop',
      advance(10),
    );
    expect(at(resumed).vitals.dissociation).toBeGreaterThan(at(paused).vitals.dissociation);
    expect(at(stopped).vitals.dissociation).toBeLessThan(at(resumed).vitals.dissociation);
    expect(at(stopped).vitals.systolic).toBeLessThan(at(resumed).vitals.systolic);
    expect(at(resumed).drug!.doses.map((d) => d.label)).toEqual([
      'IV infusion 35 mg over 40 min',
      'Infusion paused',
      'Infusion resumed',
    ]);
  });

  it('the infusion stops by itself once the whole dose has been given', () => {
    const s = play(scenario, ...TO_DOSE, advance(10), 'mon-presence', advance(35));
    expect(at(s).drug?.infusionRunning).toBe(false);
  });

  it('the best run reaches integration when the model says the acute effects are over, and passes', () => {
    const run = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(run.ok).toBe(true);
    expect(run.report.passed).toBe(true);
  });
});

describe('a booster lozenge', () => {
  const scenario = visit('booster-lozenge.json');

  it('is refused before the protocol allows it, and a second one beyond its count', () => {
    const early = play(scenario, ...TO_DOSE, advance(10), 'mon-booster-early');
    expect(early.context.log.at(-1)?.reason).toBe(
      'A booster may be given from minute 30 after the first dose (now 10).',
    );
    const twice = play(
      scenario,
      ...TO_DOSE,
      advance(10),
      'mon-wait',
      advance(20),
      'mon-booster',
      'mon-second-booster',
    );
    expect(twice.context.log.at(-1)?.reason).toBe('The protocol allows 1 booster, already given.');
  });

  it('given at minute 30, it deepens and lengthens the dissociation', () => {
    const base = [...TO_DOSE, advance(10), 'mon-wait', advance(20)];
    const boosted = play(scenario, ...base, 'mon-booster', advance(60));
    const not = play(scenario, ...base, 'mon-no-booster', advance(60));
    expect(at(boosted).minute).toBe(90);
    expect(at(boosted).drug!.effectSiteNgPerMl).toBeGreaterThan(at(not).drug!.effectSiteNgPerMl);
    expect(at(boosted).vitals.dissociation).toBeGreaterThan(at(not).vitals.dissociation);
  });
});

describe('a benzodiazepine', () => {
  const scenario = visit('benzodiazepine.json');

  it('taken the night before already lowers SpO2 on arrival', () => {
    const { priorAdjuncts: _p, ...patient } = scenario.patient;
    expect(at(play(scenario)).vitals.spo2).toBeLessThan(
      at(play({ ...scenario, patient })).vitals.spo2,
    );
  });

  it('given during the session lowers SpO2 further', () => {
    const given = play(scenario, ...TO_DOSE, advance(10), 'mon-lorazepam', advance(50));
    const not = play(scenario, ...TO_DOSE, advance(10), 'mon-presence', advance(50));
    expect(at(given).minute).toBe(60);
    expect(at(given).vitals.spo2).toBeLessThan(at(not).vitals.spo2);
    expect(at(given).drug!.sedation).toBeGreaterThan(at(not).drug!.sedation);
  });
});

describe('model-driven fixtures end as they should under the headless strategies', () => {
  it.each(['booster-lozenge.json', 'benzodiazepine.json'])(
    '%s: best passes, worst fails',
    (file) => {
      const scenario = visit(file);
      expect(
        playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' }).report.passed,
      ).toBe(true);
      expect(
        playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'worst' }).report.passed,
      ).toBe(false);
    },
  );
});

describe('format-1 time courses still override the model', () => {
  it('a scenario with timeCourse plays by its triangle even with a weight', () => {
    const scenario = visit('infusion-pause.json');
    const withCourse: ScenarioV1 = {
      ...scenario,
      protocol: {
        ...scenario.protocol,
        timeCourse: {
          onsetMinutes: 5,
          peakMinutes: 20,
          offsetMinutes: 60,
          peakEffect: { dissociation: 6 },
        },
      },
    };
    const s = play(withCourse, ...TO_DOSE, advance(10), 'mon-pause', advance(10));
    expect(at(s).vitals.dissociation).toBe(6);
  });
});

describe('the effect-site concentration beside the vitals history', () => {
  it('each minute since the dose carries the modelled concentration; the last is the model now', () => {
    const s = play(visit('booster-lozenge.json'), ...TO_DOSE, advance(20));
    const view = viewSession(s);
    const trace = view.vitalsHistory.map((h) => h.effectSiteNgPerMl);
    expect(trace).toHaveLength(21);
    expect(trace.every((c) => typeof c === 'number')).toBe(true);
    // A lozenge is absorbed over minutes: the effect site follows the plasma upwards.
    expect(trace[20]!).toBeGreaterThan(trace[5]!);
    expect(trace[20]).toBeCloseTo(view.drug!.effectSiteNgPerMl, 2);
  });

  it('without a drug model the samples carry no concentration', () => {
    const run = playHeadless(visit('rest-and-recheck.json'), {
      seed: 1,
      mode: 'assessment',
      strategy: 'best',
    });
    const history = run.view.vitalsHistory;
    expect(history.length).toBeGreaterThan(1);
    expect(history.some((h) => 'effectSiteNgPerMl' in h)).toBe(false);
  });
});
