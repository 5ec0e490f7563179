import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, unguard } from '../../../src/engine/results/csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and reads them back', () => {
    const rows = [
      ['a, b', 'say "hello"', 'two\nlines', 3, true, null],
      ['plain', '', 'café — ü', -2.5, false, undefined],
    ];
    const text = toCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], rows);
    expect(parseCsv(text)).toEqual([
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
      ['a, b', 'say "hello"', 'two\nlines', '3', 'true', ''],
      ['plain', '', 'café — ü', '-2.5', 'false', ''],
    ]);
  });

  it('stops spreadsheet formulas in text cells but keeps negative numbers', () => {
    const text = toCsv(['x'], [['=HYPERLINK("http://evil")'], ['@cmd'], [-3]]);
    const [, formula, at, negative] = parseCsv(text);
    expect(formula![0]).toBe('\'=HYPERLINK("http://evil")');
    expect(unguard(formula![0]!)).toBe('=HYPERLINK("http://evil")');
    expect(unguard(at![0]!)).toBe('@cmd');
    expect(negative![0]).toBe('-3');
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/line 2/);
  });
});
