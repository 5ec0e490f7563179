/**
 * `validate scenarios` — the bundled scenarios, their course file and the template, as an
 * instructor would first run it — reports nothing; a course file is checked as a course.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out };
}

describe('kap-scenario validate scenarios', { timeout: 60_000 }, () => {
  it('finds no error and no warning in any bundled file, the template included', async () => {
    const r = await cli('validate', 'scenarios');
    expect(r.out).toEqual([expect.stringMatching(/^0 errors, 0 warnings in \d+ files\.$/)]);
    expect(r.code).toBe(0);
  });

  it('checks a course file as a course, with a located message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kap-course-'));
    const file = path.join(dir, 'c.course.json');
    const course = JSON.parse(readFileSync('scenarios/suicidality-course.course.json', 'utf8'));
    writeFileSync(file, JSON.stringify({ ...course, visitz: [] }, null, 2));
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/c\.course\.json:\d+:\d+ error COURSE_SCHEMA /);
  });
});
