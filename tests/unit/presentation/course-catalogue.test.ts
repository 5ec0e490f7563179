/** The library's course card, built at build time from the course file and its visits' files. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCourse } from '../../../src/engine/format/course.ts';
import { catalogueModule } from '../../../src/engine/presentation/catalogue.ts';
import {
  carriedPhrase,
  courseCard,
  factLabel,
} from '../../../src/engine/presentation/course-catalogue.ts';

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.endsWith('.course.json'))
  .map((f) => ({ id: f.replace(/\.json$/, ''), text: readFileSync(`scenarios/${f}`, 'utf8') }));
const FILE = 'suicidality-course.course.json';
const course = validateCourse(readFileSync(`scenarios/${FILE}`, 'utf8')).course!;

describe('course card', () => {
  const card = courseCard(course, FILE, files);

  it('lists the visits in course order with their titles and kinds', () => {
    expect(card.visits.map((v) => [v.id, v.visitKind])).toEqual([
      ['suicidality-course-preparation', 'preparation'],
      ['suicidality-course-dosing', 'dosing'],
      ['suicidality-course-integration', 'integration'],
    ]);
    expect(card.visits[0]!.title).toBe(
      JSON.parse(files.find((f) => f.id === 'suicidality-course-preparation')!.text).title,
    );
  });

  it('says what carries in words: variables by their description, then facts', () => {
    // Phrases (no closing full stop), so that the library's "; " list does not read "touch.; …".
    expect(card.carries[0]).toBe('At the preparation visit she agreed to supportive touch');
    for (const c of card.carries) expect(c).not.toMatch(/\.$/);
    expect(card.carries).toHaveLength(
      (course.carry.variables?.length ?? 0) + (course.carry.facts?.length ?? 0),
    );
    expect(card.carries.at(-1)).toBe('Consent recorded');
    expect(factLabel('riskAssessmentRecorded')).toBe('Risk assessment recorded');
  });

  it('a visit file that is missing or not JSON still gives a card (named by its id)', () => {
    const partial = courseCard(course, FILE, [{ id: 'suicidality-course-dosing', text: '{' }]);
    expect(partial.visits.map((v) => v.title)).toEqual(card.visits.map((v) => v.id));
  });

  it('is the catalogue module’s named export `courses`', async () => {
    const source = catalogueModule(files, [], [card]);
    const url = `data:text/javascript,${encodeURIComponent(source)}`;
    expect((await import(/* @vite-ignore */ url)).courses).toEqual([card]);
  });
});

describe('carried phrase', () => {
  it('drops a sentence’s closing full stop and keeps a phrase as it is', () => {
    expect(carriedPhrase('She found her own intention. ')).toBe('She found her own intention');
    expect(carriedPhrase('Touch terms agreed')).toBe('Touch terms agreed');
  });
});
