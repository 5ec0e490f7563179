import { describe, expect, it } from 'vitest';
import { percentText, wrapWords } from '../../../src/engine/index.ts';
import { laneName } from '../../../src/workspace/map-model.ts';
import { attemptName, shareText, shortAttemptId } from '../../../src/results/cohort-text.ts';

describe('how the cohort view writes its figures', () => {
  it('writes a share as every score is written: one decimal place, none when whole', () => {
    expect(shareText(1 / 3)).toBe('33.3%');
    expect(shareText(0.2)).toBe('20%');
    expect(shareText(1)).toBe('100%');
    expect(shareText(0)).toBe('0%');
    for (const n of [0.05, 0.123, 0.6666, 0.999]) expect(shareText(n)).toBe(percentText(n * 100));
  });

  it('names an attempt by the start of its id and the day it finished', () => {
    const id = '1a2b3c4d-0000-5000-8000-000000000000';
    expect(shortAttemptId(id)).toBe('1a2b3c4d');
    expect(attemptName({ id, finishedAt: '2026-03-03T10:00:00.000Z' })).toBe(
      'attempt 1a2b3c4d, finished 2026-03-03',
    );
    expect(attemptName({ id, finishedAt: '' })).toBe('attempt 1a2b3c4d, no finish date');
  });

  it('writes a phase name as both maps do, in lines that fit its margin', () => {
    const name = laneName({
      index: 3,
      title: 'Guided conversation as the effects wane',
      id: 'guidedConversation',
    });
    expect(name).toBe('4. Guided conversation as the effects wane (guidedConversation)');
    const lines = wrapWords(name, 18);
    expect(lines.join(' ')).toBe(name);
    // Each line fits, except a single word longer than a line, which is never cut.
    for (const l of lines) expect(l.length <= 18 || !l.includes(' ')).toBe(true);
    expect(lines).toContain('(guidedConversation)');
    expect(wrapWords('', 18)).toEqual([]);
  });
});
