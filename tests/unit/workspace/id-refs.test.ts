import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  declaredIds,
  findReferences,
  freshId,
  referenceKind,
  renameChanges,
  withFreshIds,
} from '../../../src/workspace/editor/id-refs.ts';
import { applyChanges, parseLoose } from '../../../src/engine/format/text-edit.ts';
import { validate } from '../../../src/engine/format/validate.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const doc = parseLoose(template);

describe('ids and their references', () => {
  it('lists ids by kind, steps by phase', () => {
    expect(declaredIds(doc, 'step', 0)).toEqual(['prep-consent', 'prep-screening']);
    expect(declaredIds(doc, 'ending')).toEqual(['discharged', 'dose-deferred', 'left-early']);
    expect(declaredIds(doc, 'competency')).toEqual(['safety', 'alliance']);
  });

  it('knows which fields refer to which ids', () => {
    expect(referenceKind(['phases', 0, 'steps', 0, 'options', 0, 'next'])).toBe('step');
    expect(referenceKind(['phases', 0, 'start'])).toBe('step');
    expect(referenceKind(['protocol', 'monitoring', 0, 'competency'])).toBe('competency');
    expect(referenceKind(['protocol', 'monitoring', 0, 'references', 0])).toBe('reference');
    expect(referenceKind(['references', 0])).toBeUndefined();
    expect(referenceKind(['media', 'audio', 0, 'id'])).toBeUndefined();
  });

  it('renaming a step id makes start and every next follow, and the file stays valid', () => {
    const changes = renameChanges(
      doc,
      ['phases', 0, 'steps', 1, 'id'],
      'prep-screening',
      'prep-screen-2',
    );
    const after = applyChanges(template, changes);
    expect(after).not.toContain('"prep-screening"');
    expect(validate(after).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('renaming a competency renames points keys and monitoring checks', () => {
    const refs = findReferences(doc, 'competency', 'safety');
    expect(refs.some((r) => r.isKey)).toBe(true);
    expect(refs.some((r) => !r.isKey)).toBe(true);
    const after = applyChanges(
      template,
      renameChanges(doc, ['competencies', 0, 'id'], 'safety', 'medical-safety'),
    );
    expect(after).not.toContain('"safety"');
    expect(validate(after).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Each renamed key stays where it was: the file differs from the template only in the name.
    const afterLines = after.split('\n');
    const changed = template.split('\n').flatMap((line, i) => (line === afterLines[i] ? [] : [i]));
    expect(afterLines.length).toBe(template.split('\n').length);
    for (const i of changed)
      expect(afterLines[i]).toBe(
        template.split('\n')[i]!.replaceAll('"safety"', '"medical-safety"'),
      );
  });

  it('a points key is not renamed onto a key the record already has (nothing is overwritten)', () => {
    const text = template.replace('"safety": 1', '"safety": 1, "medical-safety": 3');
    expect(text).not.toBe(template);
    const changes = renameChanges(
      parseLoose(text),
      ['competencies', 0, 'id'],
      'safety',
      'medical-safety',
    );
    const after = applyChanges(text, changes);
    expect(after).toContain('"safety": 1, "medical-safety": 3');
  });

  it('renaming an ending and a reference', () => {
    let text = applyChanges(
      template,
      renameChanges(doc, ['endings', 0, 'id'], 'discharged', 'home'),
    );
    text = applyChanges(
      text,
      renameChanges(parseLoose(text), ['references', 0, 'id'], 'label-bp-guidance', 'label-bp'),
    );
    expect(text).not.toMatch(/"discharged"|"label-bp-guidance"/);
    expect(validate(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('renaming to an id already declared leaves the references alone', () => {
    const changes = renameChanges(doc, ['endings', 0, 'id'], 'discharged', 'left-early');
    expect(changes).toEqual([{ kind: 'set', path: ['endings', 0, 'id'], value: 'left-early' }]);
  });

  it('fresh ids never collide', () => {
    expect(freshId('a', ['a', 'a-2'])).toBe('a-3');
    const taken = new Set(['s', 's-copy', 'o']);
    const copy = withFreshIds({ id: 's', options: [{ id: 'o', next: 's' }] }, taken);
    expect(copy).toEqual({ id: 's-copy-2', options: [{ id: 'o-copy', next: 's' }] });
  });
});
