/**
 * `run` on a course file plays every visit in order through the engine's playCourse and prints
 * each visit's report and the course summary; a course with errors is not played.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { main } from '../../../src/cli/main.ts';
import { playCourse, validate, validateCourse } from '../../../src/engine/index.ts';

const path = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const COURSE = path('scenarios/suicidality-course.course.json');
const BROKEN = path('tests/fixtures/format/course/carry-unknown.course.json');

describe('run on a course file', { timeout: 60_000 }, () => {
  it('plays every visit and gives the same results as playCourse', async () => {
    const { code, out } = await runCli([COURSE, '--strategy', 'worst', '--json']);
    const json = JSON.parse(out.join('\n')) as {
      courseId: string;
      visits: { scenarioId: string; overall: number; passed: boolean; carriedIn: unknown }[];
      summary: { passed: boolean; completed: boolean };
    };
    const course = validateCourse(readFileSync(COURSE, 'utf8')).course!;
    const scenarios = course.visits.map(
      (v) => validate(readFileSync(path(`scenarios/${v.scenario}`), 'utf8')).scenario!,
    );
    const expected = playCourse(course, scenarios, {
      seed: 1,
      mode: 'assessment',
      strategy: 'worst',
    });
    expect(code).toBe(expected.summary.completed ? 0 : 1);
    expect(json.courseId).toBe(course.id);
    expect(json.summary).toEqual(expected.summary);
    expect(json.visits.map((v) => [v.scenarioId, v.overall, v.passed])).toEqual(
      expected.visits.map((v) => [v.scenarioId, v.run.report.overall, v.run.report.passed]),
    );
    expect(json.visits.map((v) => v.carriedIn)).toEqual(expected.visits.map((v) => v.carriedIn));
    expect(json.summary.passed).toBe(false);
  });

  it("prints each visit's report, what it carried in, and the course summary", async () => {
    const { code, out } = await runCli([COURSE]);
    expect(code).toBe(0);
    const headings = out.filter((l) => l.startsWith('=== Visit '));
    expect(headings).toHaveLength(3);
    expect(headings[0]).toMatch(/^=== Visit 1 of 3: .*suicidality-course-preparation\.json$/);
    expect(out[out.indexOf(headings[0]!) + 1]).toBe('Carried in: nothing (first visit)');
    expect(out[out.indexOf(headings[1]!) + 1]).toMatch(/^Carried in: variables .*=true/);
    expect(out.filter((l) => l.startsWith('Overall: '))).toHaveLength(3);
    expect(out).toContain('Course summary:');
    expect(out.at(-1)).toBe('Course: every visit reached an ending — PASSED');
  });

  it('does not play a course with errors, and refuses --choices', async () => {
    const broken = await runCli([BROKEN]);
    expect(broken.code).toBe(1);
    expect(broken.out).toEqual([]);
    expect(broken.err.join('\n')).toMatch(/COURSE_CARRY_UNKNOWN/);
    const choices = await runCli([COURSE, '--choices', 'a,b']);
    expect(choices.code).toBe(2);
    expect(choices.err.join('\n')).toContain('a course takes --strategy');
  });

  it('analyze still explains that it takes one visit', async () => {
    const err: string[] = [];
    const code = await main(['analyze', COURSE], { out: () => {}, err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('`run` plays it; analyze and graph take one visit');
  });
});
