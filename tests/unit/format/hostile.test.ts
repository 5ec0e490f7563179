import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_BYTES, validate } from '../../../src/engine/format/index.ts';
import { minimalText } from './fixture-files.ts';

const only = (text: string) => {
  const { diagnostics, scenario } = validate(text);
  expect(scenario).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe('hostile input is refused with one clear diagnostic', () => {
  it('refuses text over 5 MB before parsing it', () => {
    const text = '{"title": "' + 'x'.repeat(MAX_BYTES) + '"}';
    expect(only(text)).toMatchObject({ code: 'FILE_TOO_LARGE', line: 1, column: 1 });
    expect(decodeBytes(new Uint8Array(MAX_BYTES + 1))).toMatchObject({
      finding: { code: 'FILE_TOO_LARGE' },
    });
  });

  it('refuses deep nesting without recursing into it', () => {
    const text = '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(only(text)).toMatchObject({ code: 'TOO_DEEP', line: 1 });
  });

  it('accepts brackets inside strings, which are not nesting', () => {
    const doc = JSON.parse(minimalText());
    doc.summary = '['.repeat(500) + ' "quoted \\" [[[ ';
    expect(validate(JSON.stringify(doc)).diagnostics.filter((d) => d.code === 'TOO_DEEP')).toEqual(
      [],
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the key %s and pollutes nothing',
    (key) => {
      const text = minimalText().replace(
        '"pronouns"',
        `"${key}": { "isAdmin": true, "polluted": true },\n    "pronouns"`,
      );
      expect(only(text)).toMatchObject({ code: 'FORBIDDEN_KEY', path: `/patient/${key}` });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it.each([
    ['an array', '[1, 2]'],
    ['a number', '42'],
    ['a string', '"scenario"'],
    ['null', 'null'],
  ])('refuses a top level that is %s', (_kind, text) => {
    expect(only(text)).toMatchObject({ code: 'NOT_AN_OBJECT' });
  });

  it.each(['', '   \n\t '])('refuses an empty file %j', (text) => {
    expect(only(text)).toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('refuses UTF-16 and binary content', () => {
    const utf16 = new Uint8Array(Buffer.from('{"a": 1}', 'utf16le'));
    expect(decodeBytes(utf16)).toMatchObject({ finding: { code: 'ENCODING' } });
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0, 0x7b]))).toMatchObject({
      finding: { code: 'ENCODING' },
    });
    expect(decodeBytes(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toMatchObject({
      finding: { code: 'ENCODING' },
    });
    expect(only('{"a": "\u0000"}')).toMatchObject({ code: 'ENCODING' });
  });

  it('accepts a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(minimalText())]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toHaveProperty('text');
    if ('text' in decoded) expect(validate(decoded.text).scenario).toBeDefined();
    // Text that still starts with the mark (e.g. read by another tool) is accepted too.
    expect(validate('\ufeff' + minimalText()).scenario).toBeDefined();
  });

  it('keeps text as text: markup in a scenario is just characters', () => {
    const doc = JSON.parse(minimalText());
    doc.phases[0].steps[0].text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { scenario } = validate(JSON.stringify(doc));
    expect(scenario?.phases[0]!.steps[0]!.text).toBe(
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
    );
  });

  it('reports a syntax error with its line and column', () => {
    const d = only('{\n  "formatVersion": 2,\n  "id": "x"\n  "title": "y"\n}');
    expect(d).toMatchObject({ code: 'JSON_SYNTAX', line: 4, column: 3 });
  });
});
