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

  it('plus reads as the list and one more item, and leaves the list to grow in place', () => {
    const base = AppendList.from([1, 2]);
    const now = base.plus(3);
    expect(now.length).toBe(3);
    expect([...now]).toEqual([1, 2, 3]);
    expect(now.toArray()).toEqual([1, 2, 3]);
    expect([now.at(0), now.at(-1), now.at(3)]).toEqual([1, 3, undefined]);
    expect(now.map((x, i) => x * 10 + i)).toEqual([10, 21, 32]);
    expect(now.filter((x) => x !== 2)).toEqual([1, 3]);
    expect([now.find((x) => x > 2), now.some((x) => x > 3)]).toEqual([3, false]);
    expect(JSON.stringify(now)).toBe('[1,2,3]');
    // The next append to the list is not the item the view added.
    const next = base.append(9);
    expect(next.toArray()).toEqual([1, 2, 9]);
    expect(now.toArray()).toEqual([1, 2, 3]);
  });

  it('a list read earlier keeps its items when the newest list grows (a view held by a host)', () => {
    let list = AppendList.from(['a']);
    const seen = list;
    for (const x of ['b', 'c', 'd']) list = list.append(x);
    expect([...seen]).toEqual(['a']);
    expect(seen.at(-1)).toBe('a');
    expect(list.toArray()).toEqual(['a', 'b', 'c', 'd']);
  });
});
