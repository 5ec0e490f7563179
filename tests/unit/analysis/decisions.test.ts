import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDecisions } from '../../../src/engine/analysis/decisions.ts';
import { countLines } from '../../../src/engine/analysis/lines.ts';
import { validate, type ScenarioV1 } from '../../../src/engine/format/index.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const TEMPLATE = read('../../../scenarios/templates/minimal.json');
const FIXTURE = read('../../fixtures/format/valid/minimal-session.json');
const load = (text: string): ScenarioV1 => structuredClone(validate(text).scenario!);

describe('analyzeDecisions', () => {
  it('counts choice sets whose best option is written first or is the longest', () => {
    const s = load(TEMPLATE);
    const before = analyzeDecisions(s).cues;
    expect(before).toEqual({ choiceSets: 8, bestFirst: 8, bestLongest: 7 });
    s.phases[0]!.steps[0]!.options.reverse();
    s.phases[0]!.steps[0]!.options[1]!.text = 'Go.';
    expect(analyzeDecisions(s).cues).toEqual({ choiceSets: 8, bestFirst: 7, bestLongest: 6 });
  });

  it('lists steps that only weaker options lead to', () => {
    const s = load(FIXTURE);
    expect(analyzeDecisions(s).weakerOnlySteps).toEqual([]);
    // The best answer at talk-open now ends the phase: only the interpretation reaches talk-close.
    const reflect = s.phases[3]!.steps[0]!.options[0]!;
    delete reflect.next;
    reflect.endsPhase = true;
    expect(analyzeDecisions(s).weakerOnlySteps).toEqual([
      { phase: 'guidedConversation', stepId: 'talk-close', reachedBy: ['talk-interpret'] },
    ]);
  });

  it('lists spoken options after which no patient line follows', () => {
    const s = load(FIXTURE);
    // prep-rush → prep-vitals (narrator); int-allow → int-discharge (narrator);
    // talk-end → the integration start (patient); admin-wait → admin-dose (narrator).
    expect(analyzeDecisions(s).spokenWithoutReaction).toEqual([
      'prep-rush',
      'admin-wait',
      'int-allow',
    ]);
  });

  it('does not list options with a reaction of their own, nor what is said to a prescriber or companion', () => {
    const s = load(FIXTURE);
    const rush = s.phases[0]!.steps[0]!.options.find((o) => o.id === 'prep-rush')!;
    rush.reaction = 'She shrugs and reaches for the pen.';
    const admin = s.phases[1]!.steps[0]!;
    admin.speaker = 'prescriber';
    expect(analyzeDecisions(s).spokenWithoutReaction).toEqual(['int-allow']);
  });

  it('reads cited standards defensively and reports them per path', () => {
    const s = load(FIXTURE);
    expect(analyzeDecisions(s).standards).toEqual({
      cited: false,
      bestPath: [],
      worstPath: [],
      breachedBy: {},
    });
    const cite = (o: object, standards: unknown) => Object.assign(o, { standards });
    cite(s.phases[4]!.steps[0]!.options[1]!, { breaches: ['no-driving'], meets: [] });
    cite(s.phases[0]!.steps[0]!.options[1]!, { breaches: ['consent-first', 42] });
    cite(s.phases[0]!.steps[0]!.options[0]!, { meets: ['consent-first'] });
    cite(s.events[0]!.respond!.missed, { breaches: 'not-a-list' });
    const st = analyzeDecisions(s).standards;
    expect(st.cited).toBe(true);
    expect(st.bestPath).toEqual([]);
    // The worst path defers at prep-vitals, so it never reaches integration.
    expect(st.worstPath).toEqual(['consent-first']);
    expect(st.breachedBy).toEqual({ 'consent-first': ['prep-rush'], 'no-driving': ['int-allow'] });
  });
});

describe('countLines', () => {
  it('counts lines per step and the lines that hold only an implied kind or next', () => {
    const s = load(TEMPLATE);
    const before = countLines(TEMPLATE, s);
    expect(before.steps).toBe(8);
    expect(before.lines).toBe(TEMPLATE.split('\n').length - 1);
    expect(before.removable).toBeGreaterThan(8);
    // Delete every kind line (each is implied in the template): the same scenario, fewer lines.
    const shorter = TEMPLATE.replace(/^\s*"kind": "(response|action)",\n/gm, '');
    const removed = before.lines - (shorter.split('\n').length - 1);
    expect(removed).toBeGreaterThan(0);
    const after = countLines(shorter, load(shorter));
    expect(load(shorter)).toEqual(s);
    expect(after.removable).toBe(before.removable - removed);
    expect(after.lines).toBe(before.lines - removed);
    // The figures with everything written out, and with everything left out, do not move.
    expect(before.leftOut).toBe(0);
    expect(after.leftOut).toBe(removed);
    expect(after.linesPerStepWrittenOut).toBe(before.linesPerStep);
    expect(after.linesPerStepImplied).toBe(before.linesPerStepImplied);
  });
});
