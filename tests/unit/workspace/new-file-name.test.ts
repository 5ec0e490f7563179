import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EditorState } from '../../../src/workspace/editor/editor-state.svelte.ts';
import { fileNameForId, idFileNameFinding } from '../../../src/engine/index.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const setId = (editor: EditorState, id: string) =>
  editor.apply([{ kind: 'set', path: ['id'], value: id }], 'edit Id', '/id');

describe('the file name of a scenario never saved follows its id', () => {
  it('a new scenario is renamed with its id, and the id then matches the file name', () => {
    const editor = new EditorState(null);
    editor.open('new-scenario.json', template, 'template');
    setId(editor, 'kap-consent-drill');
    expect(editor.name).toBe('kap-consent-drill.json');
    expect(idFileNameFinding('kap-consent-drill', editor.name)).toBeNull();
    // Undo renames it back.
    editor.undo();
    expect(editor.name).toBe(`${(JSON.parse(template) as { id: string }).id}.json`);
  });

  it('an id that is not valid (half-typed, a path) leaves the last good name', () => {
    const editor = new EditorState(null);
    editor.open('drill-copy.json', template, 'copy');
    setId(editor, 'drill-two');
    setId(editor, 'drill-');
    expect(editor.name).toBe('drill-two.json');
    setId(editor, '../evil');
    expect(editor.name).toBe('drill-two.json');
  });

  it('a file opened or saved keeps its own name', () => {
    const opened = new EditorState(null);
    opened.open('ward-drill.json', template, 'file');
    setId(opened, 'another-id');
    expect(opened.name).toBe('ward-drill.json');

    const saved = new EditorState(null);
    saved.open('new-scenario.json', template, 'template');
    setId(saved, 'first-name');
    saved.saved('first-name.json');
    setId(saved, 'second-name');
    expect(saved.name).toBe('first-name.json');
  });

  it('fileNameForId accepts only scenario ids', () => {
    expect(fileNameForId('a-b-2')).toBe('a-b-2.json');
    for (const bad of ['', 'A', 'a/b', 'a--b', 7, null, 'x'.repeat(81)])
      expect(fileNameForId(bad)).toBeNull();
  });
});
