import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EditorState } from '../../../src/workspace/editor/editor-state.svelte.ts';
import {
  WORKING_COPY_KEY,
  type KeyValueStore,
} from '../../../src/workspace/editor/working-copy.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const title = (t: string) => (JSON.parse(t) as { title: string }).title;

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('discarding changes', () => {
  it('a new scenario from the template has no unsaved changes before an edit', () => {
    const editor = new EditorState(null);
    editor.open('new-scenario.json', template, 'template');
    expect(editor.dirty).toBe(false);
    expect(editor.canUndo).toBe(false);
  });

  it('returns to the text the scenario started from, and Undo brings the edits back', () => {
    const store = memoryStore();
    const editor = new EditorState(store);
    editor.open('new-scenario.json', template, 'template');
    editor.apply([{ kind: 'set', path: ['title'], value: 'Edited' }], 'edit Title');
    editor.flush();
    expect(store.map.has(WORKING_COPY_KEY)).toBe(true);

    editor.discard();
    expect(editor.text).toBe(template);
    expect(editor.dirty).toBe(false);
    expect(store.map.has(WORKING_COPY_KEY)).toBe(false);

    expect(editor.canUndo).toBe(true);
    editor.undo();
    expect(title(editor.text)).toBe('Edited');
    expect(editor.dirty).toBe(true);
    editor.redo();
    expect(editor.text).toBe(template);
  });

  it('after a save, returns to the saved text, not the text first opened', () => {
    const editor = new EditorState(null);
    editor.open('copy.json', template, 'copy');
    editor.apply([{ kind: 'set', path: ['title'], value: 'Saved title' }], 'edit Title');
    editor.saved('copy.json');
    expect(editor.origin).toBe('file');
    editor.apply([{ kind: 'set', path: ['title'], value: 'Later' }], 'edit Title');
    editor.discard();
    expect(title(editor.text)).toBe('Saved title');
  });

  it('does nothing when there is nothing to discard', () => {
    const editor = new EditorState(null);
    editor.open('a.json', template, 'file');
    editor.discard();
    expect(editor.text).toBe(template);
    expect(editor.canUndo).toBe(false);
  });
});
