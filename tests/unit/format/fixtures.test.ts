import { describe, expect, it } from 'vitest';
import { diagnosticsOf, expectedOf, readFixture, scenarioFiles } from './fixture-files.ts';

const located = (d: { code: string; path: string; line: number; column: number }) => ({
  code: d.code,
  path: d.path,
  line: d.line,
  column: d.column,
});

describe('valid fixtures', () => {
  it.each(scenarioFiles('valid'))('%s has no errors and the expected warnings', (file) => {
    const diagnostics = diagnosticsOf(readFixture('valid', file));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map(located)).toEqual(expectedOf('valid', file) ?? []);
  });
});

describe('invalid fixtures', () => {
  it.each(scenarioFiles('invalid'))(
    '%s reports the expected codes at the expected places',
    (file) => {
      const expected = expectedOf('invalid', file);
      expect(expected, `missing ${file.replace('.json', '.expected.json')}`).toBeDefined();
      const diagnostics = diagnosticsOf(readFixture('invalid', file));
      expect(diagnostics.map(located)).toEqual(expected);
      expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
      for (const d of diagnostics) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      }
    },
  );
});
