/**
 * What the cohort view calls a place where a decision was made (a step, an event or a scheduled
 * check, by its id: decisionPlace): the first words of the step's or event's text, or the
 * check's label, so that an instructor reads where trainees were rather than an id.
 */
import type { ScenarioV1 } from '../format/schema.ts';

/** The most characters of a place's text shown (cut at a word, with "…"). */
export const PLACE_TEXT_MAX = 60;

/** `text` cut at a word before `max` characters, with "…" when cut; whitespace collapsed. */
export function firstWords(text: string, max = PLACE_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // Cut at the last whole word: the cut ends one when the next character is not a letter.
  const space = /[\s,;:.!?)]/.test(flat[max - 1]!) ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/**
 * The first words of the text of the step or event with id `id` in `scenario`, or the label of
 * the scheduled check with that id (as written in the scenario, before any variant); null when
 * the scenario has no such place (or its text is empty).
 */
export function placeText(scenario: ScenarioV1, id: string): string | null {
  for (const phase of scenario.phases)
    for (const step of phase.steps) if (step.id === id) return firstWords(step.text) || null;
  for (const event of scenario.events) if (event.id === id) return firstWords(event.text) || null;
  for (const check of scenario.protocol.monitoring)
    if (check.id === id) return firstWords(check.label) || null;
  return null;
}
