import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analysis/analyze.ts';
import { validate, type ScenarioV1 } from '../../../src/engine/format/index.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';

const load = (path: string): ScenarioV1 =>
  structuredClone(validate(readFileSync(new URL(path, import.meta.url), 'utf8')).scenario!);

describe('analyze: choices a gate may refuse', { timeout: 60_000 }, () => {
  /**
   * The fixture with a step that only the dose leads to: giving the dose now goes to a step
   * whose critical option ends the visit. The dose gate may refuse the dose (and a refused
   * choice records nothing), so that step and its error need the gate to open.
   */
  const behindTheDose = () => {
    const s = load('../../fixtures/format/valid/minimal-session.json');
    const admin = s.phases[1]!;
    admin.steps[0]!.options[0] = { ...admin.steps[0]!.options[0]!, endsPhase: undefined };
    admin.steps[0]!.options[0]!.next = 'admin-after';
    admin.steps.push({
      id: 'admin-after',
      speaker: 'narrator',
      text: 'The dose is in.',
      options: [
        {
          id: 'admin-walk-out',
          kind: 'action',
          action: 'other',
          text: 'Leave the room.',
          points: { safety: -5 },
          critical: { explanation: 'A dosed patient left alone.' },
          ending: 'ending-deferred',
        },
        { id: 'admin-stay', kind: 'response', text: 'Stay.', endsPhase: true },
      ],
    });
    return s;
  };

  it('names the steps and errors only a gated choice leads to, and counts paths both ways', () => {
    const s = behindTheDose();
    const a = analyze(s);
    const admin = a.phases[1]!;
    // Giving the dose, then walking out or staying; waiting loops back and is not a new path.
    expect(admin).toMatchObject({ paths: 2, pathsWithoutGates: 0, reachableWithoutGates: true });
    expect(admin.stepsOnlyThroughGates).toEqual(['admin-after']);
    expect(a.phases.map((p) => p.reachableWithoutGates)).toEqual([true, true, false, false, false]);
    expect(a.gatedChoices.dose).toEqual(['admin-give']);
    expect(a.criticalErrors.find((c) => c.id === 'admin-walk-out')).toMatchObject({
      gates: [],
      gated: true,
    });
    // Without a gated choice the visit ends at the deferral in preparation: consent (+2) or a
    // rush (−2), then deferring (0); the nausea event and the check come only after the dose.
    expect(a.scoresWithoutGates!.perCompetency.safety).toEqual({ min: -2, max: 2 });
    expect(a.scoresWithoutGates!.perCompetency.alliance).toEqual({ min: 0, max: 1 });
    // Counting the dose as if the gate opens, the walk-out is in the range: rush −2, check +2,
    // dose +1, walk out −5, and the nausea event missed −2.
    expect(a.scores.perCompetency.safety!.min).toBe(-6);
  });

  it('names the competencies no path counted scores, apart from those that score zero', () => {
    const s = behindTheDose();
    s.competencies.push({ ...s.competencies.at(-1)!, id: 'presence' });
    // Only the walk-out, behind the dose, scores presence.
    s.phases[1]!.steps[1]!.options[0]!.points = { safety: -5, presence: -1 };
    const a = analyze(s);
    expect(a.scoresWithoutGates!.notScored).toEqual(['presence']);
    expect(a.scoresWithoutGates!.perCompetency.presence).toEqual({ min: 0, max: 0 });
    expect(a.scores.notScored).toEqual([]);
    expect(a.scores.perCompetency.presence).toEqual({ min: -1, max: 0 });
    // An event response on the arrival clock that scores it counts as scoring it.
    s.events.push({
      id: 'ev-presence',
      trigger: { atMinute: 1, from: 'arrival' },
      text: 'She looks up.',
      respond: {
        options: [
          { id: 'ev-presence-look', kind: 'response', text: 'Look back.', points: { presence: 1 } },
        ],
        missed: { points: { presence: 0 }, feedback: 'Missed.' },
      },
    } as unknown as ScenarioV1['events'][number]);
    expect(analyze(s).scoresWithoutGates!.notScored).toEqual([]);
  });

  it('a step reached without the dose is not marked', () => {
    const s = behindTheDose();
    // Waiting now also leads to the step: it no longer needs the dose gate to open.
    s.phases[1]!.steps[0]!.options[1]!.next = 'admin-after';
    const a = analyze(s);
    expect(a.phases[1]!.stepsOnlyThroughGates).toEqual([]);
    expect(a.criticalErrors.find((c) => c.id === 'admin-walk-out')).toMatchObject({
      gates: [],
      gated: false,
    });
  });
});

