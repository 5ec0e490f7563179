/**
 * `validate` of course files: each course diagnostic has a fixture (a course file beside its
 * visits) and the diagnostics it must produce, placed in the course file; directories and the
 * bundled scenarios folder include their course files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../../src/cli/commands/validate.ts';
import { analyzeCommand } from '../../../src/cli/commands/analyze.ts';
import type { Io } from '../../../src/cli/io.ts';

const dir = 'tests/fixtures/format/course';
const courses = readdirSync(dir).filter((f) => f.endsWith('.course.json'));

async function validateFiles(...args: string[]) {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(...l.split('\n')), err: (l) => out.push(l) };
  const code = await validateCommand([...args, '--json'], io);
  return { code, result: JSON.parse(out.join('\n')) as ValidateJson };
}

interface ValidateJson {
  files: {
    file: string;
    diagnostics: {
      code: string;
      path: string;
      line: number;
      column: number;
      severity: string;
      hint?: string;
    }[];
  }[];
  errors: number;
  warnings: number;
}

describe('validate FILE.course.json', () => {
  it.each(courses)('%s gives exactly its expected diagnostics', async (name) => {
    const expected = JSON.parse(
      readFileSync(`${dir}/${name.replace('.course.json', '.expected.json')}`, 'utf8'),
    ) as unknown[];
    const { result } = await validateFiles(`${dir}/${name}`);
    const got = result.files[0]!.diagnostics.map(({ code, path, line, column }) => ({
      code,
      path,
      line,
      column,
    }));
    expect(got).toEqual(expected);
  });

  it('covers every course diagnostic, with a fixture of its own', async () => {
    const codes = new Set<string>();
    for (const name of courses) {
      const { result } = await validateFiles(`${dir}/${name}`);
      for (const d of result.files[0]!.diagnostics) codes.add(d.code);
    }
    expect([...codes].sort()).toEqual([
      'COURSE_CARRY_MISSING',
      'COURSE_CARRY_UNKNOWN',
      'COURSE_CARRY_UNUSED',
      'COURSE_VISIT_INVALID',
      'COURSE_VISIT_MISSING',
      'COURSE_VISIT_ORDER',
    ]);
  });

  it('suggests the declared variable a misspelt carried name was meant to be', async () => {
    const { code, result } = await validateFiles(`${dir}/carry-unknown.course.json`);
    const unknown = result.files[0]!.diagnostics.find((d) => d.code === 'COURSE_CARRY_UNKNOWN');
    expect(unknown).toMatchObject({ severity: 'error', hint: 'Did you mean "touchHandOnly"?' });
    expect(code).toBe(1);
  });

  it('a directory includes its course files, checked as courses, not as scenarios', async () => {
    const { result } = await validateFiles(dir);
    const order = result.files.find((f) => f.file.endsWith('visit-order.course.json'))!;
    expect(order.diagnostics.map((d) => d.code)).toEqual([
      'COURSE_VISIT_ORDER',
      'COURSE_VISIT_ORDER',
    ]);
    const valid = result.files.find((f) => f.file.endsWith('valid.course.json'))!;
    expect(valid.diagnostics).toEqual([]);
  });

  it('the bundled course and its visits have no error and no warning', async () => {
    const { code, result } = await validateFiles('scenarios/suicidality-course.course.json');
    expect(result.files[0]!.diagnostics).toEqual([]);
    expect(code).toBe(0);
    const all = await validateFiles('scenarios');
    const course = all.result.files.find((f) => f.file.endsWith('.course.json'))!;
    expect(course.diagnostics).toEqual([]);
  });

  it('analyze of a course file says what the file is and which commands take it', async () => {
    const err: string[] = [];
    const code = await analyzeCommand(['scenarios/suicidality-course.course.json'], {
      out: () => undefined,
      err: (l) => err.push(l),
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('this is a course file');
  });
});
