/** The course screens' words: a visit kind after its article, carried items as "phrase: value". */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCourse } from '../../../src/engine/course/index.ts';
import { playCourse } from '../../../src/engine/course/index.ts';
import { carriedRows } from '../../../src/ui/course/carried.ts';
import { visitKindLabel, withArticle } from '../../../src/ui/course/labels.ts';
import { loadScenarioFile } from '../session/fixtures.ts';

const dir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const { course } = validateCourse(readFileSync(`${dir}suicidality-course.course.json`, 'utf8'));
const scenarios = course!.visits.map((v) => loadScenarioFile(dir + v.scenario));

describe('course words', () => {
  it('puts "an" before a kind that starts with a vowel and "a" before the others', () => {
    expect(scenarios.map((s) => withArticle(visitKindLabel(s)))).toEqual([
      'a preparation visit',
      'a dosing visit',
      'an integration visit',
    ]);
  });

  it('lists each carried variable by its description without the sentence’s full stop', () => {
    const { visits } = playCourse(course!, scenarios, {
      seed: 3,
      mode: 'assessment',
      strategy: 'best',
    });
    const rows = carriedRows(visits[1]!.carriedIn, scenarios, scenarios[1]);
    expect(rows).toContainEqual({
      label: 'At the preparation visit she agreed to supportive touch',
      value: 'Yes',
    });
    for (const r of rows) expect(`${r.label}: ${r.value}`).not.toContain('.:');
  });
});
