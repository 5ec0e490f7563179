import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyChanges, type Change } from '../../../src/engine/index.ts';
import { connectChanges } from '../../../src/workspace/editor/map-edits.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const consent = ['phases', 0, 'steps', 0, 'options'];
const screeningWeaker = ['phases', 0, 'steps', 1, 'options', 1];

/** The lines of `after` not in `before` (as a multiset), to see what an edit touched. */
function addedLines(before: string, after: string): string[] {
  const left = before.split('\n');
  return after.split('\n').filter((line) => {
    const i = left.indexOf(line);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('edits keep the formatting of values they do not change', () => {
  it('reordering options moves their lines as they were (one-line points stay one line)', () => {
    expect(template).toContain('"points": { "safety": 0, "alliance": -1 },');
    const change: Change = { kind: 'move', path: consent, from: 1, to: 0 };
    const after = applyChanges(template, [change]);
    const doc = JSON.parse(after) as { phases: { steps: { options: { id: string }[] }[] }[] };
    expect(doc.phases[0]!.steps[0]!.options.map((o) => o.id)).toEqual([
      'prep-consent-weaker',
      'prep-consent-best',
    ]);
    // The same lines, in another order: nothing re-formatted.
    expect(addedLines(template, after)).toEqual([]);
    expect(after.split('\n')).toHaveLength(template.split('\n').length);
  });

  it('connecting an option changes only its target line, not its sibling standards', () => {
    expect(template).toContain('"standards": { "breaches": ["records-truthful"] },');
    const doc = JSON.parse(template) as unknown;
    const after = applyChanges(
      template,
      connectChanges(doc, screeningWeaker, { next: 'prep-consent' }),
    );
    expect(addedLines(template, after)).toEqual(['              "next": "prep-consent"']);
    expect(after).toContain('"standards": { "breaches": ["records-truthful"] },');
  });
});
