import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EditorState } from '../../../src/workspace/editor/editor-state.svelte.ts';
import { threeWayMerge } from '../../../src/workspace/editor/three-way-merge.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const doc = (t: string) => JSON.parse(t) as { title: string; summary: string };
const withSummary = (t: string, s: string) =>
  t.replace(/"summary": "[^"]*"/, `"summary": ${JSON.stringify(s)}`);

/** Types `suffix` at the end of the title, one keystroke at a time, as the form does. */
function typeInTitle(editor: EditorState, suffix: string) {
  for (const ch of suffix)
    editor.apply(
      [{ kind: 'set', path: ['title'], value: doc(editor.text).title + ch }],
      'edit Title',
      '/title',
    );
}

describe('merging with the file changed on disk', () => {
  const title = doc(template).title;
  const disk = withSummary(template, 'Changed on disk.');

  it('keeps the title typed here and the summary changed on disk', () => {
    const editor = new EditorState(null);
    editor.open('draft.json', template, 'author');
    typeInTitle(editor, ' v3');
    expect(editor.merge(disk)).toBeNull();
    expect(doc(editor.text).title).toBe(`${title} v3`);
    expect(doc(editor.text).summary).toBe('Changed on disk.');
    expect(editor.dirty).toBe(true);
    // Only the title line differs from the disk text: its formatting is kept.
    const a = editor.text.split('\n');
    const b = disk.split('\n');
    expect(a.filter((l, i) => l !== b[i])).toEqual([
      `  "title": ${JSON.stringify(`${title} v3`)},`,
    ]);
  });

  it('keeps both after a page reload restored the working copy (no undo history)', () => {
    const store = new Map<string, string>();
    const kv = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const first = new EditorState(kv);
    first.open('draft.json', template, 'author');
    typeInTitle(first, ' v3');
    first.flush();
    const copy = JSON.parse(store.get('kap-workspace-working-copy')!) as {
      text: string;
      base: string;
    };
    const restored = new EditorState(kv);
    restored.open('draft.json', copy.text, 'author', copy.base);
    expect(restored.merge(disk)).toBeNull();
    expect(doc(restored.text).title).toBe(`${title} v3`);
    expect(doc(restored.text).summary).toBe('Changed on disk.');
    expect(restored.dirty).toBe(true);
  });

  it('says so and keeps the instructor version when both changed the same field', () => {
    const editor = new EditorState(null);
    editor.open('draft.json', template, 'author');
    typeInTitle(editor, ' v3');
    const mine = editor.text;
    const theirs = template.replace(
      `"title": ${JSON.stringify(title)}`,
      '"title": "Renamed on disk"',
    );
    const problem = editor.merge(theirs);
    expect(problem).toContain('both changed title');
    expect(problem).toContain('"Renamed on disk"');
    expect(editor.text).toBe(mine);
    expect(editor.dirty).toBe(true);
  });

  it('treats the same change on both sides as no conflict', () => {
    const mine = withSummary(template, 'Same.');
    const result = threeWayMerge(template, mine, mine);
    expect(result).toEqual({ ok: true, changes: [] });
  });

  it('finds a conflict when the disk removed the object an edit is in', () => {
    const base = '{"id":"a","meta":{"x":1,"y":2}}';
    const result = threeWayMerge(base, '{"id":"a","meta":{"x":5,"y":2}}', '{"id":"a"}');
    expect(result.ok).toBe(false);
  });
});
