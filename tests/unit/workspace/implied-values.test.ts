/**
 * The workspace reads a scenario's implied `kind` and `next` as the validator and the session do:
 * the preview, the map and the map's edits follow the step written after an option's own.
 */
import { describe, expect, it } from 'vitest';
import { checkForWorker, checkText, completeCheck } from '../../../src/workspace/check.ts';
import { validate } from '../../../src/engine/format/validate.ts';
import {
  applyChanges,
  parseLoose,
  valueAt,
  type Change,
} from '../../../src/engine/format/text-edit.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { previewSnapshot } from '../../../src/engine/session/preview.ts';
import { step } from '../../../src/engine/session/session.ts';
import { viewSession } from '../../../src/engine/session/view.ts';
import { addStepAfterChanges, targetOf } from '../../../src/workspace/editor/map-edits.ts';
import { keepImpliedNext } from '../../../src/workspace/editor/implied-next.ts';
import { readFixture } from '../format/fixture-files.ts';

/** A valid file that leaves out every implied kind and next. */
const text = readFixture('valid', 'implied-values.json').toString('utf8');

describe('the workspace check of a file that leaves kind and next implied', () => {
  it('gives the preview the scenario the validator gives the session', () => {
    const parsed = parseLoose(text);
    const before = JSON.stringify(parsed);
    const checked = completeCheck(checkForWorker(text), text, parsed);
    expect(checked.scenario).toEqual(validate(text).scenario);
    const option = checked.scenario!.phases[0]!.steps[0]!.options[0]!;
    expect(option).toMatchObject({ id: 'prep-ask-consent', kind: 'action', next: 'prep-vitals' });
    // The editor's own parse (the forms' document) is not changed.
    expect(JSON.stringify(parsed)).toBe(before);
  });

  it('a preview from a step follows the implied next of the option chosen', () => {
    const scenario = completeCheck(checkForWorker(text), text, parseLoose(text)).scenario!;
    const from = previewSnapshot(scenario, { stepId: 'prep-welcome' });
    const after = step(from, { type: 'trainee.choose', optionId: 'prep-ask-consent' });
    expect(viewSession(after).step?.id).toBe('prep-vitals');
  });

  it('the map of a file with errors draws implied next arrows to the following step', () => {
    const broken = text.replace('"id": "fixture-minimal-session"', '"id": 7');
    const { map, scenario } = checkText(broken);
    expect(scenario).toBeUndefined();
    const edge = map!.edges.find((e) => e.optionId === 'prep-ask-consent')!;
    expect(edge.kind).toBe('next');
    expect(map!.nodes.find((n) => n.key === edge.to)?.id).toBe('prep-vitals');
  });
});

describe('map edits read the implied next', () => {
  it('an option without a target shows where it leads; one with a target shows that', () => {
    expect(targetOf({ id: 'a' }, 'following')).toEqual({ next: 'following' });
    expect(targetOf({ id: 'a', endsPhase: true }, 'following')).toEqual({ endsPhase: true });
    expect(targetOf({ id: 'a' })).toBeUndefined();
  });

  it('adding a step after one keeps its implied-next options leading where they led', () => {
    const doc = parseLoose(text);
    const { changes, id } = addStepAfterChanges(doc, 0, 0);
    const after = validate(applyChanges(text, keepImpliedNext(doc, changes))).scenario!;
    const [welcome, added, vitals] = after.phases[0]!.steps;
    expect([welcome!.id, added!.id, vitals!.id]).toEqual(['prep-welcome', id, 'prep-vitals']);
    const targets = Object.fromEntries(welcome!.options.map((o) => [o.id, o.next]));
    expect(targets).toEqual({ 'prep-ask-consent': id, 'prep-rush': 'prep-vitals' });
    expect(added!.options[0]!.next).toBe('prep-vitals');
    expect(valueAt(doc, ['phases', 0, 'steps', 0, 'options', 1, 'next'])).toBeUndefined();
  });
});

describe('editing the step list keeps implied next values', () => {
  const edited = (changes: Change[]) => {
    const out = applyChanges(text, keepImpliedNext(parseLoose(text), changes));
    return { out, result: validate(out) };
  };
  const targetsOf = (s: ScenarioV1, phase: number) =>
    Object.fromEntries(
      s.phases[phase]!.steps.flatMap((st) => st.options.map((o) => [o.id, o.next ?? null])),
    );
  const before = validate(text).scenario!;

  it('moving a step writes out the next of the options it would redirect, and only those', () => {
    // integration: int-reflect (options lead to int-discharge by default), int-discharge.
    const { out, result } = edited([
      { kind: 'move', path: ['phases', 4, 'steps'], from: 1, to: 0 },
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(targetsOf(result.scenario!, 4)).toEqual(targetsOf(before, 4));
    expect(out.match(/"next": "int-discharge"/g)).toHaveLength(2);
  });

  it('deleting the step an option led to by default is reported, not silently redirected', () => {
    const { result } = edited([{ kind: 'remove', path: ['phases', 0, 'steps', 1] }]);
    expect(result.diagnostics.map((d) => d.code)).toContain('UNKNOWN_STEP');
  });

  it('an edit that does not touch the step list adds nothing', () => {
    const change: Change = { kind: 'set', path: ['phases', 0, 'steps', 0, 'text'], value: 'Hi.' };
    expect(keepImpliedNext(parseLoose(text), [change])).toEqual([change]);
  });
});
