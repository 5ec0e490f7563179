import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, PATH_COUNT_CAP } from '../../../src/engine/analysis/analyze.ts';
import { validate, type ScenarioV1 } from '../../../src/engine/format/index.ts';
import { generateScenario } from '../../../bench/generate-scenario.ts';

const fixture = (): ScenarioV1 => {
  const text = readFileSync(
    new URL('../../fixtures/format/valid/minimal-session.json', import.meta.url),
    'utf8',
  );
  return structuredClone(validate(text).scenario!);
};

describe('analyze', { timeout: 30_000 }, () => {
  const a = analyze(fixture());

  it('counts steps and distinct paths per phase', () => {
    expect(a.totalSteps).toBe(8);
    expect(a.phases.map((p) => [p.id, p.steps, p.reachableSteps, p.paths])).toEqual([
      // two openings × (check vitals or defer)
      ['preparation', 2, 2, 4],
      // giving the dose; waiting loops back and is not a new path
      ['administration', 1, 1, 1],
      ['monitoring', 1, 1, 1],
      ['guidedConversation', 2, 2, 2],
      ['integration', 2, 2, 2],
    ]);
    expect(a.phases.every((p) => p.reachable && !p.pathsCapped)).toBe(true);
  });

  it('computes achievable points over loop-free paths, events and checks included', () => {
    // Best safety path: consent 2 + check 2 + dose 1 + presence 1 + reflection 1 + closing 1
    // + escort 2 + discharge 1 = 11, antiemetic 2, check on time 2.
    // Worst safety: rushing (-2) then deferring (0), and the missed nausea response (-2).
    expect(a.scores.perCompetency.safety).toEqual({ min: -4, max: 15 });
    expect(a.scores.perCompetency.alliance).toEqual({ min: 0, max: 7 });
    expect(a.scores.overall.max).toBe(22);
  });

  it('lists reachable critical errors and unused content', () => {
    expect(a.criticalErrors).toEqual([
      {
        id: 'int-allow',
        path: '/phases/4/steps/0/options/1',
        explanation: expect.stringContaining('drive'),
        // No gate refuses the option itself, but integration follows the dose, which the dose
        // gate may refuse: the error is recorded only if that gate opens.
        gates: [],
        gated: true,
      },
    ]);
    expect(a.unused).toEqual({
      references: [],
      variablesNeverRead: ['trust'],
      variablesNeverWritten: [],
      audio: [],
      endings: [],
    });
  });

  it('does not count critical errors or endings behind a phase that cannot be entered', () => {
    const s = fixture();
    // Guided conversation can no longer end: its only exit now ends the session.
    s.phases[3]!.steps[1]!.options[0] = {
      ...s.phases[3]!.steps[1]!.options[0]!,
      endsPhase: undefined,
      ending: 'ending-deferred',
    };
    s.references.push({ id: 'ref-unused', citation: 'Never cited.' });
    const r = analyze(s);
    expect(r.phases.map((p) => p.reachable)).toEqual([true, true, true, true, false]);
    expect(r.criticalErrors).toEqual([]);
    expect(r.unused.endings).toEqual(['ending-complete']);
    expect(r.unused.references).toEqual(['ref-unused']);
  });

  it('counts a variable read by a text or feedback variant as read', () => {
    for (const where of ['step', 'event', 'feedback'] as const) {
      const s = fixture();
      const when = { var: 'trust' };
      if (where === 'step') s.phases[0]!.steps[0]!.variants = [{ when, text: 'Trusting.' }];
      if (where === 'event') s.events[0]!.variants = [{ when, text: 'Trusting.' }];
      if (where === 'feedback')
        s.phases[0]!.steps[0]!.options[0]!.feedbackVariants = [{ when, feedback: 'Trusted.' }];
      expect(analyze(s).unused.variablesNeverRead, where).toEqual([]);
    }
  });

  it("counts a variable read only by a visit's end gate as read", () => {
    const s = fixture();
    expect(analyze(s).unused.variablesNeverRead).toEqual(['trust']);
    s.visit = {
      kind: 'dosing',
      endGates: [{ id: 'gate-trust', when: { not: { var: 'trust' } }, reason: 'Not yet.' }],
    };
    expect(analyze(s).unused.variablesNeverRead).toEqual([]);
  });

  it('reports unreachable steps', () => {
    const s = fixture();
    s.phases[2]!.steps.push({
      id: 'orphan',
      speaker: 'narrator',
      text: 'Alone.',
      options: [{ id: 'orphan-go', kind: 'response', text: 'Go', endsPhase: true }],
    });
    expect(analyze(s).phases[2]).toMatchObject({
      steps: 2,
      reachableSteps: 1,
      unreachableSteps: ['orphan'],
    });
  });

  it('counts an exponential number of paths without enumerating them, capping huge counts', () => {
    const s = fixture();
    // A ladder of n steps with two ways to each next step has 2^n paths.
    const ladder = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `l${i}`,
        speaker: 'narrator' as const,
        text: 'Step',
        options: ['a', 'b'].map((x) => ({
          id: `l${i}${x}`,
          kind: 'response' as const,
          text: x,
          ...(i + 1 < n ? { next: `l${i + 1}` } : { endsPhase: true as const }),
        })),
      }));
    s.phases[2] = { id: 'monitoring', start: 'l0', steps: ladder(40) };
    expect(analyze(s).phases[2]).toMatchObject({ paths: 2 ** 40, pathsCapped: false });
    s.phases[2] = { id: 'monitoring', start: 'l0', steps: ladder(200) };
    expect(analyze(s).phases[2]).toMatchObject({ paths: PATH_COUNT_CAP, pathsCapped: true });
  });

  it('handles 20,000 steps and long chains without recursion', () => {
    const { scenario } = validate(JSON.stringify(generateScenario(20_000)));
    expect(scenario).toBeDefined();
    const r = analyze(scenario!);
    expect(r.totalSteps).toBe(20_000);
    expect(r.phases.every((p) => p.reachableSteps === p.steps)).toBe(true);
    expect(r.phases[0]!.pathsCapped).toBe(true);
  });
});
