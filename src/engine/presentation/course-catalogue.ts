/**
 * What the library shows of a course: its title, its visits (title and kind, in order) and what
 * carries from one visit to the next, in words. Read at build time from the course and its
 * visits' files, like the scenario cards (see catalogue.ts). Pure.
 */
import type { CourseDef } from '../format/course.ts';
import { catalogueEntry, type CourseCard } from './catalogue.ts';

export type { CourseCard };

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** "consentRecorded" → "Consent recorded". */
export function factLabel(fact: string): string {
  const words = fact.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A carried item's description as a phrase to list or to follow with its value: without the
 * sentence's closing full stop ("… supportive touch." → "… supportive touch"), so that "; " and
 * ": Yes" do not run into it.
 */
export function carriedPhrase(description: string): string {
  return description.trim().replace(/\.+$/, '');
}

/**
 * The card of `course` (file `file`), from its visits' files (`{ id, text }`, id = file name
 * without `.json`). A variable is described by the first visit that declares it with a
 * description, else named by its id. Never throws.
 */
export function courseCard(
  course: CourseDef,
  file: string,
  files: readonly { id: string; text: string }[],
): CourseCard {
  const visits = course.visits.map((v) => {
    const id = v.scenario.replace(/\.json$/, '');
    const text = files.find((f) => f.id === id)?.text ?? '';
    const entry = catalogueEntry(id, text);
    return { id, title: entry.title, visitKind: entry.visitKind || 'dosing', text };
  });
  const described = new Map<string, string>();
  for (const v of visits) {
    let doc: Record<string, unknown> = {};
    try {
      doc = record(JSON.parse(v.text));
    } catch {
      continue;
    }
    const variables = Array.isArray(doc.variables) ? doc.variables.map(record) : [];
    for (const variable of variables)
      if (typeof variable.id === 'string' && typeof variable.description === 'string')
        if (!described.has(variable.id)) described.set(variable.id, variable.description);
  }
  return {
    id: course.id,
    title: course.title,
    file,
    visits: visits.map(({ id, title, visitKind }) => ({ id, title, visitKind })),
    carries: [
      ...(course.carry.variables ?? []).map((id) => carriedPhrase(described.get(id) ?? id)),
      ...(course.carry.facts ?? []).map(factLabel),
      ...(course.carry.lastVitals ? ['The last vital signs'] : []),
    ],
  };
}
