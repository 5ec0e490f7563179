import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { validate } from '../../../src/engine/format/index.ts';

const fixture = new URL('../../fixtures/format/valid/minimal-session.json', import.meta.url);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

function v1File(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kap-migrate-'));
  const file = path.join(dir, 'scenario.json');
  const doc = JSON.parse(readFileSync(fixture, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...doc, formatVersion: 1 }, null, 2));
  return file;
}

describe('kap-scenario migrate', () => {
  it('rewrites a $schema pointing at scenarios/scenario.schema.json relative to --out', async () => {
    const file = v1File();
    const schema = path.resolve('scenarios/scenario.schema.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const given = path.relative(path.dirname(file), schema).split(path.sep).join('/');
    writeFileSync(file, JSON.stringify({ ...doc, $schema: given }, null, 2));
    const outDir = path.join(path.dirname(file), 'nested', 'deeper');
    mkdirSync(outDir, { recursive: true });
    const target = path.join(outDir, 'migrated.json');
    expect(await main(['migrate', file, '--out', target], capture().io)).toBe(0);
    const after = JSON.parse(readFileSync(target, 'utf8'));
    expect(after.$schema).not.toBe(given);
    expect(path.resolve(outDir, after.$schema)).toBe(schema);
    expect(after).toEqual({ ...doc, $schema: after.$schema, formatVersion: 2 });
    // Any other $schema (a web address) is kept as written.
    writeFileSync(file, JSON.stringify({ ...doc, $schema: 'https://example.org/s.json' }, null, 2));
    expect(await main(['migrate', file, '--out', target], capture().io)).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).$schema).toBe('https://example.org/s.json');
  });

  it('names the migrate command in the FORMAT_MIGRATED hint', () => {
    const d = validate(readFileSync(v1File(), 'utf8')).diagnostics.find(
      (x) => x.code === 'FORMAT_MIGRATED',
    );
    expect(d?.hint).toContain('npm run scenario -- migrate FILE');
  });

  it('rewrites a format-1 file in format 2, keeping everything else', async () => {
    const file = v1File();
    const before = JSON.parse(readFileSync(file, 'utf8'));
    const { io, out } = capture();
    expect(await main(['migrate', file], io)).toBe(0);
    expect(out.join('\n')).toContain('written in format 2');
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after).toEqual({ ...before, formatVersion: 2 });
    expect(validate(readFileSync(file, 'utf8')).diagnostics).toEqual([]);
  });

  it("edits only the lines the migration changes, keeping the author's formatting", async () => {
    const file = v1File();
    // Compact objects, as authors and Prettier write them, must stay compact.
    const original = readFileSync(file, 'utf8').replace(
      /"points": \{\s*"([a-z]+)": (-?\d+)\s*\}/,
      '"points": { "$1": $2 }',
    );
    writeFileSync(file, original);
    expect(await main(['migrate', file], capture().io)).toBe(0);
    const before = original.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['  "formatVersion": 2,']);
  });

  it('leaves a file already in format 2 alone, and refuses a file with errors', async () => {
    const file = v1File();
    await main(['migrate', file], capture().io);
    const text = readFileSync(file, 'utf8');
    const again = capture();
    expect(await main(['migrate', file], again.io)).toBe(0);
    expect(again.out.join('')).toContain('nothing to do');
    expect(readFileSync(file, 'utf8')).toBe(text);

    writeFileSync(file, text.replace('"passPercent"', '"passPercentt"'));
    const bad = capture();
    expect(await main(['migrate', file], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('nothing written');
  });
});
