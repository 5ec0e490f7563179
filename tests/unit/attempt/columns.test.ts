/**
 * The column form a checkpoint writes its long lists in: every list of records reads back as it
 * was (same records, same keys in the same order), and a damaged form is refused, not guessed at.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromColumns, toColumns, type Columns } from '../../../src/engine/attempt/columns.ts';

const record = fc
  .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
  .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>)
  .filter((r) => !Object.hasOwn(r, '__proto__'));

describe('the column form of a list of records', () => {
  it('reads back every record with its keys in their order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const text = JSON.stringify(toColumns(records));
        const back = fromColumns(JSON.parse(text) as Columns);
        expect(JSON.stringify(back)).toBe(JSON.stringify(records));
      }),
    );
  });

  it('writes repeated strings once, and a record of another shape with its own keys', () => {
    const records = [
      ...Array.from({ length: 20 }, (_, i) => ({ speaker: i % 2 ? 'patient' : 'trainee', n: i })),
      { n: 20, affect: 'calm', speaker: 'patient' },
    ];
    const columns = toColumns(records);
    expect(JSON.stringify(columns).match(/patient/g)).toHaveLength(1);
    expect(fromColumns(columns)).toEqual(records);
    expect(Object.keys(fromColumns(columns)[20]!)).toEqual(['n', 'affect', 'speaker']);
  });

  it('refuses a damaged form with an error instead of inventing records', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ kind: 'step', at: i }));
    const good = JSON.parse(JSON.stringify(toColumns(records))) as Columns;
    const damaged: Columns[] = [
      { ...good, count: 11 },
      { ...good, shapes: [[0, 5]] },
      { ...good, values: [good.values[0]!, [1, 2, 3]] },
      {
        ...good,
        values: [{ strings: ['step'], at: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3] }, good.values[1]!],
      },
      { ...good, keys: ['__proto__', 'at'] },
      { ...good, shapeOf: [0] },
    ];
    for (const form of damaged) expect(() => fromColumns(form)).toThrow();
  });
});
