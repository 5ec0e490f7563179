import { describe, expect, it } from 'vitest';
import { AppendList } from '../../../src/engine/session/append-list.ts';

describe('AppendList', () => {
  it('appends without changing the lists it came from', () => {
    const a = AppendList.empty<number>().append(1, 2);
    const b = a.append(3);
    expect([...a]).toEqual([1, 2]);
    expect([...b]).toEqual([1, 2, 3]);
    expect(b.at(-1)).toBe(3);
  });

  it('a branch from an older list does not disturb the newer one (retry, explored paths)', () => {
    const base = AppendList.from([1]);
    const left = base.append(2);
    const right = base.append(9);
    expect(left.toArray()).toEqual([1, 2]);
    expect(right.toArray()).toEqual([1, 9]);
    expect(left.dropLast().append(5).toArray()).toEqual([1, 5]);
    expect(left.toArray()).toEqual([1, 2]);
  });

  it('serialises as a plain array', () => {
    expect(JSON.stringify({ l: AppendList.from(['x']).append('y') })).toBe('{"l":["x","y"]}');
  });
});
