import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addStepAfterChanges,
  connectChanges,
  targetOf,
} from '../../../src/workspace/editor/map-edits.ts';
import { applyChanges, parseLoose, valueAt } from '../../../src/engine/format/text-edit.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');

describe('edits from the map', () => {
  it('adds a step after one, keeping the path through it', () => {
    const doc = parseLoose(template);
    const { changes, id } = addStepAfterChanges(doc, 0, 0);
    const after = parseLoose(applyChanges(template, changes));
    const steps = valueAt(after, ['phases', 0, 'steps']) as { id: string; options: unknown[] }[];
    expect(steps.map((s) => s.id)).toEqual(['prep-consent', id, 'prep-screening']);
    expect(targetOf(steps[0]!.options[0])).toEqual({ next: id });
    expect(targetOf(steps[1]!.options[0])).toEqual({ next: 'prep-screening' });
  });

  it('connects an option to a step, the end of the phase or an ending, replacing its target', () => {
    const path = ['phases', 0, 'steps', 1, 'options', 0];
    let text = applyChanges(
      template,
      connectChanges(parseLoose(template), path, { next: 'prep-consent' }),
    );
    let option = valueAt(parseLoose(text), path) as Record<string, unknown>;
    expect(option.next).toBe('prep-consent');
    expect(option.endsPhase).toBeUndefined();
    text = applyChanges(text, connectChanges(parseLoose(text), path, { ending: 'left-early' }));
    option = valueAt(parseLoose(text), path) as Record<string, unknown>;
    expect(targetOf(option)).toEqual({ ending: 'left-early' });
    expect(option.next).toBeUndefined();
  });
});