describe('analyze: the hard-stop scenario', { timeout: 120_000 }, () => {
  const scenario = load('../../../scenarios/hard-stop-blood-pressure.json');
  const a = analyze(scenario);
  const prep = ['p-arrival-settle', 'p-consent-dialogue', 'p-screen-full', 'p-disc-thanks'];
  const play = (choices: string[]) =>
    playHeadless(scenario, { seed: 1, mode: 'assessment', choices });
  const critical = (id: string) => a.criticalErrors.find((c) => c.id === id)!;

  it('marks the dose attempts the session refuses, which record no error', () => {
    const attempts: [string, string[]][] = [
      ['a-bp-dose-first', []],
      ['a-doc-give', ['a-bp-first', 'a-first-document']],
      ['a-rest-give', ['a-bp-first', 'a-first-rest15']],
      ['a-recheck-give', ['a-bp-first', 'a-first-rest15', 'a-rest-recheck']],
    ];
    for (const [id, before] of attempts) {
      const run = play([...prep, ...before, id]);
      expect(run.snapshot.context.lastRefusal?.optionId, id).toBe(id);
      expect(
        run.report.criticalErrors.map((c) => c.optionId),
        id,
      ).not.toContain(id);
      expect(critical(id), id).toMatchObject({ gates: ['dose'], gated: true });
    }
  });

  it('still lists a gated error the gate can let through', () => {
    // After unordered clonidine the reading falls under the hard stop and the dose is accepted.
    const run = play([
      ...prep,
      'a-bp-first',
      'a-first-rest15',
      'a-rest-recheck',
      'a-recheck-clonidine',
      'a-cw-recheck',
      'a-cr-give',
      'a-crd-give',
    ]);
    expect(run.report.criticalErrors.map((c) => c.optionId)).toContain('a-crd-give');
    expect(critical('a-crd-give')).toMatchObject({ gates: ['dose'], gated: true });
  });

  it('leaves ungated errors unmarked and marks those only the dose leads to', () => {
    for (const id of ['a-first-document', 'a-recheck-clonidine', 'a-cr-give', 'a-cr-hide'])
      expect(critical(id), id).toMatchObject({ gates: [], gated: false });
    for (const id of ['i-home-drive', 'i-discharge-walk'])
      expect(critical(id), id).toMatchObject({ gates: [], gated: true });
    expect(a.phases.map((p) => p.reachableWithoutGates)).toEqual([true, true, false, false, false]);
    expect(a.phases[1]!.stepsOnlyThroughGates).toEqual(['a-settle']);
    expect(a.phases[1]!.pathsWithoutGates).toBeLessThan(a.phases[1]!.paths);
    expect(a.phases.slice(2).map((p) => p.pathsWithoutGates)).toEqual([0, 0, 0]);
  });

  it('the range without a gated choice holds what the best play earns', () => {
    const best = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(best.report.ending?.kind).toBe('deferred');
    const free = a.scoresWithoutGates!;
    for (const [id, c] of Object.entries(best.report.competencies)) {
      expect(c.earned, id).toBeLessThanOrEqual(free.perCompetency[id]!.max);
      expect(c.earned, id).toBeGreaterThanOrEqual(free.perCompetency[id]!.min);
    }
    // The best play takes every best option on the way to the deferral: its safety points are
    // the highest the session allows without the dose, below the figure counting the scheduled
    // check after a dose the hard stop refuses.
    expect(best.report.competencies.safety!.earned).toBe(free.perCompetency.safety!.max);
    expect(free.perCompetency.safety!.max).toBeLessThan(a.scores.perCompetency.safety!.max);
    // Presence is scored only after the dose.
    expect(free.perCompetency.presence).toEqual({ min: 0, max: 0 });
  });
});
