/**
 * The bundled dosing scenarios are played by the drug model: every patient has a weight, every
 * option that gives the drug says what it gives, and a hand-set `timeCourse` stays only where the
 * format changelog gives the reason. The dissociation peak of a played session falls where the
 * route's published time course puts it.
 *
 * Route windows (minutes since the dose), from the project's clinical facts (Appendix A,
 * "scenario-ready reference values"), with the peak
 * replayed minute by minute from the model (unrounded):
 * - sublingual lozenge: onset 15–25 min, peak about 40 min (Sage; Center for Psychotherapy); the
 *   model's mucosal absorption is calibrated to Rolan 2014's median Tmax of 45 min (range
 *   15–60 min), and the effect site lags it → 30–60;
 * - intranasal esketamine: dissociation peaks at about 40 min (manufacturer medical information)
 *   → 25–60;
 * - intramuscular: onset within 5 min, course about 60 min (Sage), plasma peak 5–15 min
 *   (docs/drug-model.md), the effect site a few minutes later → 5–30;
 * - intravenous infusion (0.5 mg/kg over 40 min, Andrade 2017): the effect peaks near the end of
 *   the infusion, or of its stop when the team stops it early (docs/drug-model.md: 35–50 min for a
 *   full infusion) → from 10 minutes before to 10 minutes after the infusion ends.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../../src/engine/play/headless.ts';
import { initialSnapshot, step } from '../../../src/engine/session/session.ts';
import { effectNow, modelDrivesSignals } from '../../../src/engine/session/drug-course.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { loadScenarioFile, shippedScenarioFiles } from '../session/fixtures.ts';

type Route = ScenarioV1['protocol']['route'];

const CHANGELOG = readFileSync(
  new URL('../../../docs/format-changelog.md', import.meta.url),
  'utf8',
);

/** The override table of the changelog: scenario id → [signals from, reason]. */
function overrideTable(): Map<string, { from: string; reason: string }> {
  const start = CHANGELOG.indexOf('<!-- timecourse-overrides:start');
  const end = CHANGELOG.indexOf('<!-- timecourse-overrides:end');
  expect(start, 'the changelog has the time-course override table').toBeGreaterThan(-1);
  const rows = new Map<string, { from: string; reason: string }>();
  for (const line of CHANGELOG.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || cells[1] === 'scenario' || cells[1]!.startsWith('-')) continue;
    rows.set(cells[1]!, { from: cells[2]!, reason: cells[3]! });
  }
  return rows;
}

interface OptionLike {
  id: string;
  action?: string;
  dose?: unknown;
}

/** Every option of the scenario: step options and event responses. */
function allOptions(s: ScenarioV1): OptionLike[] {
  const out: OptionLike[] = [];
  for (const phase of s.phases) for (const step of phase.steps) out.push(...step.options);
  for (const event of s.events ?? []) out.push(...(event.respond?.options ?? []));
  return out;
}

const isDosing = (s: ScenarioV1) => (s.visit?.kind ?? 'dosing') === 'dosing';

const scenarios = shippedScenarioFiles()
  .map((file) => loadScenarioFile(file))
  .filter(isDosing);

/**
 * The minute (since the dose) of the modelled dissociation peak of a played session: its log is
 * replayed with every clock advance split into single minutes, reading the model's unrounded
 * dissociation after each. Also returns the replay's ending, to check the replay is the same run.
 */
function modelledPeak(s: ScenarioV1, events: readonly SessionEvent[]) {
  let snap = initialSnapshot(s, { seed: 1, mode: 'assessment' });
  let best = { minute: -1, dissociation: -1 };
  const sample = () => {
    const c = snap.context;
    const e = effectNow(c);
    if (c.minute !== null && e && e.dissociation > best.dissociation)
      best = { minute: c.minute, dissociation: e.dissociation };
  };
  for (const event of events) {
    const minutes = event.type === 'clock.advance' ? event.minutes : 0;
    if (minutes > 0) {
      for (let i = 0; i < minutes; i++) {
        snap = step(snap, { type: 'clock.advance', minutes: 1 });
        sample();
      }
    } else {
      snap = step(snap, event);
      sample();
    }
  }
  return { ...best, ending: snap.context.ending };
}

