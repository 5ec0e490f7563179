import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, modify } from 'jsonc-parser';
import {
  applyChange,
  literalRange,
  parseLoose,
  valueAt,
} from '../../../src/engine/format/text-edit.ts';
import { EditHistory } from '../../../src/workspace/editor/history.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');

/** Lines of `after` that are not in `before` at the same place (a crude line diff). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return b.slice(start, b.length - end);
}

describe('minimal text edits', () => {
  it('changing one value touches only its line and keeps formatting and key order', () => {
    const after = applyChange(template, {
      kind: 'set',
      path: ['phases', 0, 'steps', 0, 'options', 0, 'text'],
      value: 'A new text',
    });
    const lines = changedLines(template, after);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"text": "A new text"');
    expect(valueAt(parseLoose(after), ['phases', 0, 'steps', 0, 'options', 0, 'text'])).toBe(
      'A new text',
    );
    expect(after.length - template.length).toBe(
      'A new text'.length -
        String(valueAt(parseLoose(template), ['phases', 0, 'steps', 0, 'options', 0, 'text']))
          .length,
    );
  });

  it('inserts, removes and moves array items using the file indentation', () => {
    const path = ['endings'];
    const inserted = applyChange(template, {
      kind: 'insert',
      path,
      index: 1,
      value: { id: 'x', kind: 'stopped', title: 'T', text: 'X' },
    });
    const ends = valueAt(parseLoose(inserted), path) as { id: string }[];
    expect(ends.map((e) => e.id)).toEqual(['discharged', 'x', 'dose-deferred', 'left-early']);
    expect(inserted).toMatch(/\n {6}"id": "x",\n/);
    const moved = applyChange(inserted, { kind: 'move', path, from: 1, to: 3 });
    expect((valueAt(parseLoose(moved), path) as { id: string }[]).map((e) => e.id)).toEqual([
      'discharged',
      'dose-deferred',
      'left-early',
      'x',
    ]);
    const removed = applyChange(moved, { kind: 'remove', path: [...path, 3] });
    expect(removed).toBe(template);
  });

  it('replaces a literal in place exactly as jsonc-parser would, finding it past skipped content', () => {
    for (const [path, value] of [
      [['integration', 'x'], 1],
      [['phases', 4, 'steps', 1, 'options', 1, 'text'], 'Quote " and \\ backslash'],
      [['patient', 'age'], 51],
      [['protocol', 'discharge', 'requireTransport'], false],
    ] as const) {
      const expected = applyEdits(
        template,
        modify(template, [...path], value, {
          formattingOptions: { insertSpaces: true, tabSize: 2 },
        }),
      );
      expect(applyChange(template, { kind: 'set', path: [...path], value })).toBe(expected);
    }
    expect(literalRange(template, ['phases', 4, 'steps', 1, 'id'])).not.toBeNull();
    expect(literalRange(template, ['phases', 4, 'steps', 1])).toBeNull();
    expect(literalRange(template, ['nothing', 'here'])).toBeNull();
  });

  it('refuses a move out of range with the path in the message', () => {
    expect(() =>
      applyChange(template, { kind: 'move', path: ['endings'], from: 0, to: 9 }),
    ).toThrow(/\/endings/);
  });

  it('renames a property in place: only its name changes, its value and position stay', () => {
    const text = '{\n  "points": { "safety": 2, "alliance": -1 },\n  "x": 1\n}\n';
    const after = applyChange(text, { kind: 'renameKey', path: ['points', 'safety'], to: 'care' });
    expect(after).toBe('{\n  "points": { "care": 2, "alliance": -1 },\n  "x": 1\n}\n');
    expect(() =>
      applyChange(text, { kind: 'renameKey', path: ['points', 'safety'], to: 'alliance' }),
    ).toThrow('/points already has a property "alliance"');
    expect(() =>
      applyChange(text, { kind: 'renameKey', path: ['points', 'none'], to: 'a' }),
    ).toThrow('There is no property /points/none');
  });
});

describe('undo and redo', () => {
  const textPath = ['title'];
  it('undoes and redoes edits exactly, and typing in one field is one undo step', () => {
    const h = new EditHistory(template);
    h.apply([{ kind: 'set', path: textPath, value: 'A' }], 'title', 'title');
    h.apply([{ kind: 'set', path: textPath, value: 'AB' }], 'title', 'title');
    h.apply([{ kind: 'remove', path: ['endings', 2] }], 'delete ending');
    const edited = h.text;
    expect(h.undo()).toBe(true);
    expect(valueAt(parseLoose(h.text), ['endings', 2])).toBeDefined();
    expect(h.undo()).toBe(true);
    expect(h.text).toBe(template);
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe(true);
    expect(valueAt(parseLoose(h.text), textPath)).toBe('AB');
    expect(h.redo()).toBe(true);
    expect(h.text).toBe(edited);
  });

  it('a new edit clears redo; an edit that changes nothing is not recorded', () => {
    const h = new EditHistory(template);
    h.apply([{ kind: 'set', path: textPath, value: 'A' }], 't');
    h.undo();
    expect(
      h.apply(
        [{ kind: 'set', path: textPath, value: valueAt(parseLoose(template), textPath) }],
        'same',
      ),
    ).toBe(false);
    h.apply([{ kind: 'set', path: ['summary'], value: 'S' }], 's');
    expect(h.canRedo).toBe(false);
  });

  it('tracks whether the text differs from the save, and the changes since it', () => {
    const h = new EditHistory(template);
    expect(h.dirty).toBe(false);
    h.apply([{ kind: 'set', path: textPath, value: 'A' }], 't');
    h.markSaved();
    expect(h.dirty).toBe(false);
    h.apply([{ kind: 'set', path: ['summary'], value: 'S' }], 's');
    expect(h.dirty).toBe(true);
    expect(h.changesSinceSave()).toEqual([{ kind: 'set', path: ['summary'], value: 'S' }]);
    h.undo();
    expect(h.dirty).toBe(false);
    h.undo();
    expect(h.changesSinceSave()).toBeNull();
    // A different edit after undoing past the save never counts as saved again.
    h.apply([{ kind: 'set', path: ['summary'], value: 'Z' }], 'z');
    expect(h.dirty).toBe(true);
  });
});
