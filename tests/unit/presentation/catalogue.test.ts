import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogueEntry,
  catalogueModule,
  courseOrder,
  recommendedOrder,
} from '../../../src/engine/presentation/catalogue.ts';
import { listScenarioFiles } from '../../../src/engine/library.ts';
import { readdirSync } from 'node:fs';

const files = listScenarioFiles(readdirSync('scenarios').map((f) => `/scenarios/${f}`)).map(
  (f) => ({ id: f.id, text: readFileSync(`scenarios/${f.file}`, 'utf8') }),
);

describe('scenario catalogue', () => {
  it('reads each bundled scenario’s card fields from its file', () => {
    for (const { id, text } of files) {
      const doc = JSON.parse(text);
      const entry = catalogueEntry(id, text);
      expect(entry).toMatchObject({
        id,
        readable: true,
        title: doc.title,
        summary: doc.summary,
        difficulty: doc.difficulty,
        estimatedMinutes: doc.estimatedMinutes ?? null,
        contentWarnings: doc.contentWarnings,
        route: `${doc.protocol.drug}, ${doc.protocol.route}`,
      });
    }
  });

  it('lists an unreadable file instead of failing, and blanks missing fields', () => {
    expect(catalogueEntry('broken', '{ nope')).toMatchObject({ readable: false, title: 'broken' });
    expect(catalogueEntry('bare', '{"visit": {"kind": "integration"}}')).toMatchObject({
      readable: true,
      title: 'bare',
      visitKind: 'integration',
      route: '',
      estimatedMinutes: null,
    });
  });

  it('orders introductory first, then by length and title', () => {
    const e = (id: string, difficulty: string, estimatedMinutes: number | null) => ({
      ...catalogueEntry(id, '{}'),
      title: id,
      difficulty,
      estimatedMinutes,
    });
    const ordered = recommendedOrder([
      e('adv', 'advanced', 20),
      e('mid-long', 'intermediate', 60),
      e('unknown', '', 10),
      e('mid-short', 'intermediate', 30),
      e('intro', 'introductory', 90),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(['intro', 'mid-short', 'mid-long', 'adv', 'unknown']);
    const bundled = recommendedOrder(files.map((f) => catalogueEntry(f.id, f.text)));
    expect(bundled[0]!.difficulty).toBe('introductory');
  });

  it("keeps a course's visits together, in course order, where its first-listed visit was", () => {
    const e = (id: string) => ({ ...catalogueEntry(id, '{}'), title: id });
    const entries = ['a', 'prep', 'b', 'integ', 'c', 'dose'].map(e);
    const ordered = courseOrder(entries, [{ visits: ['prep', 'dose', 'integ', 'missing'] }]);
    expect(ordered.map((x) => x.id)).toEqual(['a', 'prep', 'dose', 'integ', 'b', 'c']);
    expect(courseOrder(entries, []).map((x) => x.id)).toEqual(entries.map((x) => x.id));
  });

  it('lists the bundled suicidality course as three visits in order', async () => {
    const course = JSON.parse(readFileSync('scenarios/suicidality-course.course.json', 'utf8'));
    const visits = course.visits.map((v: { scenario: string }) => v.scenario.replace('.json', ''));
    const source = catalogueModule(files, [{ visits }]);
    const url = `data:text/javascript,${encodeURIComponent(source)}`;
    const ids: string[] = (await import(/* @vite-ignore */ url)).default.map(
      (x: { id: string }) => x.id,
    );
    const at = ids.indexOf(visits[0]);
    expect(ids.slice(at, at + 3)).toEqual(visits);
    expect(ids).not.toContain('suicidality-course.course');
  });

  it('is a module of plain data a browser can import', async () => {
    const source = catalogueModule(files);
    const url = `data:text/javascript,${encodeURIComponent(source)}`;
    const entries = (await import(/* @vite-ignore */ url)).default;
    expect(entries.map((x: { id: string }) => x.id).sort()).toEqual(files.map((f) => f.id).sort());
  });
});
