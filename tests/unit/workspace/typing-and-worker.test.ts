import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EditHistory, composeSplices } from '../../../src/workspace/editor/history.ts';
import { applyChanges, applySplice, invertSplice } from '../../../src/engine/index.ts';
import { checkWorker, type CheckReply } from '../../../src/workspace/check-worker-core.ts';
import { checkText } from '../../../src/workspace/check.ts';

const template = readFileSync('scenarios/templates/minimal.json', 'utf8');
const stepText = ['phases', 1, 'steps', 0, 'text'];

describe('typing into a field', () => {
  it('gives the same text as applying each change afresh, and undoes to the original', () => {
    const h = new EditHistory(template);
    let fresh = template;
    for (const value of ['A', 'Ab', 'A', 'A "quoted" \\ line\nbreak', '', 'Done.']) {
      const change = { kind: 'set' as const, path: stepText, value };
      h.apply([change], 'text', 'f');
      fresh = applyChanges(fresh, [change]);
      expect(h.text).toBe(fresh);
    }
    // Another field in between, then back: still exact.
    h.apply([{ kind: 'set', path: ['title'], value: 'T' }], 'title', 'g');
    h.apply([{ kind: 'set', path: stepText, value: 'Again' }], 'text', 'f');
    fresh = applyChanges(fresh, [
      { kind: 'set', path: ['title'], value: 'T' },
      { kind: 'set', path: stepText, value: 'Again' },
    ]);
    expect(h.text).toBe(fresh);
    h.undo();
    h.undo();
    expect(h.undo()).toBe(true);
    expect(h.text).toBe(template);
    expect(h.canUndo).toBe(false);
  });

  it('composes two splices into one that does both', () => {
    const t0 = 'abcdefghij';
    const first = { offset: 2, removed: 'cd', inserted: 'XYZ' };
    const t1 = applySplice(t0, first);
    for (const second of [
      { offset: 0, removed: 'ab', inserted: '' },
      { offset: 3, removed: 'YZe', inserted: 'q' },
      { offset: 9, removed: 'h', inserted: 'HH' },
    ]) {
      const t2 = applySplice(t1, second);
      const both = composeSplices(t1, first, second);
      expect(applySplice(t0, both)).toBe(t2);
      expect(applySplice(t2, invertSplice(both))).toBe(t0);
    }
  });
});

describe('the diagnostics worker', () => {
  it('posts diagnostics first and the analysis and map after, as checkText finds them', () => {
    const replies: CheckReply[] = [];
    const tasks: (() => void)[] = [];
    const handle = checkWorker(
      (r) => replies.push(r),
      (run) => tasks.push(run),
    );
    handle({ seq: 1, text: template });
    expect(replies).toHaveLength(1);
    const first = replies[0]!;
    expect('stage' in first && first.stage).toBe('diagnostics');
    const full = checkText(template);
    if ('result' in first) {
      expect(first.result.diagnostics).toEqual(full.diagnostics);
      expect(first.result.scenarioFromText).toBe(true);
    }
    tasks.shift()!();
    const second = replies[1]!;
    expect('details' in second && second.details).toEqual({
      analysis: full.analysis,
      map: full.map,
    });
    expect(full.analysis?.weakerOnlySteps).toBeDefined();
  });

  it('makes no analysis for a text that a newer one overtook', () => {
    const replies: CheckReply[] = [];
    const tasks: (() => void)[] = [];
    const handle = checkWorker(
      (r) => replies.push(r),
      (run) => tasks.push(run),
    );
    const broken = template.replace('"start": "prep-consent"', '"start": "nope"');
    handle({ seq: 1, text: template });
    handle({ seq: 2, text: broken });
    for (const run of tasks) run();
    const stages = replies.map((r) => `${r.seq}:${'stage' in r ? r.stage : 'error'}`);
    expect(stages).toEqual(['1:diagnostics', '2:diagnostics', '2:details']);
    const second = replies[1]!;
    if ('result' in second) {
      expect(second.result.errors).toBeGreaterThan(0);
      expect(second.result.scenario).toBeUndefined();
    }
    const last = replies[2]!;
    // A file with errors still gets its map, but no analysis.
    if ('details' in last) {
      expect(last.details.map).toBeDefined();
      expect(last.details.analysis).toBeUndefined();
    }
  });
});
