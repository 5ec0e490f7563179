/** `kap-scenario tidy`: lists the implied values a file writes out, and removes them with --write. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { validate } from '../../../src/engine/format/validate.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function copyOfTemplate(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kap-tidy-'));
  const file = path.join(dir, 'minimal.json');
  copyFileSync('scenarios/templates/minimal.json', file);
  return file;
}

describe('kap-scenario tidy', { timeout: 30_000 }, () => {
  it('without --write lists each implied value at its line and changes nothing', async () => {
    const file = copyOfTemplate();
    const before = readFileSync(file, 'utf8');
    const r = await cli('tidy', file);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const listed = r.out.filter((l) => l.startsWith(`${file}:`) && /:\d+:\d+ /.test(l));
    expect(listed.length).toBeGreaterThan(0);
    for (const l of listed) {
      const [, line, what] = /:(\d+):\d+ (kind|next) /.exec(l)!;
      expect(before.split('\n')[Number(line) - 1]).toContain(`"${what}"`);
    }
    expect(r.out.at(-1)).toBe(
      `${file}: ${listed.length} implied values to remove (${listed.length} lines fewer); --write removes them.`,
    );
  });

  it('--write removes them; the file reads as the same scenario, and a second run finds none', async () => {
    const file = copyOfTemplate();
    const before = readFileSync(file, 'utf8');
    const r = await cli('tidy', file, '--write');
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n').length).toBeLessThan(before.split('\n').length);
    expect(validate(after).scenario).toEqual(validate(before).scenario);
    expect((await cli('tidy', file)).out).toEqual([
      `${file}: no implied values written out; nothing to do.`,
    ]);
  });

  it('leaves a file with errors as it is and says why', async () => {
    const file = copyOfTemplate();
    const broken = readFileSync(file, 'utf8').replace('"start": "prep-consent"', '"start": "nope"');
    writeFileSync(file, broken);
    const r = await cli('tidy', file, '--write');
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(r.err.at(-1)).toMatch(/: 1 error: left as it is; fix it first\.$/);

    const twice = broken.replace('"start": "admin-vitals"', '"start": "nope"');
    writeFileSync(file, twice);
    const r2 = await cli('tidy', file);
    expect(r2.code).toBe(1);
    expect(r2.err.at(-1)).toMatch(/: 2 errors: left as it is; fix them first\.$/);
  });

  it('is listed in the help, and refuses an unknown option', async () => {
    expect((await cli('--help')).out.join('\n')).toMatch(/tidy <files.*\[--write\]/);
    expect((await cli('tidy', 'x.json', '--force')).code).toBe(2);
  });
});
