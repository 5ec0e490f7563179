/**
 * Standards checks: every standard an option or a missed-event consequence cites exists in the
 * catalogue (standards/kap-practice.json), none is both met and breached by the same choice, and a
 * choice that breaches a standard is graded at least at the standard's severity floor
 * (src/engine/standards/floor.ts). Defensive like the other semantic checks: it runs on documents
 * that may have schema errors and never throws on them. Linear in the number of options.
 */
import { standardById, standardIds } from '../standards/catalogue.ts';
import { floorRequirement, meetsFloor } from '../standards/floor.ts';
import { error, pointer, type Finding } from './diagnostics.ts';
import { didYouMean } from './suggest.ts';
import { objectItems } from './object-items.ts';

type Json = Record<string, unknown>;
type Seg = string | number;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = objectItems;
const ids = (v: unknown): [string, number][] =>
  (Array.isArray(v) ? v : []).flatMap((x, i) =>
    typeof x === 'string' ? [[x, i] as [string, number]] : [],
  );

/** The standards findings of a scenario document (already parsed and migrated). */
export function standardsFindings(doc: Json): Finding[] {
  const out: Finding[] = [];
  for (const [phase, p] of objects(doc.phases))
    for (const [step, s] of objects(phase.steps))
      for (const [option, o] of objects(step.options))
        checkCited(option, ['phases', p, 'steps', s, 'options', o], out);
  for (const [event, e] of objects(doc.events)) {
    if (!isObject(event.respond)) continue;
    for (const [option, o] of objects(event.respond.options))
      checkCited(option, ['events', e, 'respond', 'options', o], out);
    if (isObject(event.respond.missed))
      checkCited(event.respond.missed, ['events', e, 'respond', 'missed'], out);
  }
  return out;
}

function checkCited(item: Json, path: Seg[], out: Finding[]): void {
  if (!isObject(item.standards)) return;
  const at = [...path, 'standards'];
  const what = typeof item.id === 'string' ? `The option "${item.id}"` : 'This missed response';
  const met = new Set<string>();
  for (const [id, i] of ids(item.standards.meets)) {
    if (known(id, [...at, 'meets', i], out)) met.add(id);
  }
  const points = isObject(item.points) ? (item.points as Record<string, number>) : undefined;
  for (const [id, i] of ids(item.standards.breaches)) {
    const where = [...at, 'breaches', i];
    if (!known(id, where, out)) continue;
    if (met.has(id)) {
      out.push(
        error(
          'STANDARD_MET_AND_BREACHED',
          pointer(...where),
          `${what} both meets and breaches the standard "${id}".`,
          'Keep it in "meets" or in "breaches", not both.',
        ),
      );
    }
    const standard = standardById(id)!;
    if (!meetsFloor(standard.floor, { points, critical: item.critical })) {
      out.push(
        error(
          'STANDARD_BELOW_FLOOR',
          pointer(...where),
          `${what} breaches "${standard.title}" (${id}), whose floor is ${standard.floor}, but is graded below it.`,
          `A breach of a ${standard.floor} standard needs ${floorRequirement(standard.floor)}; see docs/standards.md.`,
        ),
      );
    }
  }
}

/**
 * "Did you mean" for an id whose words are all in one standard's id, in any order (e.g.
 * "truthful-records" for "records-truthful"), where edit distance finds nothing; undefined when
 * no single id holds them all.
 */
function sameWordsHint(id: string, ids: readonly string[]): string | undefined {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  const given = words(id);
  if (given.length === 0) return undefined;
  const matches = ids.filter((candidate) => {
    const have = new Set(words(candidate));
    return given.every((w) => have.has(w));
  });
  return matches.length === 1 ? `Did you mean "${matches[0]}"?` : undefined;
}

function known(id: string, path: Seg[], out: Finding[]): boolean {
  if (standardById(id) !== undefined) return true;
  out.push(
    error(
      'UNKNOWN_STANDARD',
      pointer(...path),
      `There is no standard "${id}" in the standards catalogue.`,
      didYouMean(id, standardIds()) ??
        sameWordsHint(id, standardIds()) ??
        'The standards and their ids are listed in docs/standards.md.',
    ),
  );
  return false;
}