const INFUSION_CONTROL = new Set(['pauseAdministration', 'stopAdministration']);

/** The window the peak must fall in, for this route and this played session. */
function window(route: Route, s: ScenarioV1, decisions: readonly DecisionLike[]): [number, number] {
  switch (route) {
    case 'sublingual':
      return [30, 60];
    case 'intranasal':
      return [25, 60];
    case 'intramuscular':
      return [5, 30];
    case 'intravenous': {
      const actions = new Map(allOptions(s).map((o) => [o.id, o.action]));
      const infusion = allOptions(s)
        .map((o) => o.dose as { kind?: string; overMinutes?: number } | undefined)
        .find((d) => d?.kind === 'infusion');
      let end = infusion?.overMinutes ?? 40;
      const stop = decisions.find(
        (d) => d.minute !== null && INFUSION_CONTROL.has(actions.get(d.optionId ?? '') ?? ''),
      );
      if (stop && stop.minute! < end) end = stop.minute!;
      return [end - 10, end + 10];
    }
  }
}

interface DecisionLike {
  minute: number | null;
  optionId: string | null;
}

describe('bundled dosing scenarios on the drug model', () => {
  const overrides = overrideTable();

  it('finds the bundled dosing scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (id, s) => {
    it('gives the patient a weight and every drug-giving option a dose', () => {
      expect(s.patient.weightKg, 'patient.weightKg').toBeGreaterThan(0);
      const missing = allOptions(s)
        .filter((o) => o.action === 'administerDose' || o.action === 'giveBooster')
        .filter((o) => o.dose === undefined)
        .map((o) => o.id);
      expect(missing, 'dose options without a "dose"').toEqual([]);
    });

    it('has no timeCourse, or one the changelog gives a reason for', () => {
      const row = overrides.get(id);
      expect(row, `${id} is listed in the changelog's override table`).toBeDefined();
      if (s.protocol.timeCourse === undefined) {
        expect(row!.from).toBe('model');
      } else {
        expect(row!.from).toContain('override');
        expect(row!.reason.length, 'the reason for keeping the timeCourse').toBeGreaterThan(40);
      }
    });

    it("peaks in dissociation within its route's time course", () => {
      // The best path; a scenario whose best path never doses (deferral) is checked on its worst.
      let run = playHeadless(s, { seed: 1, mode: 'assessment', strategy: 'best' });
      if (run.snapshot.context.doseClock === null)
        run = playHeadless(s, { seed: 1, mode: 'assessment', strategy: 'worst' });
      if (run.snapshot.context.doseClock === null) {
        // Only a scenario built around a hard stop may refuse every strategy's dose (its own test
        // plays the one path that doses).
        expect(s.protocol.thresholds.hardStop, 'a path that doses, or a hard stop').toBeDefined();
        return;
      }
      const c = run.snapshot.context;
      const label = `${s.protocol.route} dissociation peak, minutes after the dose`;
      if (modelDrivesSignals(c)) {
        const [from, to] = window(s.protocol.route, s, [...c.decisions]);
        const peak = modelledPeak(s, run.attempt.events);
        expect(peak.ending, 'the minute-by-minute replay is the same run').toEqual(c.ending);
        expect(peak.minute, label).toBeGreaterThanOrEqual(from);
        expect(peak.minute, label).toBeLessThanOrEqual(to);
      } else {
        // The hand-set override peaks where it says, whatever the team does; that too must suit
        // the route as prescribed (a full infusion).
        const [from, to] = window(s.protocol.route, s, []);
        expect(s.protocol.timeCourse!.peakMinutes, label).toBeGreaterThanOrEqual(from);
        expect(s.protocol.timeCourse!.peakMinutes, label).toBeLessThanOrEqual(to);
      }
    });
  });
});
