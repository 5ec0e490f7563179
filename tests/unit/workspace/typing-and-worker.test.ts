import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EditHistory, composeSplices } from '../../../src/workspace/editor/history.ts';
import { applyChanges, applySplice, invertSplice } from '../../../src/engine/index.ts';
import { answer, type CheckRequest, type Stage } from '../../../src/workspace/check-worker-core.ts';
import { CheckScheduler } from '../../../src/workspace/check-scheduler.ts';
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

describe('the check workers and their scheduler', () => {
  /** Two fake workers that answer only when told to. */
  function setup() {
    const queues: Record<Stage, CheckRequest[]> = { diagnostics: [], details: [] };
    const seen: string[] = [];
    // The pause in typing, fired by the test.
    let timers: (() => void)[] = [];
    const later = (run: () => void) => {
      timers.push(run);
      return () => (timers = timers.filter((t) => t !== run));
    };
    const pause = () => {
      const due = timers;
      timers = [];
      for (const t of due) t();
    };
    const scheduler = new CheckScheduler(
      (r) => queues.diagnostics.push(r),
      (r) => queues.details.push(r),
      {
        ondiagnostics: (result, seq) => seen.push(`${seq}:diagnostics:${result.errors}`),
        ondetails: (details, seq) => seen.push(`${seq}:details:${details.map ? 'map' : ''}`),
        onerror: (m) => seen.push(`error:${m}`),
      },
      later,
    );
    const run = (stage: Stage) => scheduler.reply(answer(queues[stage].shift()!));
    return { queues, seen, scheduler, run, pause };
  }
  const broken = template.replace('"start": "prep-consent"', '"start": "nope"');

  it('answers with the same diagnostics, analysis and map as checkText', () => {
    const full = checkText(template);
    const d = answer({ seq: 1, text: template, stage: 'diagnostics' });
    expect('result' in d && d.result.diagnostics).toEqual(full.diagnostics);
    expect('result' in d && d.result.scenarioFromText).toBe(true);
    const e = answer({ seq: 1, text: template, stage: 'details' });
    expect('details' in e && e.details).toEqual({ analysis: full.analysis, map: full.map });
    expect(full.analysis?.weakerOnlySteps).toBeDefined();
  });

  it('sends only the newest text while one is checked, and shows each newer answer', () => {
    const { queues, seen, scheduler, run, pause } = setup();
    scheduler.check(template);
    scheduler.check(broken);
    scheduler.check(template);
    // Text 2 was replaced by text 3 before it could be sent.
    expect(queues.diagnostics.map((r) => r.seq)).toEqual([1]);
    run('diagnostics');
    // Text 1's diagnostics are shown (newer than anything shown); text 3 goes next.
    expect(seen).toEqual(['1:diagnostics:0']);
    expect(queues.diagnostics.map((r) => r.seq)).toEqual([3]);
    run('diagnostics');
    expect(seen).toEqual(['1:diagnostics:0', '3:diagnostics:0']);
    // No analysis while typing goes on; when it pauses, the newest text's.
    expect(queues.details).toEqual([]);
    pause();
    expect(queues.details.map((r) => r.seq)).toEqual([3]);
    expect(scheduler.busy).toBe(true);
    run('details');
    expect(seen).toEqual(['1:diagnostics:0', '3:diagnostics:0', '3:details:map']);
    expect(scheduler.busy).toBe(false);
  });

  it('a pause before the diagnostics are in asks for the analysis when they come', () => {
    const { queues, seen, scheduler, run, pause } = setup();
    scheduler.check(template);
    pause();
    expect(queues.details).toEqual([]);
    run('diagnostics');
    expect(queues.details.map((r) => r.seq)).toEqual([1]);
    // Typing again while the analysis runs: diagnostics go on; the next analysis waits for
    // the running one and the next pause.
    scheduler.check(broken);
    run('diagnostics');
    run('details');
    expect(queues.details).toEqual([]);
    pause();
    expect(queues.details.map((r) => r.seq)).toEqual([2]);
    run('details');
    expect(seen.map((s) => s.replace(/:[1-9]\d*$/, ':N'))).toEqual([
      '1:diagnostics:0',
      '2:diagnostics:N',
      '1:details:map',
      '2:details:map',
    ]);
  });

  it('never shows an answer older than one already shown', () => {
    const { seen, scheduler } = setup();
    scheduler.check(template);
    scheduler.check(broken);
    scheduler.reply(answer({ seq: 2, text: broken, stage: 'diagnostics' }));
    scheduler.reply(answer({ seq: 1, text: template, stage: 'diagnostics' }));
    scheduler.reply(answer({ seq: 2, text: broken, stage: 'details' }));
    scheduler.reply(answer({ seq: 1, text: template, stage: 'details' }));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^2:diagnostics:[1-9]/);
    // A file with errors still gets its map.
    expect(seen[1]).toBe('2:details:map');
  });
});
