import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppendSet } from '../../../src/engine/session/append-set.ts';

describe('AppendSet', () => {
  it('adding to an older set (a practice retry) leaves the newer one as it was', () => {
    const base = AppendSet.from(['a']);
    const left = base.add('b');
    const right = base.add('c').add('b');
    expect(left.has('b') && !left.has('c')).toBe(true);
    expect([...right]).toEqual(['a', 'c', 'b']);
    expect(base.has('b')).toBe(false);
    expect(JSON.stringify({ s: left })).toBe('{"s":{"a":true,"b":true}}');
  });

  it('every value answers exactly as the copied record it replaces, over random branching adds', () => {
    const key = fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6');
    // Each add picks an earlier value (by index) to add to, as retries and branches do.
    const ops = fc.array(fc.tuple(fc.nat(), key), { maxLength: 60 });
    fc.assert(
      fc.property(ops, (adds) => {
        const sets = [AppendSet.empty()];
        const records: Record<string, true>[] = [{}];
        for (const [pick, k] of adds) {
          const i = pick % sets.length;
          sets.push(sets[i]!.add(k));
          records.push({ ...records[i]!, [k]: true });
        }
        sets.forEach((s, i) => {
          expect(s.toJSON()).toEqual(records[i]);
          expect(s.size).toBe(Object.keys(records[i]!).length);
          for (const k of ['s1', 's2', 's3', 's4', 's5', 's6'])
            expect(s.has(k)).toBe(k in records[i]!);
        });
      }),
    );
  });
});
